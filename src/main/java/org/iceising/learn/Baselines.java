package org.iceising.learn;

import org.iceising.model.Lattice;
import org.iceising.model.Measures;

/**
 * Forecasts without a model, to be beaten: persistence (the end equals the start) needs nothing;
 * a uniform shift moves every cell's ice concentration by the same amount so that the coverage
 * becomes a given one — what a change of the amount of ice alone explains.
 */
public final class Baselines {

    private Baselines() {
    }

    /**
     * {@code start} with every active cell's concentration moved by one δ (and limited to [0, 1]),
     * δ chosen by bisection so that the coverage is {@code coverage} (as near as the limits allow).
     */
    public static Lattice shifted(Lattice start, double coverage) {
        double lo = -1;
        double hi = 1;
        for (int it = 0; it < 60; it++) {
            double mid = (lo + hi) / 2;
            if (Measures.coverage(shift(start, mid)) < coverage) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return shift(start, (lo + hi) / 2);
    }

    private static Lattice shift(Lattice start, double delta) {
        double[] s = new double[start.size()];
        for (int i = 0; i < s.length; i++) {
            if (start.isActive(i)) {
                double c = Math.max(0, Math.min(1, start.concentration(i) + delta));
                s[i] = 1 - 2 * c;
            }
        }
        return Lattice.ofSpins(start.rows(), start.cols(), s, start.mask());
    }
}
