package org.iceising.learn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.iceising.data.AtomicFiles;
import org.iceising.model.CancelledException;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.MetropolisEngine;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.Seeds;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;

/**
 * Generates the study's training sets (MODEL.md §6): for every period, N parameter sets drawn
 * uniformly in the period's box, each run for one period of Metropolis from the observed start
 * lattice, the end state rounded to three decimals of w and written to one {@link TrainingSetFile}
 * per period.
 *
 * <p>Sample i of a period is fully determined by the seed: its parameters come from
 * {@code Seeds.forRun(periodSeed, 2i)} and its chain from {@code Seeds.forRun(periodSeed, 2i + 1)},
 * with {@code periodSeed = Seeds.forRun(seed, start date as epoch day)}; so a set is the same byte
 * for byte whatever the thread count. Samples are computed on all threads in blocks and appended in
 * order; after each block the file is flushed, the block's checksum stored and its committed count updated, so a cancelled or
 * killed run resumes where the last block ended and produces the same file as an uninterrupted run.
 */
public final class TrainingSetGenerator {
    /**
     * What to generate.
     *
     * @param samplesPerPeriod N, samples per period (the study: 10,000)
     * @param seed             master seed
     * @param stepsPer3600     Metropolis steps per period for 3,600 active cells, scaled by the active count
     * @param bounds           the melting and freezing boxes
     * @param simulation       temperature, spins and boundary
     */
    public record Settings(int samplesPerPeriod, long seed, long stepsPer3600, SeasonBounds bounds,
                           SimulationSettings simulation) {
        public Settings {
            if (samplesPerPeriod < 1) {
                throw new IllegalArgumentException("samples per period must be >= 1, got " + samplesPerPeriod);
            }
            if (stepsPer3600 < 0) {
                throw new IllegalArgumentException("steps per period must be >= 0, got " + stepsPer3600);
            }
            if (bounds == null || simulation == null) {
                throw new IllegalArgumentException("bounds and simulation settings must be given");
            }
        }

        /** The study's training-set size: 10,000 samples per period. */
        public static final int STUDY_SAMPLES_PER_PERIOD = 10_000;

        /** The study's settings with N samples per period. */
        public static Settings study(int samplesPerPeriod, long seed) {
            return new Settings(samplesPerPeriod, seed, SemiMonthlyPeriod.STUDY_STEPS, SeasonBounds.study(),
                    SimulationSettings.study());
        }
    }

    private final Settings settings;
    private final int threads;

    public TrainingSetGenerator(Settings settings, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("number of threads must be >= 1, got " + threads);
        }
        this.settings = settings;
        this.threads = threads;
    }

    public Settings settings() {
        return settings;
    }

    /** The file holding {@code period}'s samples in {@code dir}: {@code YYYY-MM-DD.itset}. */
    public static Path fileFor(Path dir, SemiMonthlyPeriod period) {
        return dir.resolve(period.start() + TrainingSetFile.SUFFIX);
    }

    /** The header a period's file gets under these settings. */
    public TrainingSetHeader headerFor(SemiMonthlyPeriod period, Lattice start) {
        long steps = SemiMonthlyPeriod.stepsFor(start.activeCount(), settings.stepsPer3600());
        return new TrainingSetHeader(period, start.copy(), settings.bounds().forPeriod(period), settings.simulation(),
                settings.seed(), steps, settings.samplesPerPeriod());
    }

    /** Parameters and chain seed of sample {@code index} of a period: a pure function of the seed. */
    static IsingParams sampleParams(TrainingSetHeader h, int index) {
        return h.bounds().sample(new SplittableRandom(Seeds.forRun(periodSeed(h), 2L * index)));
    }

    static long chainSeed(TrainingSetHeader h, int index) {
        return Seeds.forRun(periodSeed(h), 2L * index + 1);
    }

    private static long periodSeed(TrainingSetHeader h) {
        return Seeds.forRun(h.seed(), h.period().start().toEpochDay());
    }

    /**
     * Generates (or completes) one file per period in {@code dir}. A complete file with the same
     * header is kept as it is; a partial one ({@code .part}) is resumed; a file from other settings
     * is an error rather than being overwritten.
     *
     * @return the complete files, in period order
     * @throws CancelledException if the monitor is cancelled (what was committed stays resumable)
     * @throws TrainingSetException if a file in the way holds a different training set
     */
    public List<Path> generate(Map<SemiMonthlyPeriod, Lattice> starts, Path dir, ProgressMonitor monitor) {
        checkFolder(starts, dir);
        Map<SemiMonthlyPeriod, Lattice> ordered = new TreeMap<>(starts);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create training-set folder " + dir, e);
        }
        long total = (long) settings.samplesPerPeriod() * ordered.size();
        AtomicLong done = new AtomicLong();
        List<Path> out = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "iceising-generate");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Map.Entry<SemiMonthlyPeriod, Lattice> e : ordered.entrySet()) {
                out.add(generatePeriod(headerFor(e.getKey(), e.getValue()), dir, pool, done, total, monitor));
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    /**
     * Refuses, before any work, a folder in which some period's file (complete or partial) holds a
     * training set of other settings: {@link #generate} would otherwise generate the periods before
     * it first.
     *
     * @throws TrainingSetException naming the first such file
     */
    public void checkFolder(Map<SemiMonthlyPeriod, Lattice> starts, Path dir) {
        if (starts.isEmpty()) {
            throw new IllegalArgumentException("no periods to generate: the map of start lattices is empty");
        }
        for (Map.Entry<SemiMonthlyPeriod, Lattice> e : new TreeMap<>(starts).entrySet()) {
            TrainingSetHeader h = headerFor(e.getKey(), e.getValue());
            Path target = fileFor(dir, h.period());
            for (Path file : List.of(target, partFor(target))) {
                if (Files.exists(file)) {
                    requireSame(h, TrainingSetFile.readHeader(file), file);
                }
            }
        }
    }

    private static Path partFor(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    private Path generatePeriod(TrainingSetHeader h, Path dir, ExecutorService pool, AtomicLong done, long total,
                                ProgressMonitor monitor) {
        Path target = fileFor(dir, h.period());
        Path part = partFor(target);
        byte[] headerBytes = h.encode(0);
        long headerChecksum = h.checksum();
        long blockTable = headerBytes.length - (long) h.blocks() * Integer.BYTES;
        if (Files.exists(target)) {
            TrainingSetHeader.Decoded d = TrainingSetFile.readHeader(target);
            requireSame(h, d, target);
            if (d.committed() != h.samples()) {
                throw new TrainingSetException(target + " is damaged: complete file with " + d.committed() + " of " + h.samples() + " samples");
            }
            monitor.progress(done.addAndGet(h.samples()), total, h.period() + ": already complete");
            return target;
        }
        int committed = 0;
        if (Files.exists(part)) {
            TrainingSetHeader.Decoded d = TrainingSetFile.readHeader(part);
            requireSame(h, d, part);
            committed = d.committed();
        }
        int recordBytes = h.recordBytes();
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (committed == 0) {
                ch.truncate(0);
                writeFully(ch, ByteBuffer.wrap(headerBytes), 0);
            }
            ch.truncate(headerBytes.length + (long) committed * recordBytes);
            done.addAndGet(committed);
            ByteBuffer block = ByteBuffer.allocate(TrainingSetFile.BLOCK * recordBytes);
            while (committed < h.samples()) {
                monitor.checkCancelled();
                int from = committed;
                int count = Math.min(TrainingSetFile.BLOCK, h.samples() - from);
                int blockNumber = from / TrainingSetFile.BLOCK;
                simulateBlock(h, from, count, block, pool, done, total, monitor);
                block.position(0).limit(count * recordBytes);
                int sum = TrainingSetFile.blockChecksum(headerChecksum, blockNumber, block);
                writeFully(ch, block, headerBytes.length + (long) from * recordBytes);
                writeFully(ch, ByteBuffer.allocate(Integer.BYTES).putInt(0, sum), blockTable + (long) blockNumber * Integer.BYTES);
                ch.force(false);
                committed = from + count;
                writeFully(ch, TrainingSetHeader.committedField(headerChecksum, committed), TrainingSetHeader.COMMITTED_OFFSET);
                ch.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write training set " + part, e);
        }
        try {
            AtomicFiles.moveIntoPlace(part, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + part + " to " + target, e);
        }
        return target;
    }

    private void simulateBlock(TrainingSetHeader h, int from, int count, ByteBuffer block, ExecutorService pool,
                               AtomicLong done, long total, ProgressMonitor monitor) {
        int recordBytes = h.recordBytes();
        AtomicInteger next = new AtomicInteger();
        List<Callable<Void>> workers = new ArrayList<>();
        for (int t = 0; t < Math.min(threads, count); t++) {
            workers.add(() -> {
                for (int k = next.getAndIncrement(); k < count; k = next.getAndIncrement()) {
                    monitor.checkCancelled();
                    int index = from + k;
                    IsingParams p = sampleParams(h, index);
                    Lattice lattice = h.start().copy();
                    new MetropolisEngine(lattice, p, h.settings(), chainSeed(h, index)).run(h.steps());
                    ByteBuffer slice = block.duplicate();
                    slice.position(k * recordBytes);
                    TrainingSetFile.encodeRecord(slice, p, lattice);
                    monitor.progress(done.incrementAndGet(), total, h.period() + ": sample " + (index + 1) + " of " + h.samples());
                }
                return null;
            });
        }
        try {
            for (Future<Void> f : pool.invokeAll(workers)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void requireSame(TrainingSetHeader wanted, TrainingSetHeader.Decoded found, Path file) {
        if (!wanted.equals(found.header())) {
            throw new TrainingSetException(file + " holds a training set made with other settings (period, start lattice, bounds, "
                    + "seed, steps or size); choose another folder or delete it");
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            pos += ch.write(buf, pos);
        }
    }
}
