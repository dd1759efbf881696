package org.iceising.model;

import org.iceising.app.controls.Figure;



/**
 * The study's measures on lattices (MODEL.md §5). Only active cells count; a measure of a lattice
 * without active cells is NaN.
 */
public final class Measures {
    /** Ice extent threshold: a cell counts as ice-covered from 15 % concentration. */
    public static final double EXTENT_THRESHOLD = 0.15;

    private Measures() {
    }

    /** Ice coverage: mean ice concentration over the active cells, a fraction in [0, 1]. */
    public static double coverage(Lattice l) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < l.size(); i++) {
            if (l.isActive(i)) {
                sum += l.concentration(i);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Ice extent: the share of active cells with concentration ≥ 15 %. */
    public static double extentFraction(Lattice l) {
        int ice = 0;
        int n = 0;
        for (int i = 0; i < l.size(); i++) {
            if (l.isActive(i)) {
                n++;
                if (isIce(l.concentration(i))) {
                    ice++;
                }
            }
        }
        return n == 0 ? Double.NaN : (double) ice / n;
    }

    /** True if a concentration counts towards extent (c ≥ 0.15, with a tolerance for rounding of c = 1 − w). */
    public static boolean isIce(double concentration) {
        return concentration >= EXTENT_THRESHOLD - 1e-12;
    }

    /**
     * The study's distance: mean |w_sim − w_obs| over active cells; the lattices must have the same
     * shape and mask.
     */
    public static double distance(Lattice simulated, Lattice observed) {
        requireSameShape(simulated, observed);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < simulated.size(); i++) {
            if (simulated.isActive(i)) {
                sum += Math.abs(simulated.water(i) - observed.water(i));
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** w_sim − w_obs per cell, row-major, NaN on masked cells. */
    public static double[] signedDifference(Lattice simulated, Lattice observed) {
        requireSameShape(simulated, observed);
        double[] d = new double[simulated.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = simulated.isActive(i) ? simulated.water(i) - observed.water(i) : Double.NaN;
        }
        return d;
    }

    /** |w_sim − w_obs| per cell (the paper's Figure 5), NaN on masked cells. */
    public static double[] absoluteDifference(Lattice simulated, Lattice observed) {
        double[] d = signedDifference(simulated, observed);
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(d[i]);
        }
        return d;
    }

    /**
     * Area-weighted extent: the sum of {@code area[i]} over cells whose concentration is ≥ 15 %, plus
     * the area of cells flagged in {@code countAsIce} (NSIDC counts the pole hole as ice).
     * NaN concentrations are never ice.
     */
    public static double areaWeightedExtent(double[] concentration, double[] area, boolean[] countAsIce) {
        if (concentration.length != area.length || (countAsIce != null && countAsIce.length != area.length)) {
            throw new IllegalArgumentException("concentration, area and flags must cover the same cells");
        }
        double sum = 0;
        for (int i = 0; i < area.length; i++) {
            if ((countAsIce != null && countAsIce[i]) || (!Double.isNaN(concentration[i]) && isIce(concentration[i]))) {
                sum += area[i];
            }
        }
        return sum;
    }

    private static void requireSameShape(Lattice a, Lattice b) {
        if (!a.sameShape(b)) {
            throw new IllegalArgumentException("lattices differ in shape or mask: " + a + " vs " + b);
        }
    }
}
