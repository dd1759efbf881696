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
import java.util.zip.CRC32;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;

/**
 * One period's training samples on disk, read on demand (nothing but the header is held in memory).
 *
 * <p>Layout, big-endian: the signature {@code ICEITSET}, format version (int), committed sample
 * count (int) and its check (int: CRC-32 of the header checksum and the count), then a checksummed
 * body — sample target N, period start (epoch day), seed, steps per sample, rows, cols, the
 * parameter box (5 lower, 5 upper doubles), temperature, spin kind and boundary names, the start
 * lattice's mask (one byte per cell) and spins (doubles) — and its CRC-32 (long). Then a table of
 * one CRC-32 (int) per block of {@value #BLOCK} samples, each over the header checksum, the block
 * number and the block's records, so a body cannot pass under another file's header. Then the
 * committed samples, each five parameters (doubles, J B0 Bx By I) and the simulated end state as one
 * short per cell holding round(1000·w) (the study's rounding to three decimals; 0 on masked cells).
 * A file being written carries the suffix {@code .part} and is renamed when its N samples are
 * committed; the committed count, moved on block by block, makes an interrupted file resumable.
 * Opening a file checks every committed block, so a damaged file is refused before it is used.
 */
public final class TrainingSetFile implements AutoCloseable {
    /** Suffix of a complete training-set file. */
    public static final String SUFFIX = ".itset";
    /** Suffix of a training-set file still being written. */
    public static final String PART_SUFFIX = SUFFIX + ".part";
    /** End states are stored as round(w · QUANTUM). */
    static final int QUANTUM = 1000;
    /** Samples per block: the unit of one commit and of one checksum. */
    static final int BLOCK = 256;

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
     * Opens a training-set file (complete or partial) for reading, after checking its header, its
     * length and the checksum of every committed block.
     *
     * @throws TrainingSetException if the file is missing, not a regular file, not a training set, or damaged
     */
    public static TrainingSetFile open(Path path) {
        TrainingSetHeader.Decoded d = readHeader(path);
        TrainingSetHeader h = d.header();
        boolean complete = !path.getFileName().toString().endsWith(PART_SUFFIX);
        if (complete && d.committed() != h.samples()) {
            throw new TrainingSetException(path + " is damaged: a complete training set with " + d.committed()
                    + " of its " + h.samples() + " samples committed");
        }
        if (d.committed() % BLOCK != 0 && d.committed() != h.samples()) {
            throw new TrainingSetException(path + " is damaged: " + d.committed() + " samples committed, which is not a whole number of blocks");
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
            long needed = d.length() + (long) d.committed() * h.recordBytes();
            long size = ch.size();
            if (size < needed || complete && size != needed) {
                throw new TrainingSetException(path + " is damaged: it holds " + size + " bytes but its "
                        + d.committed() + " committed samples need " + needed);
            }
            verifyBlocks(ch, d, path);
            TrainingSetFile f = new TrainingSetFile(path, ch, h, d.committed(), d.length());
            ch = null;
            return f;
        } catch (IOException e) {
            throw new TrainingSetException("cannot read training set " + path + ": " + e.getMessage(), e);
        } finally {
            closeQuietly(ch);
        }
    }

    /** Checks every committed block against its checksum in the table after the header. */
    private static void verifyBlocks(FileChannel ch, TrainingSetHeader.Decoded d, Path path) {
        int recordBytes = d.header().recordBytes();
        int blocks = (d.committed() + BLOCK - 1) / BLOCK;
        ByteBuffer table = ByteBuffer.allocate(blocks * Integer.BYTES);
        readFully(ch, table, d.blockTableOffset(), path);
        ByteBuffer block = ByteBuffer.allocate(Math.min(BLOCK, Math.max(1, d.committed())) * recordBytes);
        for (int b = 0; b < blocks; b++) {
            int first = b * BLOCK;
            int count = Math.min(BLOCK, d.committed() - first);
            block.clear().limit(count * recordBytes);
            readFully(ch, block, d.length() + (long) first * recordBytes, path);
            block.flip();
            if (blockChecksum(d.checksum(), b, block) != table.getInt(b * Integer.BYTES)) {
                throw new TrainingSetException(path + " is damaged: samples " + (first + 1) + " to " + (first + count)
                        + " do not match their checksum (changed bytes, or samples of another training set)");
            }
        }
    }

    /** The checksum of block {@code block}: CRC-32 over the header checksum, the block number and its records. */
    static int blockChecksum(long headerChecksum, int block, ByteBuffer records) {
        CRC32 crc = new CRC32();
        crc.update(ByteBuffer.allocate(Long.BYTES + Integer.BYTES).putLong(headerChecksum).putInt(block).array());
        crc.update(records.duplicate());
        return (int) crc.getValue();
    }

    /** Reads and checks only the header of a training-set file (a regular file; a pipe or device is refused unread). */
    static TrainingSetHeader.Decoded readHeader(Path path) {
        if (!Files.exists(path)) {
            throw new TrainingSetException("training set " + path + " does not exist");
        }
        if (!Files.isRegularFile(path)) {
            throw new TrainingSetException("training set " + path + " is not a regular file");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            return TrainingSetHeader.decode(in, path.toString());
        } catch (NoSuchFileException e) {
            throw new TrainingSetException("training set " + path + " does not exist");
        } catch (IOException e) {
            throw new TrainingSetException("cannot read training set " + path + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // a read-only channel that fails to close has lost nothing
            }
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
        readFully(channel, buf, position(index), path);
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
        readFully(channel, buf, position(index), path);
        buf.flip();
        return buf;
    }

    private long position(int index) {
        if (index < 0 || index >= committed) {
            throw new IndexOutOfBoundsException("sample " + index + " outside 0.." + (committed - 1) + " of " + path);
        }
        return dataOffset + (long) index * recordBytes;
    }

    private static void readFully(FileChannel channel, ByteBuffer buf, long position, Path path) {
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
