package org.iceising.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;

/**
 * How well a model recovers known parameters from synthetic samples it did not train on: per
 * parameter the coefficient of determination R² = 1 − Σ(p̂ − p)² / Σ(p − p̄)² (p̄ the mean over these
 * samples; R² > 0 means better than predicting that mean) and the mean absolute error in the
 * study's units.
 *
 * @param r2      R² of J, B0, Bx, By, I
 * @param mae     mean absolute error of J, B0, Bx, By, I
 * @param samples number of samples evaluated
 */
public record ParameterRecovery(double[] r2, double[] mae, int samples) {
    private static final int BATCH = 256;

    public ParameterRecovery {
        r2 = r2.clone();
        mae = mae.clone();
    }

    @Override
    public double[] r2() {
        return r2.clone();
    }

    @Override
    public double[] mae() {
        return mae.clone();
    }

    /**
     * Recovery on the samples the model held out for validation while training on {@code set}
     * (the split is drawn again from the seed and fraction in the model's metadata).
     *
     * @throws IllegalArgumentException if {@code set} is not the training set of the model
     */
    public static ParameterRecovery onHeldOut(InverseModel model, TrainingSet set) {
        ModelMetadata m = model.metadata();
        long seed = set.files().get(0).header().seed();
        if (set.size() != m.trainingSize() || seed != m.trainingSeed()) {
            throw new IllegalArgumentException("the model was trained on " + m.trainingSize() + " samples of seed " + m.trainingSeed()
                    + "; this training set has " + set.size() + " samples of seed " + seed);
        }
        return evaluate(model, set, set.split(m.validationFraction(), m.trainerSeed()).heldOut());
    }

    /** Predicts samples {@code indices} of {@code set} with {@code model} and scores them against their true parameters. */
    public static ParameterRecovery evaluate(InverseModel model, TrainingSet set, int[] indices) {
        if (indices.length < 2) {
            throw new IllegalArgumentException("recovery needs at least 2 samples, got " + indices.length);
        }
        List<IsingParams> truth = new ArrayList<>(indices.length);
        List<IsingParams> predicted = new ArrayList<>(indices.length);
        for (int from = 0; from < indices.length; from += BATCH) {
            List<Lattice> starts = new ArrayList<>();
            List<Lattice> ends = new ArrayList<>();
            for (int k = from; k < Math.min(indices.length, from + BATCH); k++) {
                TrainingSetFile f = set.fileOf(indices[k]);
                int local = set.localIndex(indices[k]);
                starts.add(f.header().start());
                ends.add(f.end(local));
                truth.add(f.params(local));
            }
            predicted.addAll(model.predict(starts, ends));
        }
        return of(truth, predicted);
    }

    /** Scores predictions against the true parameters. */
    public static ParameterRecovery of(List<IsingParams> truth, List<IsingParams> predicted) {
        int n = truth.size();
        if (n != predicted.size() || n < 2) {
            throw new IllegalArgumentException("need as many predictions as true values (at least 2), got " + n + " and " + predicted.size());
        }
        double[] mean = new double[5];
        for (IsingParams p : truth) {
            double[] v = p.toArray();
            for (int k = 0; k < 5; k++) {
                mean[k] += v[k] / n;
            }
        }
        double[] ssRes = new double[5];
        double[] ssTot = new double[5];
        double[] mae = new double[5];
        for (int i = 0; i < n; i++) {
            double[] t = truth.get(i).toArray();
            double[] p = predicted.get(i).toArray();
            for (int k = 0; k < 5; k++) {
                ssRes[k] += (p[k] - t[k]) * (p[k] - t[k]);
                ssTot[k] += (t[k] - mean[k]) * (t[k] - mean[k]);
                mae[k] += Math.abs(p[k] - t[k]) / n;
            }
        }
        double[] r2 = new double[5];
        for (int k = 0; k < 5; k++) {
            r2[k] = ssTot[k] > 0 ? 1 - ssRes[k] / ssTot[k] : Double.NaN;
        }
        return new ParameterRecovery(r2, mae, n);
    }

    /** A small table: one row per parameter with R² and MAE. */
    public String table() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-4s %8s %10s%n", "", "R²", "MAE"));
        for (int k = 0; k < 5; k++) {
            sb.append(String.format(Locale.ROOT, "%-4s %8.3f %10.4f%n", IsingParams.NAMES[k], r2[k], mae[k]));
        }
        return sb.append(String.format(Locale.ROOT, "(%d held-out samples)%n", samples)).toString();
    }
}
