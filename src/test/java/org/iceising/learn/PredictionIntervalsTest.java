package org.iceising.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionIntervalsTest {
    @TempDir
    Path dir;

    @Test
    void theHalfWidthIsTheConformalRankOfTheErrors() {
        // errors 1..9 in J (others 0): rank ceil(10 x 0.8) = 8, so the half-width is 8
        List<IsingParams> truth = new ArrayList<>();
        List<IsingParams> estimated = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            truth.add(new IsingParams(0, 1, 2, 3, 4));
            estimated.add(new IsingParams(i % 2 == 0 ? i : -i, 1, 2, 3, 4));
        }
        PredictionIntervals p = PredictionIntervals.calibrate(truth, estimated, 0.8);
        assertArrayEquals(new double[] {8, 0, 0, 0, 0}, p.halfWidth());
        assertEquals(8 / 1.2815515655446004, p.sd()[0], 1e-9); // the normal quantile of 0.9
        assertEquals(8.0 / 9, p.coverage(truth, estimated)[0], 1e-12);
        // a level that needs more samples than there are gives an unbounded interval
        assertEquals(Double.POSITIVE_INFINITY, PredictionIntervals.calibrate(truth, estimated, 0.95).halfWidth()[0]);
    }

    /**
     * The claim of the reproduction's spreads: on held-out synthetic samples of a trained network,
     * intervals calibrated on one half contain the true parameters 85–95 % of the time on the other.
     */
    @Test
    void nominalNinetyPercentIntervalsContainTheTruthOnHeldOutSyntheticSamples() {
        SemiMonthlyPeriod july = CnnTrainingTest.JULY;
        Lattice start = CnnTrainingTest.start();
        TrainingSetGenerator generator = new TrainingSetGenerator(new TrainingSetGenerator.Settings(1200, 21, SemiMonthlyPeriod.STUDY_STEPS,
                SeasonBounds.wide(), SimulationSettings.study()), 2);
        generator.generate(Map.of(july, start), dir.resolve("set"), ProgressMonitor.NONE);
        try (TrainingSet set = TrainingSet.open(dir.resolve("set"))) {
            CnnTrainer.Result r = CnnTrainer.train(set, new CnnTrainer.Config(2, 32, 0.5, 1e-3, 4), ProgressMonitor.NONE,
                    CnnTrainer.Listener.NONE);
            int[] heldOut = r.heldOut();
            List<IsingParams> truth = new ArrayList<>();
            List<Lattice> ends = new ArrayList<>();
            for (int i : heldOut) {
                truth.add(set.params(i));
                ends.add(set.fileOf(i).end(set.localIndex(i)));
            }
            List<IsingParams> predicted = r.model().predict(java.util.Collections.nCopies(ends.size(), start), ends);
            int half = truth.size() / 2;
            PredictionIntervals p = PredictionIntervals.calibrate(truth.subList(0, half), predicted.subList(0, half), 0.9);
            double[] covered = p.coverage(truth.subList(half, truth.size()), predicted.subList(half, truth.size()));
            for (int k = 0; k < 5; k++) {
                assertTrue(covered[k] >= 0.85 && covered[k] <= 0.95, IsingParams.NAMES[k] + " covered " + covered[k] + " of "
                        + (truth.size() - half));
            }
        }
    }
}
