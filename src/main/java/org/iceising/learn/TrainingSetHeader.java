package org.iceising.learn;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.iceising.model.Boundary;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;
import org.iceising.model.SpinKind;

/**
 * What a training-set file holds besides its samples: the period, the observed start lattice, the
 * parameter box, the seed and the chain length. Encoded at the start of the file (see
 * {@link TrainingSetFile} for the layout).
 *
 * @param period     the semi-monthly period simulated
 * @param start      the observed lattice every sample starts from
 * @param bounds     the box the parameters were drawn from
 * @param settings   temperature, spin kind and boundary of the chains
 * @param seed       the training set's master seed
 * @param steps      Metropolis steps per sample
 * @param samples    the number of samples the file is meant to hold when complete
 */
public record TrainingSetHeader(SemiMonthlyPeriod period, Lattice start, ParameterBounds bounds,
                                SimulationSettings settings, long seed, long steps, int samples) {

    static final byte[] MAGIC = "ICEITSET".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 2;
    /**
     * Byte offset of the committed-sample field (the count and its check), which changes after
     * creation with the table of block checksums that follows the header.
     */
    static final int COMMITTED_OFFSET = MAGIC.length + 4;
    /** Bytes of the committed-sample field: the count and a CRC-32 of it bound to the header's checksum. */
    static final int COMMITTED_BYTES = 8;
    /** Bytes of the fixed part before the checksummed body. */
    private static final int PREFIX = COMMITTED_OFFSET + COMMITTED_BYTES;

    public TrainingSetHeader {
        if (samples < 1) {
            throw new IllegalArgumentException("a training set needs at least 1 sample per period, got " + samples);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps per sample must be >= 0, got " + steps);
        }
        if (start.activeCount() == 0) {
            throw new IllegalArgumentException("the start lattice of " + period + " has no active cells");
        }
    }

    /** Bytes of one sample: five parameters as doubles, then every cell's end w as a short (w·1000). */
    public int recordBytes() {
        return 5 * Double.BYTES + start.size() * Short.BYTES;
    }

    /** Number of blocks of {@link TrainingSetFile#BLOCK} samples (the last may be shorter) a complete file holds. */
    int blocks() {
        return (samples + TrainingSetFile.BLOCK - 1) / TrainingSetFile.BLOCK;
    }

    /** The CRC-32 of the header's body: what the committed count and every block checksum are bound to. */
    long checksum() {
        CRC32 crc = new CRC32();
        crc.update(body());
        return crc.getValue();
    }

    /** The committed-sample field: the count, then a CRC-32 of the header checksum and the count. */
    static ByteBuffer committedField(long headerChecksum, int committed) {
        return ByteBuffer.allocate(COMMITTED_BYTES).putInt(0, committed).putInt(4, committedCheck(headerChecksum, committed));
    }

    private static int committedCheck(long headerChecksum, int committed) {
        CRC32 crc = new CRC32();
        crc.update(ByteBuffer.allocate(Long.BYTES + Integer.BYTES).putLong(headerChecksum).putInt(committed).array());
        return (int) crc.getValue();
    }

    /**
     * The header's bytes with the given committed count and an empty block-checksum table; its length
     * is where the samples begin.
     */
    byte[] encode(int committed) {
        byte[] b = body();
        CRC32 crc = new CRC32();
        crc.update(b);
        ByteBuffer all = ByteBuffer.allocate(PREFIX + b.length + Long.BYTES + blocks() * Integer.BYTES);
        all.put(MAGIC).putInt(VERSION).put(committedField(crc.getValue(), committed)).put(b).putLong(crc.getValue());
        return all.array();
    }

    private byte[] body() {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(body);
            out.writeInt(samples);
            out.writeLong(period.start().toEpochDay());
            out.writeLong(seed);
            out.writeLong(steps);
            out.writeInt(start.rows());
            out.writeInt(start.cols());
            for (double v : bounds.lower().toArray()) {
                out.writeDouble(v);
            }
            for (double v : bounds.upper().toArray()) {
                out.writeDouble(v);
            }
            out.writeDouble(settings.temperature());
            out.writeUTF(settings.spins().name());
            out.writeUTF(settings.boundary().name());
            for (int i = 0; i < start.size(); i++) {
                out.writeBoolean(start.isActive(i));
            }
            for (int i = 0; i < start.size(); i++) {
                out.writeDouble(start.spin(i));
            }
            out.flush();
            return body.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a training-set header in memory", e);
        }
    }

    /**
     * A decoded header and what was found beside it.
     *
     * @param committed the committed sample count (its check verified)
     * @param length    bytes of the header and its block-checksum table: where the samples begin
     * @param checksum  the header's checksum, which the block checksums are bound to
     */
    record Decoded(TrainingSetHeader header, int committed, int length, long checksum) {
        /** Byte offset of the table of block checksums (one int per block). */
        long blockTableOffset() {
            return length - (long) header.blocks() * Integer.BYTES;
        }
    }

    /**
     * Reads a header from the start of a file.
     *
     * @param what names the file in messages
     * @throws TrainingSetException if the bytes are not an intact training-set header
     */
    static Decoded decode(InputStream stream, String what) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        byte[] magic = new byte[MAGIC.length];
        try {
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new TrainingSetException(what + " is not an IceIsing training set (wrong signature)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new TrainingSetException(what + " is a training set of format version " + version + "; this program reads version " + VERSION);
            }
            int committed = in.readInt();
            int committedCheck = in.readInt();
            CRC32 crc = new CRC32();
            int samples = readInt(in, crc);
            long epochDay = readLong(in, crc);
            long seed = readLong(in, crc);
            long steps = readLong(in, crc);
            int rows = readInt(in, crc);
            int cols = readInt(in, crc);
            if (rows < 1 || cols < 1 || (long) rows * cols > 10_000_000) {
                throw new TrainingSetException(what + " is damaged: lattice size " + rows + " x " + cols);
            }
            double[] lo = new double[5];
            double[] hi = new double[5];
            for (int k = 0; k < 5; k++) {
                lo[k] = readDouble(in, crc);
            }
            for (int k = 0; k < 5; k++) {
                hi[k] = readDouble(in, crc);
            }
            double temperature = readDouble(in, crc);
            String spins = readUtf(in, crc);
            String boundary = readUtf(in, crc);
            int n = rows * cols;
            byte[] mask = new byte[n];
            in.readFully(mask);
            crc.update(mask);
            byte[] spinBytes = new byte[n * Double.BYTES];
            in.readFully(spinBytes);
            crc.update(spinBytes);
            long stored = in.readLong();
            if (stored != crc.getValue()) {
                throw new TrainingSetException(what + " is damaged: its header checksum does not match");
            }
            if (committedCheck != committedCheck(stored, committed)) {
                throw new TrainingSetException(what + " is damaged: its committed sample count (" + committed
                        + ") does not match its checksum");
            }
            if (committed < 0 || committed > samples) {
                throw new TrainingSetException(what + " is damaged: " + committed + " samples committed of " + samples);
            }
            boolean[] active = new boolean[n];
            double[] spin = new double[n];
            ByteBuffer sb = ByteBuffer.wrap(spinBytes);
            for (int i = 0; i < n; i++) {
                active[i] = mask[i] != 0;
                spin[i] = sb.getDouble();
            }
            TrainingSetHeader h = new TrainingSetHeader(new SemiMonthlyPeriod(LocalDate.ofEpochDay(epochDay)),
                    Lattice.ofSpins(rows, cols, spin, active),
                    new ParameterBounds(IsingParams.fromArray(lo), IsingParams.fromArray(hi)),
                    new SimulationSettings(temperature, SpinKind.valueOf(spins), Boundary.valueOf(boundary)),
                    seed, steps, samples);
            return new Decoded(h, committed, h.encode(committed).length, stored);
        } catch (EOFException e) {
            throw new TrainingSetException(what + " is damaged: it ends inside its header");
        } catch (IllegalArgumentException e) {
            throw new TrainingSetException(what + " is damaged: " + e.getMessage());
        }
    }

    private static long readLong(DataInputStream in, CRC32 crc) throws IOException {
        byte[] b = new byte[8];
        in.readFully(b);
        crc.update(b);
        return ByteBuffer.wrap(b).getLong();
    }

    private static int readInt(DataInputStream in, CRC32 crc) throws IOException {
        byte[] b = new byte[4];
        in.readFully(b);
        crc.update(b);
        return ByteBuffer.wrap(b).getInt();
    }

    private static double readDouble(DataInputStream in, CRC32 crc) throws IOException {
        return Double.longBitsToDouble(readLong(in, crc));
    }

    private static String readUtf(DataInputStream in, CRC32 crc) throws IOException {
        byte[] len = new byte[2];
        in.readFully(len);
        crc.update(len);
        int n = ((len[0] & 0xFF) << 8) | (len[1] & 0xFF);
        byte[] b = new byte[n];
        in.readFully(b);
        crc.update(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
