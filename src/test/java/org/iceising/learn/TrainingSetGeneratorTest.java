package org.iceising.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.iceising.model.CancelledException;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.MetropolisEngine;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.Seeds;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingSetGeneratorTest {
    static final SemiMonthlyPeriod AUGUST = new SemiMonthlyPeriod(LocalDate.of(2022, 8, 1));
    static final SemiMonthlyPeriod OCTOBER = new SemiMonthlyPeriod(LocalDate.of(2022, 10, 1));

    /** A 10 x 12 lattice with a masked cell and a gradient of ice, as a stand-in for an observed start. */
    static Lattice start() {
        int rows = 10;
        int cols = 12;
        double[] c = new double[rows * cols];
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.min(1, Math.max(0, (double) (i / cols) / rows + 0.2 * (r.nextDouble() - 0.5)));
        }
        c[17] = Double.NaN;
        return Lattice.ofConcentration(rows, cols, c);
    }

    static TrainingSetGenerator generator(int samples, int threads) {
        return new TrainingSetGenerator(TrainingSetGenerator.Settings.study(samples, 42), threads);
    }

    @Test
    void samplesFollowTheSeedsTheBoundsAndTheEngine(@TempDir Path dir) {
        Lattice start = start();
        List<Path> files = generator(40, 2).generate(Map.of(AUGUST, start, OCTOBER, start), dir, ProgressMonitor.NONE);
        assertEquals(List.of(dir.resolve("2022-08-01.itset"), dir.resolve("2022-10-01.itset")), files);
        try (TrainingSetFile f = TrainingSetFile.open(files.get(1))) {
            TrainingSetHeader h = f.header();
            assertEquals(40, f.size());
            assertTrue(f.isComplete());
            assertEquals(ParameterBounds.studyFreeze(), h.bounds(), "October freezes");
            assertEquals(Math.round(50_000 * (start.activeCount() / 3600.0)), h.steps());
            assertEquals(start, h.start());
            long periodSeed = Seeds.forRun(42, OCTOBER.start().toEpochDay());
            for (int i : new int[] {0, 17, 39}) {
                IsingParams expected = ParameterBounds.studyFreeze().sample(new SplittableRandom(Seeds.forRun(periodSeed, 2L * i)));
                assertEquals(expected, f.params(i));
                assertTrue(h.bounds().contains(f.params(i)));
                Lattice end = start.copy();
                new MetropolisEngine(end, expected, SimulationSettings.study(), Seeds.forRun(periodSeed, 2L * i + 1)).run(h.steps());
                Lattice stored = f.end(i);
                for (int cell = 0; cell < end.size(); cell++) {
                    assertEquals(end.isActive(cell), stored.isActive(cell));
                    if (end.isActive(cell)) {
                        assertEquals(Math.round(end.water(cell) * 1000) / 1000.0, stored.water(cell), 1e-12);
                    }
                }
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameBytesOnOneOrTwoThreads(@TempDir Path dir) throws IOException {
        Map<SemiMonthlyPeriod, Lattice> starts = Map.of(AUGUST, start());
        Path one = generator(300, 1).generate(starts, dir.resolve("one"), ProgressMonitor.NONE).get(0);
        Path two = generator(300, 2).generate(starts, dir.resolve("two"), ProgressMonitor.NONE).get(0);
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
        Path other = new TrainingSetGenerator(TrainingSetGenerator.Settings.study(300, 43), 2)
                .generate(starts, dir.resolve("other"), ProgressMonitor.NONE).get(0);
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(one), Files.readAllBytes(other)));
    }

    @Test
    void aCancelledRunResumesToTheSameFile(@TempDir Path dir) throws IOException {
        Map<SemiMonthlyPeriod, Lattice> starts = Map.of(AUGUST, start(), OCTOBER, start());
        Path whole = dir.resolve("whole");
        List<Path> uninterrupted = generator(600, 2).generate(starts, whole, ProgressMonitor.NONE);

        Path resumed = dir.resolve("resumed");
        CancelAfter cancel = new CancelAfter(900);
        assertThrows(CancelledException.class, () -> generator(600, 2).generate(starts, resumed, cancel));
        assertTrue(Files.exists(resumed.resolve("2022-08-01.itset")), "the first period was complete before the cancel");
        Path part = resumed.resolve("2022-10-01.itset.part");
        try (TrainingSetFile partial = TrainingSetFile.open(part)) {
            assertTrue(partial.size() > 0 && partial.size() < 600, "some but not all October samples were committed: " + partial.size());
            assertEquals(0, partial.size() % TrainingSetFile.BLOCK);
        }
        AtomicLong firstReport = new AtomicLong(-1);
        List<Path> finished = generator(600, 1).generate(starts, resumed, new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
                firstReport.compareAndSet(-1, done);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertTrue(firstReport.get() >= 600, "the complete first period is not simulated again");
        assertFalse(Files.exists(part));
        for (int k = 0; k < 2; k++) {
            assertArrayEquals(Files.readAllBytes(uninterrupted.get(k)), Files.readAllBytes(finished.get(k)));
        }
    }

    @Test
    void aFolderHoldingAnotherTrainingSetIsNotOverwritten(@TempDir Path dir) {
        Map<SemiMonthlyPeriod, Lattice> starts = Map.of(AUGUST, start());
        generator(10, 2).generate(starts, dir, ProgressMonitor.NONE);
        TrainingSetException e = assertThrows(TrainingSetException.class,
                () -> generator(20, 2).generate(starts, dir, ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("2022-08-01.itset") && e.getMessage().contains("other settings"), e.getMessage());
    }

    @Test
    void aForeignFileOfALaterPeriodIsRefusedBeforeAnyPeriodIsGenerated(@TempDir Path dir) throws IOException {
        generator(10, 2).generate(Map.of(OCTOBER, start()), dir, ProgressMonitor.NONE);
        long[] reports = {0};
        TrainingSetException e = assertThrows(TrainingSetException.class,
                () -> generator(20, 2).generate(Map.of(AUGUST, start(), OCTOBER, start()), dir, new ProgressMonitor() {
                    @Override
                    public void progress(long done, long total, String message) {
                        reports[0]++;
                    }

                    @Override
                    public boolean isCancelled() {
                        return false;
                    }
                }));
        assertTrue(e.getMessage().contains("2022-10-01.itset") && e.getMessage().contains("other settings"), e.getMessage());
        assertEquals(0, reports[0], "nothing was simulated");
        assertFalse(Files.exists(dir.resolve("2022-08-01.itset")) || Files.exists(dir.resolve("2022-08-01.itset.part")));
    }

    @Test
    void aDamagedOrForeignFileIsRefusedWithItsName(@TempDir Path dir) throws IOException {
        Path file = generator(10, 2).generate(Map.of(AUGUST, start()), dir, ProgressMonitor.NONE).get(0);
        byte[] bytes = Files.readAllBytes(file);
        bytes[40] ^= 1;
        Path damaged = dir.resolve("damaged.itset");
        Files.write(damaged, bytes);
        TrainingSetException e = assertThrows(TrainingSetException.class, () -> TrainingSetFile.open(damaged));
        assertTrue(e.getMessage().contains("damaged.itset") && e.getMessage().contains("checksum"), e.getMessage());

        Path truncated = dir.resolve("truncated.itset");
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(file), bytes.length - 100));
        e = assertThrows(TrainingSetException.class, () -> TrainingSetFile.open(truncated));
        assertTrue(e.getMessage().contains("truncated.itset") && e.getMessage().contains("committed samples need"), e.getMessage());

        Path foreign = dir.resolve("notes.itset");
        Files.writeString(foreign, "J,B0,Bx,By,I\n2.5,5,-5,0,10\n");
        e = assertThrows(TrainingSetException.class, () -> TrainingSetFile.open(foreign));
        assertTrue(e.getMessage().contains("notes.itset") && e.getMessage().contains("not an IceIsing training set"), e.getMessage());
    }

    /** Cancels once {@code limit} samples have been reported done. */
    static final class CancelAfter implements ProgressMonitor {
        private final long limit;
        private volatile boolean cancelled;

        CancelAfter(long limit) {
            this.limit = limit;
        }

        @Override
        public void progress(long done, long total, String message) {
            if (done >= limit) {
                cancelled = true;
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
