package org.iceising.learn;

import java.util.Arrays;
import org.iceising.model.IsingParams;

/**
 * Per-parameter standardisation of the network's targets: z = (p − mean) / scale, where mean and
 * scale are the mean and standard deviation of each parameter over the training samples (scale 1
 * for a parameter that does not vary).
 */
public final class Standardisation {
    private final double[] mean;
    private final double[] scale;

    public Standardisation(double[] mean, double[] scale) {
        if (mean.length != 5 || scale.length != 5) {
            throw new IllegalArgumentException("a standardisation needs 5 means and 5 scales");
        }
        for (int k = 0; k < 5; k++) {
            if (!Double.isFinite(mean[k]) || !(scale[k] > 0) || !Double.isFinite(scale[k])) {
                throw new IllegalArgumentException("standardisation of " + IsingParams.NAMES[k] + " needs a finite mean and a positive scale, got "
                        + mean[k] + " and " + scale[k]);
            }
        }
        this.mean = mean.clone();
        this.scale = scale.clone();
    }

    /** Mean and standard deviation of each parameter over the given samples of {@code set}. */
    public static Standardisation of(TrainingSet set, int[] indices) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("cannot standardise over no samples");
        }
        double[] sum = new double[5];
        double[] sumSq = new double[5];
        for (int i : indices) {
            double[] p = set.params(i).toArray();
            for (int k = 0; k < 5; k++) {
                sum[k] += p[k];
                sumSq[k] += p[k] * p[k];
            }
        }
        double[] mean = new double[5];
        double[] scale = new double[5];
        for (int k = 0; k < 5; k++) {
            mean[k] = sum[k] / indices.length;
            double var = Math.max(0, sumSq[k] / indices.length - mean[k] * mean[k]);
            double sd = Math.sqrt(var);
            scale[k] = sd > 1e-12 * Math.max(1, Math.abs(mean[k])) ? sd : 1;
        }
        return new Standardisation(mean, scale);
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[] scale() {
        return scale.clone();
    }

    /** The standardised targets of {@code p}. */
    public double[] forward(IsingParams p) {
        double[] v = p.toArray();
        for (int k = 0; k < 5; k++) {
            v[k] = (v[k] - mean[k]) / scale[k];
        }
        return v;
    }

    /** The parameters whose standardised values are {@code z}; a negative inertia is cut to 0, its least allowed value. */
    public IsingParams inverse(double[] z) {
        double[] v = new double[5];
        for (int k = 0; k < 5; k++) {
            v[k] = mean[k] + scale[k] * z[k];
        }
        v[4] = Math.max(0, v[4]);
        return IsingParams.fromArray(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Standardisation s && Arrays.equals(s.mean, mean) && Arrays.equals(s.scale, scale);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "Standardisation[mean=" + Arrays.toString(mean) + ", scale=" + Arrays.toString(scale) + "]";
    }
}
