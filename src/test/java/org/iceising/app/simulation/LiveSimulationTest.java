package org.iceising.app.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.iceising.model.Ensemble;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.MetropolisEngine;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.Seeds;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.iceising.app.parameters.Preset;

class LiveSimulationTest {
    private static final SemiMonthlyPeriod SEPT_16 = new SemiMonthlyPeriod(LocalDate.of(2018, 9, 16)); // 15 days
    private static final IsingParams FREEZE = Preset.STUDY_FREEZE_SAMPLE.params();

    private final LiveSimulation live = new LiveSimulation(FREEZE, SimulationSettings.study());

    @AfterEach
    void close() {
        live.close();
    }

    static Lattice start() {
        SplittableRandom r = new SplittableRandom(5);
        double[] c = new double[20 * 20];
        for (int i = 0; i < c.length; i++) {
            c[i] = i % 37 == 0 ? Double.NaN : r.nextDouble();
        }
        return Lattice.ofConcentration(20, 20, c);
    }

    @Test
    void watchingAPeriodDayByDayEndsWhereRunningItAtOnceEnds() throws Exception {
        Lattice start = start();
        long steps = 7_001;
        live.load(new LiveSimulation.Setup(start, SEPT_16, steps, 42)).get();
        long[] perDay = SEPT_16.stepsPerDay(steps);
        long expected = 0;
        for (int day = 1; day <= SEPT_16.days(); day++) {
            live.stepDay().get();
            expected += perDay[day - 1];
            LiveSimulation.Snapshot s = live.latest();
            assertEquals(day, s.daysDone());
            assertEquals(expected, s.stepsDone());
        }
        assertTrue(live.latest().finished());
        Lattice atOnce = Ensemble.run(start, FREEZE, SimulationSettings.study(), steps, 1, 42, 1, ProgressMonitor.NONE).get(0);
        assertEquals(atOnce, live.latest().lattice());
    }

    @Test
    void loadPublishesTheObservedStartPausedAtDayZero() throws Exception {
        Lattice start = start();
        live.load(new LiveSimulation.Setup(start, SEPT_16, 1000, 1)).get();
        LiveSimulation.Snapshot s = live.latest();
        assertEquals(start, s.lattice());
        assertEquals(0, s.stepsDone());
        assertEquals(0, s.daysDone());
        assertFalse(s.playing());
    }

    @Test
    void playAdvancesThenPauseHoldsTheLatticeStill() throws Exception {
        Lattice start = start();
        live.setSpeed(1);
        live.load(new LiveSimulation.Setup(start, SEPT_16, 1_000_000, 3)).get();
        live.play().get();
        long until = System.nanoTime() + 5_000_000_000L;
        while (live.latest().stepsDone() == 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        live.pause().get();
        LiveSimulation.Snapshot paused = live.latest();
        assertTrue(paused.stepsDone() > 0, "the chain ran while playing");
        assertFalse(paused.playing());
        assertNotEquals(start, paused.lattice());
        Thread.sleep(100);
        assertEquals(paused.version(), live.latest().version(), "nothing is published after pause");
    }

    @Test
    void playStopsByItselfAtThePeriodsEnd() throws Exception {
        live.setSpeed(60);
        live.load(new LiveSimulation.Setup(start(), SEPT_16, 3_000, 3)).get();
        live.play().get();
        long until = System.nanoTime() + 10_000_000_000L;
        while (!live.latest().finished() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        live.pause().get();
        LiveSimulation.Snapshot s = live.latest();
        assertEquals(3_000, s.stepsDone(), "exactly the period's steps, not one more");
        assertEquals(SEPT_16.days(), s.daysDone());
    }

    @Test
    void everyDaysEndIsKeptWhetherPlayedSteppedOrRunTo() throws Exception {
        Lattice start = start();
        long steps = 7_001;
        long[] perDay = SEPT_16.stepsPerDay(steps);
        // stepped: the reference, one engine run per day
        live.load(new LiveSimulation.Setup(start, SEPT_16, steps, 42)).get();
        for (int day = 1; day <= SEPT_16.days(); day++) {
            live.stepDay().get();
        }
        java.util.List<LiveSimulation.Frame> stepped = live.latest().days();
        assertEquals(SEPT_16.days() + 1, stepped.size());
        assertEquals(start, stepped.get(0).lattice());
        long sum = 0;
        for (int day = 1; day <= SEPT_16.days(); day++) {
            sum += perDay[day - 1];
            assertEquals(sum, stepped.get(day).stepsDone(), "day " + day);
        }
        // run to day 6, then on to the end in one go: the same days
        live.load(new LiveSimulation.Setup(start, SEPT_16, steps, 42)).get();
        live.runToDay(6).get();
        assertEquals(7, live.latest().days().size());
        assertEquals(6, live.latest().daysDone());
        assertEquals(stepped.get(6), live.latest().days().get(6));
        live.runToDay(3).get();
        assertEquals(6, live.latest().daysDone(), "a chain past the day stays where it is");
        live.runToDay(99).get();
        assertEquals(stepped, live.latest().days());
        // played at full speed, many days in one tick: still every day's end
        live.setSpeed(60);
        live.load(new LiveSimulation.Setup(start, SEPT_16, steps, 42)).get();
        live.play().get();
        long until = System.nanoTime() + 30_000_000_000L;
        while (!live.latest().finished() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertEquals(stepped, live.latest().days());
    }

    @Test
    void resetGoesBackToTheObservedStart() throws Exception {
        Lattice start = start();
        live.load(new LiveSimulation.Setup(start, SEPT_16, 3_000, 3)).get();
        live.stepDay().get();
        assertNotEquals(start, live.latest().lattice());
        live.reset().get();
        assertEquals(start, live.latest().lattice());
        assertEquals(0, live.latest().stepsDone());
    }

    @Test
    void parameterChangesReachTheEngine() throws Exception {
        live.load(new LiveSimulation.Setup(start(), SEPT_16, 3_000, 3)).get();
        IsingParams p = FREEZE.withJ(4.25);
        live.setParams(p);
        assertEquals(p, live.engineParams().get());
    }

    @Test
    void aTemperatureChangeContinuesFromTheCurrentLattice() throws Exception {
        Lattice start = start();
        live.load(new LiveSimulation.Setup(start, SEPT_16, 1_500, 9)).get();
        live.stepDay().get();
        live.setSettings(SimulationSettings.study().withTemperature(3));
        live.stepDay().get();
        assertEquals(200, live.latest().stepsDone());
        assertEquals(2, live.latest().daysDone());
    }

    @Test
    void acceptanceCountsTheEnginesAcceptedMovesAndRisesWithTemperature() throws Exception {
        Lattice start = start();
        live.load(new LiveSimulation.Setup(start, SEPT_16, 3_000, 4)).get();
        live.stepDay().get();
        LiveSimulation.Snapshot s = live.latest();
        MetropolisEngine same = new MetropolisEngine(start.copy(), FREEZE, SimulationSettings.study(), Seeds.forRun(4, 0));
        same.run(200);
        assertEquals(same.accepted(), s.accepted());
        assertEquals((double) same.accepted() / 200, s.acceptance());

        LiveSimulation hot = new LiveSimulation(FREEZE, SimulationSettings.study().withTemperature(5));
        try {
            hot.load(new LiveSimulation.Setup(start, SEPT_16, 3_000, 4)).get();
            hot.stepDay().get();
            assertTrue(hot.latest().acceptance() > s.acceptance(), "more moves pass at T = 5 than at T = 1");
        } finally {
            hot.close();
        }
    }
}
