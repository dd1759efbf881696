package org.iceising.app.cells;

import java.util.List;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.iceising.app.controls.Figure;
import org.iceising.app.controls.FigureView;
import org.iceising.data.FocusArea;
import org.iceising.data.SeaIceGrid;

/**
 * The chosen cells marked where they are shown: a ring in each cell's colour on the map and on the
 * lattice panels, and the clicks on those that choose (or, with Shift, add) cells.
 */
public final class CellMarks {
    /** The cells' colours in the order chosen: Okabe and Ito's colour-blind-safe set (its yellow left out: it vanishes on ice). */
    static final List<Color> COLOURS = List.of(Color.web("#D55E00"), Color.web("#E69F00"), Color.web("#CC79A7"),
            Color.web("#009E73"), Color.web("#56B4E9"), Color.web("#0072B2"));

    private CellMarks() {
    }

    /** The colour of the {@code k}-th chosen cell. */
    public static Color colour(int k) {
        return COLOURS.get(k % COLOURS.size());
    }

    /** Marks of {@code cells} over an image of the area {@code areaNow} gives when drawn (the whole grid for the map). */
    static Figure.Overlay overlay(List<CellSeriesViewModel.Cell> cells, Supplier<FocusArea> areaNow) {
        List<CellSeriesViewModel.Cell> chosen = List.copyOf(cells);
        return (g, x, y, cell) -> {
            FocusArea area = areaNow.get();
            for (int k = 0; area != null && k < chosen.size(); k++) {
                CellSeriesViewModel.Cell c = chosen.get(k);
                if (area.contains(c.row(), c.col())) {
                    mark(g, x + (c.col() - area.col0() + 0.5) * cell, y + (c.row() - area.row0() + 0.5) * cell, cell, colour(k));
                }
            }
        };
    }

    /** A ring about a cell's centre, in its colour edged in black, a little larger than the cell and never tiny. */
    private static void mark(GraphicsContext g, double cx, double cy, double cell, Color colour) {
        double r = Math.max(5, 0.9 * cell);
        g.setLineWidth(4);
        g.setStroke(Color.BLACK);
        g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
        g.setLineWidth(2.2);
        g.setStroke(colour);
        g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
    }

    /** The whole grid, for the map. */
    static final FocusArea GRID = new FocusArea(0, 0, SeaIceGrid.ROWS, SeaIceGrid.COLS);

    /** The marks over the whole grid (the map and its export). */
    public static Figure.Overlay onGrid(CellSeriesViewModel vm) {
        return overlay(vm.cells(), () -> GRID);
    }

    /**
     * Lets a lattice panel choose cells and show the chosen ones: {@code area} gives the focus area
     * its lattice is of (the period's, as read).
     */
    public static void attach(FigureView figure, CellSeriesViewModel vm, Supplier<FocusArea> area) {
        figure.setOnCellClicked((row, col, shift) -> {
            FocusArea a = area.get();
            if (a != null && row < a.rows() && col < a.cols()) {
                pick(vm, a.row0() + row, a.col0() + col, shift);
            }
        });
        vm.cells().addListener((ListChangeListener<CellSeriesViewModel.Cell>) c -> figure.overlayProperty().set(overlay(vm.cells(), area)));
    }

    /** A click chooses the cell, a Shift-click adds it. */
    static void pick(CellSeriesViewModel vm, int row, int col, boolean shift) {
        if (shift) {
            vm.add(row, col);
        } else {
            vm.choose(row, col);
        }
    }
}
