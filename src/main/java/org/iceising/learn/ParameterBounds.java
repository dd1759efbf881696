package org.iceising.learn;

import java.util.SplittableRandom;
import org.iceising.model.IsingParams;

/**
 * A box of Ising parameters: every parameter k lies in [lower_k, upper_k] (MODEL.md §6). Training
 * sets draw uniformly inside it, direct fitting searches inside it, and a trained network remembers
 * the boxes it was trained on.
 *
 * @param lower the lower end of each parameter
 * @param upper the upper end of each parameter; not below {@code lower}
 */
public record ParameterBounds(IsingParams lower, IsingParams upper) {

    public ParameterBounds {
        if (lower == null || upper == null) {
            throw new IllegalArgumentException("both ends of the parameter bounds must be given");
        }
        double[] lo = lower.toArray();
        double[] hi = upper.toArray();
        for (int k = 0; k < lo.length; k++) {
            if (lo[k] > hi[k]) {
                throw new IllegalArgumentException("bounds of " + IsingParams.NAMES[k] + " are reversed: " + lo[k] + " > " + hi[k]);
            }
        }
    }

    /** The study's box for a melting period (one that starts before 15 September). */
    public static ParameterBounds studyMelt() {
        return new ParameterBounds(new IsingParams(2.25, 2, -10, -10, 9), new IsingParams(2.75, 9, 0, 10, 11));
    }

    /**
     * The wide box of the reproduction (docs/decisions/0007-reproduce-objective-and-boxes.md):
     * J 0..5, B0 −20..20, Bx and By −15..15, I 0..20, the same for melting and freezing periods, so
     * that no period is forced into a melt or a freeze.
     */
    public static ParameterBounds wide() {
        return new ParameterBounds(new IsingParams(0, -20, -15, -15, 0), new IsingParams(5, 20, 15, 15, 20));
    }

    /** The study's box for a freezing period (one that starts on or after 15 September). */
    public static ParameterBounds studyFreeze() {
        return new ParameterBounds(new IsingParams(2.25, -15, -10, -10, 9), new IsingParams(2.75, -9, -1, 10, 11));
    }

    /**
     * Parses "J=lo..hi,B0=lo..hi,Bx=lo..hi,By=lo..hi,I=lo..hi" (all five, any order), as
     * {@link #toString()} writes it.
     */
    public static ParameterBounds parse(String text) {
        double[] lo = new double[5];
        double[] hi = new double[5];
        boolean[] seen = new boolean[5];
        for (String part : text.trim().split("\\s*,\\s*")) {
            int eq = part.indexOf('=');
            int dots = part.indexOf("..", eq + 1);
            if (eq < 0 || dots < 0) {
                throw new IllegalArgumentException("bounds entry '" + part + "' is not NAME=low..high (in '" + text + "')");
            }
            int k = indexOf(part.substring(0, eq).trim());
            try {
                lo[k] = Double.parseDouble(part.substring(eq + 1, dots).trim());
                hi[k] = Double.parseDouble(part.substring(dots + 2).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bounds of " + IsingParams.NAMES[k] + " are not numbers: '" + part + "'");
            }
            seen[k] = true;
        }
        for (int k = 0; k < 5; k++) {
            if (!seen[k]) {
                throw new IllegalArgumentException("bounds of " + IsingParams.NAMES[k] + " are missing in '" + text + "'");
            }
        }
        return new ParameterBounds(IsingParams.fromArray(lo), IsingParams.fromArray(hi));
    }

    private static int indexOf(String name) {
        for (int k = 0; k < IsingParams.NAMES.length; k++) {
            if (IsingParams.NAMES[k].equalsIgnoreCase(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown parameter '" + name + "'; expected one of J, B0, Bx, By, I");
    }

    public double lower(int k) {
        return lower.toArray()[k];
    }

    public double upper(int k) {
        return upper.toArray()[k];
    }

    /** A parameter set drawn uniformly in the box; five draws from {@code random}, in the order J, B0, Bx, By, I. */
    public IsingParams sample(SplittableRandom random) {
        double[] lo = lower.toArray();
        double[] hi = upper.toArray();
        double[] v = new double[5];
        for (int k = 0; k < 5; k++) {
            v[k] = lo[k] + (hi[k] - lo[k]) * random.nextDouble();
        }
        return IsingParams.fromArray(v);
    }

    public boolean contains(IsingParams p) {
        double[] lo = lower.toArray();
        double[] hi = upper.toArray();
        double[] v = p.toArray();
        for (int k = 0; k < 5; k++) {
            if (v[k] < lo[k] || v[k] > hi[k]) {
                return false;
            }
        }
        return true;
    }

    /** Maps a point of the unit cube [0, 1]⁵ linearly onto the box. */
    public IsingParams fromUnit(double[] u) {
        double[] lo = lower.toArray();
        double[] hi = upper.toArray();
        double[] v = new double[5];
        for (int k = 0; k < 5; k++) {
            v[k] = lo[k] + (hi[k] - lo[k]) * u[k];
        }
        return IsingParams.fromArray(v);
    }

    /** The inverse of {@link #fromUnit}: where {@code p} lies in the unit cube (0.5 for a parameter whose range is one value). */
    public double[] toUnit(IsingParams p) {
        double[] lo = lower.toArray();
        double[] hi = upper.toArray();
        double[] v = p.toArray();
        double[] u = new double[5];
        for (int k = 0; k < 5; k++) {
            u[k] = hi[k] > lo[k] ? (v[k] - lo[k]) / (hi[k] - lo[k]) : 0.5;
        }
        return u;
    }

    /** The point of the box nearest to {@code p}: each parameter limited to its range. */
    public IsingParams clamp(IsingParams p) {
        double[] lo = lower.toArray();
        double[] hi = upper.toArray();
        double[] v = p.toArray();
        for (int k = 0; k < 5; k++) {
            v[k] = Math.max(lo[k], Math.min(hi[k], v[k]));
        }
        return IsingParams.fromArray(v);
    }

    /** "J=2.25..2.75,B0=2.0..9.0,..." as accepted by {@link #parse(String)}. */
    @Override
    public String toString() {
        double[] lo = lower.toArray();
        double[] hi = upper.toArray();
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 5; k++) {
            if (k > 0) {
                sb.append(',');
            }
            sb.append(IsingParams.NAMES[k]).append('=').append(lo[k]).append("..").append(hi[k]);
        }
        return sb.toString();
    }
}
