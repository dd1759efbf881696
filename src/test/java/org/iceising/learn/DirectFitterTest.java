package org.iceising.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iceising.model.CancelledException;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.MetropolisEngine;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;
import org.junit.jupiter.api.Test;

/** Direct fitting on a synthetic period whose true parameters are known. */
class DirectFitterTest {
    static final IsingParams TRUTH = new IsingParams(2.5, 6.5, -7, 4, 10);

    static Lattice observedEnd(Lattice start) {
        Lattice end = start.copy();
        new MetropolisEngine(end, TRUTH, SimulationSettings.study(), 12345).run(SemiMonthlyPeriod.stepsFor(start.activeCount(), 50_000));
        return end;
    }

    @Test
    void cmaesFindsParametersAsCloseToTheObservationAsTheTruth() {
        Lattice start = CnnTrainingTest.start();
        Lattice end = observedEnd(start);
        DirectFitter.Config config = DirectFitter.Config.defaults(3).withEvaluations(300);
        DirectFitter.Result fit = DirectFitter.fit(start, end, ParameterBounds.studyMelt(), config, 2, ProgressMonitor.NONE);
        long steps = SemiMonthlyPeriod.stepsFor(start.activeCount(), 50_000);
        double atTruth = DirectFitter.meanDistance(start, end, TRUTH, config.seeds(), config.seed(), steps, config.simulation(), 2, ProgressMonitor.NONE);
        double atCentre = DirectFitter.meanDistance(start, end, ParameterBounds.studyMelt().fromUnit(new double[] {.5, .5, .5, .5, .5}),
                config.seeds(), config.seed(), steps, config.simulation(), 2, ProgressMonitor.NONE);
        assertEquals(300, fit.evaluations());
        assertTrue(ParameterBounds.studyMelt().contains(fit.params()));
        assertEquals(fit.distance(), DirectFitter.meanDistance(start, end, fit.params(), config.seeds(), config.seed(), steps,
                config.simulation(), 1, ProgressMonitor.NONE), 1e-12, "the reported distance is the objective at the reported point");
        assertTrue(fit.distance() <= 1.05 * atTruth, "fit " + fit + " vs truth " + atTruth);
        // the box centre is a poor guess; the fit closes at least half of its gap to the truth
        assertTrue(fit.distance() < atTruth + 0.5 * (atCentre - atTruth),
                "fit " + fit.distance() + " vs box centre " + atCentre + " and truth " + atTruth);
        for (int i = 1; i < fit.trace().size(); i++) {
            assertTrue(fit.trace().get(i) <= fit.trace().get(i - 1), "the best-so-far trace never rises");
        }
        assertTrue(Math.abs(fit.params().b0() - TRUTH.b0()) < 1.5, "B0 " + fit.params());
    }

    @Test
    void aFitIsReproducibleWhateverTheThreadCount() {
        Lattice start = CnnTrainingTest.start();
        Lattice end = observedEnd(start);
        DirectFitter.Config config = DirectFitter.Config.defaults(8).withEvaluations(40);
        DirectFitter.Result one = DirectFitter.fit(start, end, ParameterBounds.studyMelt(), config, 1, ProgressMonitor.NONE);
        DirectFitter.Result two = DirectFitter.fit(start, end, ParameterBounds.studyMelt(), config, 2, ProgressMonitor.NONE);
        assertEquals(one, two);
    }

    @Test
    void aFitStopsWhenCancelled() {
        Lattice start = CnnTrainingTest.start();
        int[] seen = {0};
        ProgressMonitor cancelAfterFive = new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
                seen[0] = (int) done;
            }

            @Override
            public boolean isCancelled() {
                return seen[0] >= 5;
            }
        };
        assertThrows(CancelledException.class, () -> DirectFitter.fit(start, observedEnd(start), ParameterBounds.studyMelt(),
                DirectFitter.Config.defaults(1), 2, cancelAfterFive));
        assertEquals(5, seen[0]);
    }

    @Test
    void aCancelledFitCanKeepTheBestPointFound() {
        Lattice start = CnnTrainingTest.start();
        Lattice end = observedEnd(start);
        int[] seen = {0};
        ProgressMonitor cancelAfterThree = new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
                seen[0] = (int) done;
            }

            @Override
            public boolean isCancelled() {
                return seen[0] >= 3;
            }
        };
        DirectFitter.Config config = DirectFitter.Config.defaults(1);
        DirectFitter.Result r = DirectFitter.fitUntilCancelled(start, end, ParameterBounds.studyMelt(), config, 2, cancelAfterThree);
        assertEquals(3, r.evaluations());
        assertTrue(ParameterBounds.studyMelt().contains(r.params()));
        // the distance reported is the one the kept parameters give (independent re-run, same seeds)
        long steps = SemiMonthlyPeriod.stepsFor(start.activeCount(), config.stepsPer3600());
        assertEquals(DirectFitter.meanDistance(start, end, r.params(), config.seeds(), config.seed(), steps, config.simulation(), 1,
                ProgressMonitor.NONE), r.distance(), 1e-12);
    }
}
