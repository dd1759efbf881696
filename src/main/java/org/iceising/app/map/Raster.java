package org.iceising.app.map;

import java.util.List;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.iceising.data.CellFlag;
import org.iceising.data.SeaIceGrid;
import org.iceising.learn.report.ColourScale;
import org.iceising.model.Lattice;

/**
 * Turns grids and lattices into images, one pixel per cell: values through a {@link ColourScale},
 * flagged and masked cells in neutral colours of their own.
 */
public final class Raster {

    /**
     * A legend entry: a neutral colour (or a checkerboard of two) and what it means.
     *
     * @param argb  the colour, or the checkerboard's even cells
     * @param argb2 the checkerboard's odd cells ({@code argb} for a plain colour)
     */
    public record Swatch(String label, int argb, int argb2) {
        Swatch(String label, int argb) {
            this(label, argb, argb);
        }
    }

    /** Missing cells are a checkerboard of these two greys, so a gap in the data never looks like a surface. */
    static final int MISSING_EVEN = 0xFF808080;
    static final int MISSING_ODD = 0xFFD6D6D6;

    /**
     * Colour of a flagged cell at (row, col): neutral greys, each distinct from the others and from
     * the ice scale; missing cells form a checkerboard.
     */
    public static int argb(CellFlag flag, int row, int col) {
        return switch (flag) {
            case LAND -> 0xFFBDB5A6;
            case COAST -> 0xFF6B665E;
            case POLE_HOLE -> 0xFF9A9A9A;
            case UNUSED -> 0xFF3C3C3C;
            case MISSING -> ((row + col) & 1) == 0 ? MISSING_EVEN : MISSING_ODD;
            case VALID -> throw new IllegalArgumentException("a valid cell is coloured by its concentration");
        };
    }

    /** A masked lattice cell (land, coast, pole hole, unused or missing inside the focus area). */
    public static final int MASKED = 0xFFA8A8A8;

    /** Legend of the full-grid map. */
    public static final List<Swatch> GRID_LEGEND = List.of(
            new Swatch("Land", argb(CellFlag.LAND, 0, 0)),
            new Swatch("Coast", argb(CellFlag.COAST, 0, 0)),
            new Swatch("Pole hole", argb(CellFlag.POLE_HOLE, 0, 0)),
            new Swatch("Missing", MISSING_EVEN, MISSING_ODD),
            new Swatch("Unused", argb(CellFlag.UNUSED, 0, 0)));

    /** Legend of lattice views. */
    public static final List<Swatch> LATTICE_LEGEND = List.of(new Swatch("Masked", MASKED));

    private Raster() {
    }

    /** ARGB pixels of a grid: concentration on valid cells, flag colours elsewhere. */
    public static int[] pixels(SeaIceGrid grid) {
        return pixels(grid, ColourScale.ICE);
    }

    /** ARGB pixels of a grid with concentration on {@code scale}. */
    public static int[] pixels(SeaIceGrid grid, ColourScale scale) {
        int[] px = new int[SeaIceGrid.CELLS];
        for (int r = 0; r < SeaIceGrid.ROWS; r++) {
            for (int c = 0; c < SeaIceGrid.COLS; c++) {
                CellFlag f = grid.flag(r, c);
                px[r * SeaIceGrid.COLS + c] = f == CellFlag.VALID ? scale.argb(grid.concentration(r, c)) : argb(f, r, c);
            }
        }
        return px;
    }

    /** ARGB pixels of per-cell values (NaN = masked). */
    public static int[] pixels(double[] values, ColourScale scale) {
        int[] px = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            px[i] = Double.isNaN(values[i]) ? MASKED : scale.argb(values[i]);
        }
        return px;
    }

    /** The image of a grid. */
    public static WritableImage image(SeaIceGrid grid) {
        return image(grid, ColourScale.ICE);
    }

    /** The image of a grid with concentration on {@code scale}. */
    public static WritableImage image(SeaIceGrid grid, ColourScale scale) {
        return image(pixels(grid, scale), SeaIceGrid.COLS, SeaIceGrid.ROWS);
    }

    /** The ice concentration of a lattice. */
    public static WritableImage image(Lattice lattice) {
        return image(pixels(lattice.concentrations(), ColourScale.ICE), lattice.cols(), lattice.rows());
    }

    /** Values on a rows × cols lattice. */
    public static WritableImage image(double[] values, int rows, int cols, ColourScale scale) {
        return image(pixels(values, scale), cols, rows);
    }

    private static WritableImage image(int[] argb, int width, int height) {
        WritableImage img = new WritableImage(width, height);
        img.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return img;
    }
}
