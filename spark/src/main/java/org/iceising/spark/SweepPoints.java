package org.iceising.spark;

import java.io.Serializable;
import java.util.SplittableRandom;
import org.iceising.learn.ParameterBounds;
import org.iceising.model.IsingParams;
import org.iceising.model.Seeds;

/**
 * The parameter sets of a sweep over a box, each a pure function of its index (so any task can
 * compute any set): a regular grid of {@code perAxis} points on each of the five axes (index in
 * J, B0, Bx, By, I order, I fastest; one point is the box's centre), or {@code count} points drawn
 * uniformly, point i from {@code Seeds.forRun(seed, i)}.
 *
 * @param perAxis grid points per axis, or 0 for random points
 * @param count   random points, or 0 for a grid
 * @param seed    seeds the random points
 */
record SweepPoints(int perAxis, long count, long seed) implements Serializable {
    /** The most parameter sets one sweep may hold. */
    static final long MAX = 1L << 40;

    SweepPoints {
        if ((perAxis > 0) == (count > 0)) {
            throw new IllegalArgumentException("a sweep is either a grid or random points");
        }
        if (perAxis > 0 && Math.pow(perAxis, 5) > MAX || count > MAX) {
            throw new IllegalArgumentException("a sweep holds at most " + MAX + " parameter sets");
        }
    }

    static SweepPoints grid(int perAxis) {
        if (perAxis < 1) {
            throw new IllegalArgumentException("--grid must be at least 1 point per axis, got " + perAxis);
        }
        return new SweepPoints(perAxis, 0, 0);
    }

    static SweepPoints random(long count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("--random must be at least 1 point, got " + count);
        }
        return new SweepPoints(0, count, seed);
    }

    /** Number of parameter sets. */
    long size() {
        if (count > 0) {
            return count;
        }
        long n = 1;
        for (int k = 0; k < 5; k++) {
            n *= perAxis;
        }
        return n;
    }

    /** Parameter set {@code index} in {@code box}. */
    IsingParams at(ParameterBounds box, long index) {
        if (count > 0) {
            return box.sample(new SplittableRandom(Seeds.forRun(seed, index)));
        }
        double[] v = new double[5];
        long rest = index;
        for (int k = 4; k >= 0; k--) {
            int d = (int) (rest % perAxis);
            rest /= perAxis;
            double lo = box.lower(k);
            double hi = box.upper(k);
            v[k] = perAxis == 1 ? (lo + hi) / 2 : lo + (hi - lo) * d / (perAxis - 1);
        }
        return IsingParams.fromArray(v);
    }
}
