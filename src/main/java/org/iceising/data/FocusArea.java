package org.iceising.data;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iceising.model.Lattice;

/**
 * A rectangle of the 448 × 304 grid that becomes the model's lattice: rows {@code row0 ..
 * row0+rows−1}, columns {@code col0 .. col0+cols−1} (0-based). Land, coast, pole hole, unused and
 * missing cells inside it become masked lattice cells (MODEL.md §1).
 */
public record FocusArea(int row0, int col0, int rows, int cols) {
    /** The study's area: rows 180..239, columns 80..139, a 60 × 60 lattice. */
    public static final FocusArea STUDY = new FocusArea(180, 80, 60, 60);

    private static final Pattern RANGE = Pattern.compile("\\s*(\\d+)\\s*([:-])\\s*(\\d+)\\s*");

    /** Checks that the rectangle is non-empty and lies inside the grid. */
    public FocusArea {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("focus area must be at least 1 x 1, got " + rows + " rows x " + cols + " columns");
        }
        // long sums: R0 and ROWS near Integer.MAX_VALUE must not wrap round into the grid
        if (row0 < 0 || (long) row0 + rows > SeaIceGrid.ROWS) {
            throw new IllegalArgumentException("focus area rows " + row0 + ".." + ((long) row0 + rows - 1)
                    + " are outside the grid's rows 0.." + (SeaIceGrid.ROWS - 1));
        }
        if (col0 < 0 || (long) col0 + cols > SeaIceGrid.COLS) {
            throw new IllegalArgumentException("focus area columns " + col0 + ".." + ((long) col0 + cols - 1)
                    + " are outside the grid's columns 0.." + (SeaIceGrid.COLS - 1));
        }
    }

    /**
     * Parses "ROWS,COLS" where each range is either {@code a:b} (end exclusive, as a Python slice:
     * "180:240,80:140") or {@code a-b} (both ends included: "180-239,80-139"), or the command
     * line's "R0,C0,ROWS,COLS" ("180,80,60,60"); "study" or "focus" gives {@link #STUDY}.
     *
     * @throws IllegalArgumentException with the reason if the text is malformed or the area leaves the grid
     */
    public static FocusArea parse(String text) {
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("study") || lower.equals("focus")) {
            return STUDY;
        }
        String[] parts = t.split(",", -1);
        if (parts.length == 4) {
            int[] v = new int[4];
            for (int k = 0; k < 4; k++) {
                try {
                    v[k] = Integer.parseInt(parts[k].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("focus area '" + text + "': '" + parts[k].trim()
                            + "' is not a whole number (expected R0,C0,ROWS,COLS such as 180,80,60,60)", e);
                }
            }
            return new FocusArea(v[0], v[1], v[2], v[3]);
        }
        if (parts.length != 2) {
            throw new IllegalArgumentException("focus area '" + text
                    + "': expected R0,C0,ROWS,COLS such as 180,80,60,60, or ROWS,COLS ranges such as 180:240,80:140");
        }
        int[] r = range(parts[0], text, "rows");
        int[] c = range(parts[1], text, "columns");
        return new FocusArea(r[0], c[0], r[1] - r[0], c[1] - c[0]);
    }

    /** The [start, end) of one range. */
    private static int[] range(String part, String text, String what) {
        Matcher m = RANGE.matcher(part);
        if (!m.matches()) {
            throw new IllegalArgumentException("focus area '" + text + "': " + what + " '" + part.trim()
                    + "' is not a range such as 180:240 or 180-239");
        }
        int a;
        int b;
        try {
            a = Integer.parseInt(m.group(1));
            b = Math.addExact(Integer.parseInt(m.group(3)), m.group(2).equals("-") ? 1 : 0);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("focus area '" + text + "': " + what + " '" + part.trim() + "' is out of range", e);
        }
        if (b <= a) {
            throw new IllegalArgumentException("focus area '" + text + "': " + what + " '" + part.trim() + "' is empty");
        }
        return new int[] {a, b};
    }

    /** The text form {@link #parse} reads back, end exclusive: "180:240,80:140". */
    public String spec() {
        return row0 + ":" + (row0 + rows) + "," + col0 + ":" + (col0 + cols);
    }

    /** Number of cells in the rectangle. */
    public int cells() {
        return rows * cols;
    }

    public boolean contains(int row, int col) {
        return row >= row0 && row < row0 + rows && col >= col0 && col < col0 + cols;
    }

    /** The area's concentrations, row-major, NaN on every cell that is not {@link CellFlag#VALID}. */
    public double[] concentrations(SeaIceGrid grid) {
        double[] c = new double[cells()];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < cols; k++) {
                c[r * cols + k] = grid.concentration(row0 + r, col0 + k);
            }
        }
        return c;
    }

    /** The model lattice of this area of {@code grid}; flagged cells are masked. */
    public Lattice lattice(SeaIceGrid grid) {
        return Lattice.ofConcentration(rows, cols, concentrations(grid));
    }

    @Override
    public String toString() {
        return "rows " + row0 + ".." + (row0 + rows - 1) + ", columns " + col0 + ".." + (col0 + cols - 1);
    }
}
