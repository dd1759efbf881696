package org.iceising.model;

import java.util.Arrays;

/**
 * A rectangular lattice of spins with an optional mask of inactive cells.
 *
 * <p>Cell (x, y) is row x, column y, stored row-major. A spin s = 1 − 2c where c is the ice
 * concentration: s = +1 open water, s = −1 full ice (MODEL.md §1). Inactive (masked) cells — land,
 * coast, pole hole or missing data inside a chosen area — are never updated and never counted;
 * their stored spin is meaningless and kept at 0.
 *
 * <p>A lattice is mutable so that an engine can evolve it in place; {@link #copy()} takes an
 * independent snapshot.
 */
public final class Lattice {
    private final int rows;
    private final int cols;
    private final double[] spins;
    private final boolean[] active;
    private final int activeCount;

    private Lattice(int rows, int cols, double[] spins, boolean[] active) {
        this.rows = rows;
        this.cols = cols;
        this.spins = spins;
        this.active = active;
        int n = 0;
        for (boolean a : active) {
            if (a) {
                n++;
            }
        }
        this.activeCount = n;
    }

    /**
     * A lattice from spins and a mask, both row-major of length rows·cols. Arrays are copied.
     *
     * @param active null for "all cells active"
     */
    public static Lattice ofSpins(int rows, int cols, double[] spins, boolean[] active) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("lattice must be at least 1 x 1, got " + rows + " x " + cols);
        }
        int n = Math.multiplyExact(rows, cols);
        if (spins.length != n) {
            throw new IllegalArgumentException("expected " + n + " spins for " + rows + " x " + cols + ", got " + spins.length);
        }
        boolean[] mask = active == null ? filled(n) : active.clone();
        if (mask.length != n) {
            throw new IllegalArgumentException("expected a mask of " + n + " cells, got " + mask.length);
        }
        double[] s = spins.clone();
        for (int i = 0; i < n; i++) {
            if (!mask[i]) {
                s[i] = 0;
            } else if (!(s[i] >= -1 && s[i] <= 1)) {
                throw new IllegalArgumentException("spin at row " + (i / cols) + ", column " + (i % cols) + " is " + s[i] + ", outside [-1, 1]");
            }
        }
        return new Lattice(rows, cols, s, mask);
    }

    /**
     * A lattice from ice concentrations c ∈ [0, 1] (row-major); NaN marks an inactive cell.
     */
    public static Lattice ofConcentration(int rows, int cols, double[] concentration) {
        int n = Math.multiplyExact(rows, cols);
        if (concentration.length != n) {
            throw new IllegalArgumentException("expected " + n + " concentrations for " + rows + " x " + cols + ", got " + concentration.length);
        }
        double[] s = new double[n];
        boolean[] mask = new boolean[n];
        for (int i = 0; i < n; i++) {
            double c = concentration[i];
            if (Double.isNaN(c)) {
                continue;
            }
            if (c < 0 || c > 1) {
                throw new IllegalArgumentException("concentration at row " + (i / cols) + ", column " + (i % cols) + " is " + c + ", outside [0, 1]");
            }
            mask[i] = true;
            s[i] = 1 - 2 * c;
        }
        return new Lattice(rows, cols, s, mask);
    }

    /** A fully active lattice with every spin equal to {@code value}. */
    public static Lattice uniform(int rows, int cols, double value) {
        double[] s = new double[Math.multiplyExact(rows, cols)];
        Arrays.fill(s, value);
        return ofSpins(rows, cols, s, null);
    }

    private static boolean[] filled(int n) {
        boolean[] b = new boolean[n];
        Arrays.fill(b, true);
        return b;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int size() {
        return spins.length;
    }

    public int activeCount() {
        return activeCount;
    }

    public boolean isActive(int row, int col) {
        return active[index(row, col)];
    }

    public boolean isActive(int index) {
        return active[index];
    }

    public int index(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("cell (" + row + ", " + col + ") outside " + rows + " x " + cols);
        }
        return row * cols + col;
    }

    public double spin(int row, int col) {
        return spins[index(row, col)];
    }

    public double spin(int index) {
        return spins[index];
    }

    /** Sets an active cell's spin; the value must lie in [−1, 1]. */
    public void setSpin(int row, int col, double value) {
        int i = index(row, col);
        if (!active[i]) {
            throw new IllegalArgumentException("cell (" + row + ", " + col + ") is masked");
        }
        if (!(value >= -1 && value <= 1)) {
            throw new IllegalArgumentException("spin " + value + " outside [-1, 1]");
        }
        spins[i] = value;
    }

    /** Ice concentration c = (1 − s)/2 of a cell, NaN if masked. */
    public double concentration(int index) {
        return active[index] ? (1 - spins[index]) / 2 : Double.NaN;
    }

    /** Water fraction w = (1 + s)/2 of a cell, NaN if masked. */
    public double water(int index) {
        return active[index] ? (1 + spins[index]) / 2 : Double.NaN;
    }

    /** Concentrations, row-major, NaN on masked cells. */
    public double[] concentrations() {
        double[] c = new double[spins.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = concentration(i);
        }
        return c;
    }

    /** A copy of the spins (0 on masked cells), row-major. */
    public double[] spins() {
        return spins.clone();
    }

    /** A copy of the mask, row-major (true = active). */
    public boolean[] mask() {
        return active.clone();
    }

    /** Direct access for the engine in this package: the spins array itself. */
    double[] spinArray() {
        return spins;
    }

    /** The mask itself, for the engine in this package: never written after construction. */
    boolean[] activeArray() {
        return active;
    }

    /** Copies the spins of {@code other}, which must have the same shape and mask. */
    public void copyFrom(Lattice other) {
        if (other.rows != rows || other.cols != cols || !Arrays.equals(other.active, active)) {
            throw new IllegalArgumentException("lattices differ in shape or mask");
        }
        System.arraycopy(other.spins, 0, spins, 0, spins.length);
    }

    /** An independent copy of the spins; the mask, which never changes, is shared. */
    public Lattice copy() {
        return new Lattice(rows, cols, spins.clone(), active);
    }

    /**
     * Copies of {@code a} and {@code b} (same rows and columns) restricted to the cells active in
     * both, e.g. an observed start and end where one day has missing data.
     */
    public static Lattice[] restrictToCommonMask(Lattice a, Lattice b) {
        if (a.rows != b.rows || a.cols != b.cols) {
            throw new IllegalArgumentException("lattices differ in shape: " + a + " vs " + b);
        }
        boolean[] both = new boolean[a.active.length];
        for (int i = 0; i < both.length; i++) {
            both[i] = a.active[i] && b.active[i];
        }
        return new Lattice[] {ofSpins(a.rows, a.cols, a.spins, both), ofSpins(b.rows, b.cols, b.spins, both)};
    }

    /** True if the two lattices have the same shape and mask. */
    public boolean sameShape(Lattice other) {
        return rows == other.rows && cols == other.cols && Arrays.equals(active, other.active);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lattice l && l.rows == rows && l.cols == cols
                && Arrays.equals(l.active, active) && Arrays.equals(l.spins, spins);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(spins) + Arrays.hashCode(active);
    }

    @Override
    public String toString() {
        return "Lattice[" + rows + " x " + cols + ", " + activeCount + " active]";
    }
}
