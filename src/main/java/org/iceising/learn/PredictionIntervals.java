package org.iceising.learn;

import java.util.Arrays;
import java.util.List;
import org.hipparchus.special.Erf;
import org.iceising.model.IsingParams;

/**
 * Intervals for estimated parameters by split conformal prediction: on held-out synthetic samples
 * with known parameters, the half-width for parameter k is the ⌈(n + 1)·level⌉-th smallest absolute
 * error |estimate − truth|. For a new sample drawn like the held-out ones, estimate ± half-width
 * then contains the truth with probability at least {@code level} (and below level + 1/(n + 1)),
 * whatever the estimator and its errors — no Gaussian assumption. {@link #sd()} states each half-width
 * as the standard deviation of a normal law with the same central interval.
 *
 * @param level     nominal coverage, e.g. 0.9
 * @param halfWidth per parameter (J, B0, Bx, By, I); infinite when n is too small for the level
 * @param samples   held-out samples calibrated on
 */
public record PredictionIntervals(double level, double[] halfWidth, int samples) {

    public PredictionIntervals {
        if (!(level > 0 && level < 1) || halfWidth.length != 5) {
            throw new IllegalArgumentException("need a level in (0, 1) and five half-widths, got " + level + " and " + halfWidth.length);
        }
        halfWidth = halfWidth.clone();
    }

    @Override
    public double[] halfWidth() {
        return halfWidth.clone();
    }

    /** Calibrates on estimates of samples whose true parameters are known. */
    public static PredictionIntervals calibrate(List<IsingParams> truth, List<IsingParams> estimated, double level) {
        int n = truth.size();
        if (n != estimated.size() || n < 1) {
            throw new IllegalArgumentException("need as many estimates as true values (at least 1), got " + n + " and " + estimated.size());
        }
        int rank = (int) Math.ceil((n + 1) * level);
        double[] half = new double[5];
        for (int k = 0; k < 5; k++) {
            double[] err = new double[n];
            for (int i = 0; i < n; i++) {
                err[i] = Math.abs(estimated.get(i).toArray()[k] - truth.get(i).toArray()[k]);
            }
            Arrays.sort(err);
            half[k] = rank > n ? Double.POSITIVE_INFINITY : err[rank - 1];
        }
        return new PredictionIntervals(level, half, n);
    }

    /** Half-width over the normal quantile of the level: the spread stated as a standard deviation. */
    public double[] sd() {
        double z = Math.sqrt(2) * Erf.erfInv(level);
        double[] s = new double[5];
        for (int k = 0; k < 5; k++) {
            s[k] = halfWidth[k] / z;
        }
        return s;
    }

    /** Per parameter, the share of the samples whose interval estimate ± half-width contains the truth. */
    public double[] coverage(List<IsingParams> truth, List<IsingParams> estimated) {
        double[] c = new double[5];
        for (int i = 0; i < truth.size(); i++) {
            double[] t = truth.get(i).toArray();
            double[] e = estimated.get(i).toArray();
            for (int k = 0; k < 5; k++) {
                if (Math.abs(e[k] - t[k]) <= halfWidth[k]) {
                    c[k] += 1.0 / truth.size();
                }
            }
        }
        return c;
    }
}
