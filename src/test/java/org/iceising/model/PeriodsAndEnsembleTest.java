package org.iceising.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PeriodsAndEnsembleTest {

    @Test
    void studySeasonHasThirteenPeriods() {
        List<SemiMonthlyPeriod> periods = Season.study(2018).periods();
        assertEquals(13, periods.size());
        assertEquals(LocalDate.of(2018, 6, 16), periods.get(0).start());
        assertEquals(LocalDate.of(2019, 1, 1), periods.get(12).end());
        assertEquals(14, Season.study(2018).dates().size());
        // contiguous
        for (int i = 1; i < periods.size(); i++) {
            assertEquals(periods.get(i - 1).end(), periods.get(i).start());
        }
    }

    @Test
    void periodLengthsFollowTheCalendar() {
        assertEquals(15, new SemiMonthlyPeriod(LocalDate.of(2018, 9, 1)).days());
        assertEquals(15, new SemiMonthlyPeriod(LocalDate.of(2018, 9, 16)).days()); // September has 30 days
        assertEquals(16, new SemiMonthlyPeriod(LocalDate.of(2018, 8, 16)).days());
        assertEquals(13, new SemiMonthlyPeriod(LocalDate.of(2018, 2, 16)).days());
        assertEquals(14, new SemiMonthlyPeriod(LocalDate.of(2020, 2, 16)).days());
        assertEquals(LocalDate.of(2019, 1, 1), new SemiMonthlyPeriod(LocalDate.of(2018, 12, 16)).end());
        assertEquals(new SemiMonthlyPeriod(LocalDate.of(2018, 11, 16)),
                new SemiMonthlyPeriod(LocalDate.of(2018, 12, 1)).previous());
        assertEquals(new SemiMonthlyPeriod(LocalDate.of(2018, 9, 16)), SemiMonthlyPeriod.containing(LocalDate.of(2018, 9, 30)));
        assertThrows(IllegalArgumentException.class, () -> new SemiMonthlyPeriod(LocalDate.of(2018, 9, 2)));
    }

    @Test
    void meltingBeforeFifteenthSeptemberFreezingFrom() {
        assertTrue(new SemiMonthlyPeriod(LocalDate.of(2018, 9, 1)).isMelting());
        assertFalse(new SemiMonthlyPeriod(LocalDate.of(2018, 9, 16)).isMelting());
        assertFalse(new SemiMonthlyPeriod(LocalDate.of(2018, 12, 16)).isMelting());
    }

    @Test
    void stepsScaleWithActiveCellsAndSplitExactlyOverDays() {
        assertEquals(50_000, SemiMonthlyPeriod.stepsFor(3600, SemiMonthlyPeriod.STUDY_STEPS));
        assertEquals(25_000, SemiMonthlyPeriod.stepsFor(1800, SemiMonthlyPeriod.STUDY_STEPS));
        long[] perDay = new SemiMonthlyPeriod(LocalDate.of(2018, 8, 16)).stepsPerDay(50_000);
        assertEquals(16, perDay.length);
        assertEquals(50_000, LongStream.of(perDay).sum());
        assertEquals(3125, perDay[0]);
        long[] uneven = new SemiMonthlyPeriod(LocalDate.of(2018, 9, 16)).stepsPerDay(50_000);
        assertEquals(50_000, LongStream.of(uneven).sum());
        assertEquals(3334, uneven[0]);
        assertEquals(3333, uneven[14]);
    }

    private static Lattice start() {
        double[] s = new double[400];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.sin(i) * 0.9;
        }
        return Lattice.ofSpins(20, 20, s, null);
    }

    @Test
    void ensembleDependsOnTheSeedNotOnTheThreadCount() {
        IsingParams p = IsingParams.studyFreeze();
        List<Lattice> one = Ensemble.run(start(), p, SimulationSettings.study(), 30_000, 4, 77, 1, ProgressMonitor.NONE);
        List<Lattice> two = Ensemble.run(start(), p, SimulationSettings.study(), 30_000, 4, 77, 2, ProgressMonitor.NONE);
        assertEquals(one, two);
        assertNotEquals(one.get(0), one.get(1));
        // chain k is exactly an engine seeded with Seeds.forRun(seed, k)
        Lattice manual = start();
        new MetropolisEngine(manual, p, SimulationSettings.study(), Seeds.forRun(77, 2)).run(30_000);
        assertEquals(manual, one.get(2));
    }

    @Test
    void ensembleHonoursCancellation() {
        AtomicInteger calls = new AtomicInteger();
        ProgressMonitor cancelSoon = new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
                calls.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return calls.get() >= 2;
            }
        };
        assertThrows(CancelledException.class, () -> Ensemble.run(start(), IsingParams.studyMelt(),
                SimulationSettings.study(), 10_000_000, 2, 1, 2, cancelSoon));
    }

    @Test
    void freezingParametersGrowIceAndMeltingParametersShrinkIt() {
        Lattice half = Lattice.uniform(30, 30, 0); // 50 % ice everywhere
        double freeze = Measures.coverage(Ensemble.run(half, IsingParams.studyFreeze(), SimulationSettings.study(),
                12_500, 1, 3, 1, ProgressMonitor.NONE).get(0));
        double melt = Measures.coverage(Ensemble.run(half, IsingParams.studyMelt(), SimulationSettings.study(),
                12_500, 1, 3, 1, ProgressMonitor.NONE).get(0));
        assertTrue(freeze > 0.6, "freeze coverage " + freeze);
        assertTrue(melt < 0.4, "melt coverage " + melt);
    }
}
