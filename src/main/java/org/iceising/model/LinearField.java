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
        fill(p, nx, ny, b, 0, ny);
        return b;
    }

    /**
     * Writes the field of cell (x, y) to {@code out[first + x·stride + y]}: the same values as
     * {@link #at}, with the divisions done once per row and column.
     */
    static void fill(IsingParams p, int nx, int ny, double[] out, int first, int stride) {
        double[] alongY = new double[ny];
        for (int y = 0; y < ny; y++) {
            alongY[y] = p.by() * normalised(y, ny);
        }
        for (int x = 0; x < nx; x++) {
            double row = p.b0() + p.bx() * normalised(x, nx);
            for (int y = 0; y < ny; y++) {
                out[first + x * stride + y] = row + alongY[y];
            }
        }
    }
}
