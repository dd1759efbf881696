package org.iceising.model;

/**
 * The study's external field, linear in normalised coordinates with B0 its value at the centre
 * (MODEL.md §2): B(x, y) = B0 + Bx·(x/(NX−1) − ½) + By·(y/(NY−1) − ½), x the row and y the column.
 */
public final class LinearField {
    private LinearField() {
    }

    /** Field at row x, column y of an nx × ny lattice. A 1-wide axis contributes no gradient. */
    public static double at(IsingParams p, int x, int y, int nx, int ny) {
        return p.b0() + p.bx() * normalised(x, nx) + p.by() * normalised(y, ny);
    }

    private static double normalised(int i, int n) {
        return n > 1 ? (double) i / (n - 1) - 0.5 : 0.0;
    }

    /** The field on every cell, row-major. */
    public static double[] values(IsingParams p, int nx, int ny) {
        double[] b = new double[nx * ny];
        for (int x = 0; x < nx; x++) {
            for (int y = 0; y < ny; y++) {
                b[x * ny + y] = at(p, x, y, nx, ny);
            }
        }
        return b;
    }
}
