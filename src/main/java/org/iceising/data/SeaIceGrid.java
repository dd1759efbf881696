package org.iceising.data;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One day's sea-ice concentration on NSIDC's northern 25 km polar stereographic grid, 448 rows × 304
 * columns, row 0 at the top (the Siberian / 135°E side), as read from a file. Immutable.
 */
public final class SeaIceGrid {
    public static final int ROWS = 448;
    public static final int COLS = 304;
    public static final int CELLS = ROWS * COLS;

    private final LocalDate date;
    private final GridProduct product;
    private final String sensor;
    private final String variable;
    private final Path source;
    private final double[] concentration;
    private final CellFlag[] flags;

    /** Arrays are row-major of length {@link #CELLS} and are kept, not copied. */
    SeaIceGrid(LocalDate date, GridProduct product, String sensor, String variable, Path source,
               double[] concentration, CellFlag[] flags) {
        if (concentration.length != CELLS || flags.length != CELLS) {
            throw new IllegalArgumentException("a grid holds " + CELLS + " cells");
        }
        this.date = Objects.requireNonNull(date);
        this.product = Objects.requireNonNull(product);
        this.sensor = Objects.requireNonNull(sensor);
        this.variable = Objects.requireNonNull(variable);
        this.source = Objects.requireNonNull(source);
        this.concentration = concentration;
        this.flags = flags;
    }

    public LocalDate date() {
        return date;
    }

    /** The product's name, e.g. "NSIDC-0081 v1" (see {@link #productKind()}). */
    public String product() {
        return product.label();
    }

    public GridProduct productKind() {
        return product;
    }

    /** The satellite, e.g. "F18" ("N07" for Nimbus-7), or "" if the file does not say. */
    public String sensor() {
        return sensor;
    }

    /** The netCDF variable read, e.g. "F18_ICECON"; "" for the binary formats. */
    public String variable() {
        return variable;
    }

    /** The file this grid was read from. */
    public Path source() {
        return source;
    }

    /** Ice concentration in [0, 1], NaN unless the cell is {@link CellFlag#VALID}. */
    public double concentration(int row, int col) {
        return concentration[index(row, col)];
    }

    public CellFlag flag(int row, int col) {
        return flags[index(row, col)];
    }

    /** All concentrations, row-major, NaN on flagged cells (a copy). */
    public double[] concentrations() {
        return concentration.clone();
    }

    /** Number of cells holding {@code flag}. */
    public int count(CellFlag flag) {
        int n = 0;
        for (CellFlag f : flags) {
            if (f == flag) {
                n++;
            }
        }
        return n;
    }

    /** Number of cells inside {@code area} holding {@code flag}. */
    public int count(CellFlag flag, FocusArea area) {
        int n = 0;
        for (int r = area.row0(); r < area.row0() + area.rows(); r++) {
            for (int c = area.col0(); c < area.col0() + area.cols(); c++) {
                if (flags[r * COLS + c] == flag) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Row-major mask of the cells holding {@code flag}, e.g. the land, coast or pole-hole mask. */
    public boolean[] mask(CellFlag flag) {
        boolean[] m = new boolean[CELLS];
        for (int i = 0; i < CELLS; i++) {
            m[i] = flags[i] == flag;
        }
        return m;
    }

    /** Row-major index of a cell, checked against the grid's bounds. */
    static int index(int row, int col) {
        if (row < 0 || row >= ROWS || col < 0 || col >= COLS) {
            throw new IndexOutOfBoundsException("cell (" + row + ", " + col + ") outside the " + ROWS + " x " + COLS + " grid");
        }
        return row * COLS + col;
    }

    @Override
    public String toString() {
        String what = sensor.isEmpty() ? product.label() : product.label() + " " + sensor;
        return "SeaIceGrid[" + date + ", " + what + ", " + source.getFileName() + "]";
    }
}
