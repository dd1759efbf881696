package org.iceising.learn;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;

/**
 * One period's training samples on disk, read on demand (nothing but the header is held in memory).
 *
 * <p>Layout, big-endian: the signature {@code ICEITSET}, format version (int), committed sample
 * count (int), then a checksummed body — sample target N, period start (epoch day), seed, steps per
 * sample, rows, cols, the parameter box (5 lower, 5 upper doubles), temperature, spin kind and
 * boundary names, the start lattice's mask (one byte per cell) and spins (doubles) — and its CRC-32
 * (long). Then the committed samples, each five parameters (doubles, J B0 Bx By I) and the simulated
 * end state as one short per cell holding round(1000·w) (the study's rounding to three decimals;
 * 0 on masked cells). A file being written carries the suffix {@code .part} and is renamed when its
 * N samples are committed; the committed count makes an interrupted file resumable.
 */
public final class TrainingSetFile implements AutoCloseable {
    /** Suffix of a complete training-set file. */
    public static final String SUFFIX = ".itset";
    /** Suffix of a training-set file still being written. */
    public static final String PART_SUFFIX = SUFFIX + ".part";
    /** End states are stored as round(w · QUANTUM). */
    static final int QUANTUM = 1000;

    private final Path path;
    private final FileChannel channel;
    private final TrainingSetHeader header;
    private final int committed;
    private final long dataOffset;
    private final int recordBytes;

    private TrainingSetFile(Path path, FileChannel channel, TrainingSetHeader header, int committed, long dataOffset) {
        this.path = path;
        this.channel = channel;
        this.header = header;
        this.committed = committed;
        this.dataOffset = dataOffset;
        this.recordBytes = header.recordBytes();
    }

    /**
     * Opens a training-set file (complete or partial) for reading.
     *
     * @throws TrainingSetException if the file is missing, not a training set, or damaged
     */
    public static TrainingSetFile open(Path path) {
        TrainingSetHeader.Decoded d = readHeader(path);
        try {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
            long needed = d.length() + (long) d.committed() * d.header().recordBytes();
            long size = ch.size();
            if (size < needed) {
                ch.close();
                throw new TrainingSetException(path + " is damaged: it holds " + size + " bytes but its "
                        + d.committed() + " committed samples need " + needed);
            }
            return new TrainingSetFile(path, ch, d.header(), d.committed(), d.length());
        } catch (IOException e) {
            throw new TrainingSetException("cannot read training set " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads and checks only the header of a training-set file. */
    static TrainingSetHeader.Decoded readHeader(Path path) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            return TrainingSetHeader.decode(in, path.toString());
        } catch (NoSuchFileException e) {
            throw new TrainingSetException("training set " + path + " does not exist");
        } catch (IOException e) {
            throw new TrainingSetException("cannot read training set " + path + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    public TrainingSetHeader header() {
        return header;
    }

    /** Number of samples the file holds (committed so far). */
    public int size() {
        return committed;
    }

    /** True once all N samples are committed. */
    public boolean isComplete() {
        return committed == header.samples();
    }

    /** Reads sample {@code index} into {@code params} (length 5) and {@code endQuantised} (one per cell, w·1000). */
    public void read(int index, double[] params, short[] endQuantised) {
        ByteBuffer buf = record(index);
        for (int k = 0; k < 5; k++) {
            params[k] = buf.getDouble();
        }
        buf.asShortBuffer().get(endQuantised);
    }

    /** The parameters of sample {@code index}. */
    public IsingParams params(int index) {
        ByteBuffer buf = ByteBuffer.allocate(5 * Double.BYTES);
        readFully(buf, position(index));
        buf.flip();
        double[] v = new double[5];
        for (int k = 0; k < 5; k++) {
            v[k] = buf.getDouble();
        }
        return IsingParams.fromArray(v);
    }

    /** The simulated end lattice of sample {@code index} (as stored: w rounded to three decimals). */
    public Lattice end(int index) {
        double[] p = new double[5];
        short[] q = new short[header.start().size()];
        read(index, p, q);
        Lattice start = header.start();
        double[] s = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            s[i] = start.isActive(i) ? 2.0 * q[i] / QUANTUM - 1.0 : 0.0;
        }
        return Lattice.ofSpins(start.rows(), start.cols(), s, start.mask());
    }

    private ByteBuffer record(int index) {
        ByteBuffer buf = ByteBuffer.allocate(recordBytes);
        readFully(buf, position(index));
        buf.flip();
        return buf;
    }

    private long position(int index) {
        if (index < 0 || index >= committed) {
            throw new IndexOutOfBoundsException("sample " + index + " outside 0.." + (committed - 1) + " of " + path);
        }
        return dataOffset + (long) index * recordBytes;
    }

    private void readFully(ByteBuffer buf, long position) {
        try {
            long pos = position;
            while (buf.hasRemaining()) {
                int n = channel.read(buf, pos);
                if (n < 0) {
                    throw new TrainingSetException(path + " is damaged: it ends inside sample data");
                }
                pos += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Writes one sample record (five parameters, then round(1000·w) per cell) into {@code out}. */
    static void encodeRecord(ByteBuffer out, IsingParams params, Lattice end) {
        for (double v : params.toArray()) {
            out.putDouble(v);
        }
        for (int i = 0; i < end.size(); i++) {
            out.putShort(end.isActive(i) ? (short) Math.round(end.water(i) * QUANTUM) : 0);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + path, e);
        }
    }
}
