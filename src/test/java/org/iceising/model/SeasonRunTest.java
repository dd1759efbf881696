package org.iceising.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.iceising.app.parameters.Preset;

class SeasonRunTest {
    private static final IsingParams MELT = Preset.MELT_CENTRE.params();
    private static final IsingParams FREEZE = Preset.FREEZE_CENTRE.params();

    /** Three periods; the last one with its own (freezing) parameters, as a prediction gives them. */
    private static List<SeasonRun.Start> starts() {
        List<SeasonRun.Start> out = new ArrayList<>();
        SemiMonthlyPeriod p = new SemiMonthlyPeriod(LocalDate.of(2018, 7, 1));
        for (int k = 0; k < 3; k++, p = p.next()) {
            out.add(new SeasonRun.Start(p, Lattice.uniform(30, 30, -1 + 0.5 * k), k < 2 ? MELT : FREEZE));
        }
        return out;
    }

    @Test
    void eachPeriodIsChainZeroOfAnEnsembleFromItsOwnStartWithItsOwnParameters() {
        List<SeasonRun.Result> results = SeasonRun.run(starts(), SimulationSettings.study(), 50_000, 11, ProgressMonitor.NONE);
        assertEquals(3, results.size());
        for (int k = 0; k < 3; k++) {
            SeasonRun.Start s = starts().get(k);
            long steps = Math.round(50_000 * 900 / 3600.0);
            Lattice expected = Ensemble.run(s.lattice(), k < 2 ? MELT : FREEZE, SimulationSettings.study(), steps, 1, 11, 1,
                    ProgressMonitor.NONE).get(0);
            SeasonRun.Result r = results.get(k);
            assertEquals(s.period(), r.period());
            assertEquals(expected, r.simulatedEnd());
            assertEquals(Measures.coverage(expected), r.coverage());
            assertEquals(Measures.extentFraction(expected), r.extent());
        }
    }

    @Test
    void progressRisesToTheTotalOfAllPeriods() {
        List<long[]> seen = new ArrayList<>();
        ProgressMonitor m = new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
                seen.add(new long[] {done, total});
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        SeasonRun.run(starts(), SimulationSettings.study(), 100_000, 1, m);
        long total = 3 * Math.round(100_000 * 900 / 3600.0);
        long last = -1;
        for (long[] p : seen) {
            assertEquals(total, p[1]);
            assertTrue(p[0] >= last, "progress never goes back");
            last = p[0];
        }
        assertEquals(total, last);
    }

    @Test
    void cancellingStopsTheRun() {
        AtomicBoolean cancelled = new AtomicBoolean();
        ProgressMonitor m = new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
                cancelled.set(true);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        assertThrows(CancelledException.class, () -> SeasonRun.run(starts(), SimulationSettings.study(), 1_000_000, 1, m));
    }
}
