package org.iceising.app.map;

import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.iceising.app.controls.CanvasRegion;
import org.iceising.app.controls.Figure;
import org.iceising.app.controls.FigureView;
import org.iceising.data.FocusArea;
import org.iceising.data.SeaIceGrid;
import org.iceising.learn.report.ColourScale;

/**
 * The full 448 × 304 grid drawn as one image on a canvas: scroll to zoom about the cursor, drag
 * to pan, double-click to fit. The focus area is a rectangle that can be dragged (inside) and
 * resized (edges and corners); it is committed when the mouse is released. The cell under the
 * cursor is reported to the view-model; a click on a cell can be handed on.
 */
public final class MapView extends CanvasRegion {
    private static final double GRAB = 6;
    private static final int MIN_CELLS = 4;
    private static final double MIN_SCALE = 0.3;
    private static final double MAX_SCALE = 40;
    /** The focus box's yellow. */
    static final Color FOCUS = Color.rgb(255, 196, 0);

    private enum Drag { NONE, PAN, MOVE, N, S, E, W, NE, NW, SE, SW }

    private final MapViewModel vm;
    private final ObjectProperty<FocusArea> focusArea = new SimpleObjectProperty<>(this, "focusArea", FocusArea.STUDY);
    private final ObjectProperty<String> message = new SimpleObjectProperty<>(this, "message", "");
    private final ObjectProperty<Figure.Overlay> marks = new SimpleObjectProperty<>(this, "marks", Figure.Overlay.NONE);
    private FigureView.CellClick onCellClicked;
    private Image image;
    private double scale = 1;
    private double ox;
    private double oy;
    /** True while the map shows the whole grid as fitted: a resize refits it; zooming or panning ends that. */
    private boolean fitted;
    private boolean everFitted;
    private Drag drag = Drag.NONE;
    private double pressX;
    private double pressY;
    private double pressOx;
    private double pressOy;
    private FocusArea pressArea;
    private FocusArea pending;
    private final Supplier<ColourScale> colourScale;

    /** Draws the grid again, on the colour scale chosen now. */
    void recolour() {
        SeaIceGrid g = vm.gridProperty().get();
        image = g == null ? null : Raster.image(g, colourScale.get());
        redraw();
    }

    MapView(MapViewModel vm, Supplier<ColourScale> colourScale) {
        this.vm = vm;
        this.colourScale = colourScale;
        setMinSize(200, 200);
        setPrefSize(520, 760);
        vm.gridProperty().addListener((o, a, g) -> recolour());
        focusArea.addListener((o, a, b) -> redraw());
        message.addListener((o, a, b) -> redraw());
        marks.addListener((o, a, b) -> redraw());
        canvas.setOnScroll(this::scroll);
        canvas.setOnMouseMoved(this::moved);
        canvas.setOnMouseExited(e -> vm.hover(-1, -1));
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(this::released);
        canvas.setOnMouseClicked(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            if (e.getClickCount() == 2) {
                fit();
            } else if (e.isStillSincePress() && onCellClicked != null && image != null) {
                int r = rowAt(e.getY());
                int c = colAt(e.getX());
                if (r >= 0 && r < SeaIceGrid.ROWS && c >= 0 && c < SeaIceGrid.COLS) {
                    onCellClicked.clicked(r, c, e.isShiftDown());
                }
            }
        });
    }

    /** Drawn over the grid after the focus box (the cells chosen for their time series), in grid cells. */
    public ObjectProperty<Figure.Overlay> marksProperty() {
        return marks;
    }

    /** What a click (not a drag) on a cell of the grid does; null for nothing. */
    public void setOnCellClicked(FigureView.CellClick action) {
        onCellClicked = action;
    }

    ObjectProperty<FocusArea> focusAreaProperty() {
        return focusArea;
    }

    /** Shown over an empty map (why there is no grid). */
    ObjectProperty<String> messageProperty() {
        return message;
    }

    @Override
    protected void resized(double w, double h) {
        // a fitted map stays fitted when the window is resized; one zoomed or panned by hand stays put
        if ((fitted && drag == Drag.NONE || !everFitted) && w > 0 && h > 0) {
            fit();
        } else {
            redraw();
        }
    }

    /** Shows the whole grid, centred. */
    void fit() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        scale = Math.min(w / SeaIceGrid.COLS, h / SeaIceGrid.ROWS);
        ox = (w - SeaIceGrid.COLS * scale) / 2;
        oy = (h - SeaIceGrid.ROWS * scale) / 2;
        fitted = true;
        everFitted = true;
        redraw();
    }

    /** The centre of cell (row, col) in this view's coordinates. */
    public Point2D cellCentre(int row, int col) {
        return new Point2D(ox + (col + 0.5) * scale, oy + (row + 0.5) * scale);
    }

    private int colAt(double x) {
        return (int) Math.floor((x - ox) / scale);
    }

    private int rowAt(double y) {
        return (int) Math.floor((y - oy) / scale);
    }

    private void scroll(ScrollEvent e) {
        double factor = Math.pow(1.1, e.getDeltaY() / 40);
        double s = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        factor = s / scale;
        ox = e.getX() - (e.getX() - ox) * factor;
        oy = e.getY() - (e.getY() - oy) * factor;
        scale = s;
        fitted = false;
        redraw();
        e.consume();
    }

    private void moved(MouseEvent e) {
        vm.hover(rowAt(e.getY()), colAt(e.getX()));
        canvas.setCursor(cursor(hit(e.getX(), e.getY())));
    }

    private Drag hit(double x, double y) {
        FocusArea a = focusArea.get();
        double x0 = ox + a.col0() * scale;
        double y0 = oy + a.row0() * scale;
        double x1 = x0 + a.cols() * scale;
        double y1 = y0 + a.rows() * scale;
        boolean inX = x > x0 - GRAB && x < x1 + GRAB;
        boolean inY = y > y0 - GRAB && y < y1 + GRAB;
        if (!inX || !inY) {
            return Drag.PAN;
        }
        boolean n = Math.abs(y - y0) <= GRAB;
        boolean s = Math.abs(y - y1) <= GRAB;
        boolean w = Math.abs(x - x0) <= GRAB;
        boolean east = Math.abs(x - x1) <= GRAB;
        if (n && w) {
            return Drag.NW;
        }
        if (n && east) {
            return Drag.NE;
        }
        if (s && w) {
            return Drag.SW;
        }
        if (s && east) {
            return Drag.SE;
        }
        if (n) {
            return Drag.N;
        }
        if (s) {
            return Drag.S;
        }
        if (w) {
            return Drag.W;
        }
        if (east) {
            return Drag.E;
        }
        return x > x0 && x < x1 && y > y0 && y < y1 ? Drag.MOVE : Drag.PAN;
    }

    private static Cursor cursor(Drag d) {
        return switch (d) {
            case MOVE -> Cursor.MOVE;
            case N -> Cursor.N_RESIZE;
            case S -> Cursor.S_RESIZE;
            case E -> Cursor.E_RESIZE;
            case W -> Cursor.W_RESIZE;
            case NE -> Cursor.NE_RESIZE;
            case NW -> Cursor.NW_RESIZE;
            case SE -> Cursor.SE_RESIZE;
            case SW -> Cursor.SW_RESIZE;
            case PAN, NONE -> Cursor.CROSSHAIR;
        };
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        drag = hit(e.getX(), e.getY());
        pressX = e.getX();
        pressY = e.getY();
        pressOx = ox;
        pressOy = oy;
        pressArea = focusArea.get();
        pending = null;
    }

    private void dragged(MouseEvent e) {
        vm.hover(rowAt(e.getY()), colAt(e.getX()));
        if (drag == Drag.NONE) {
            return;
        }
        if (drag == Drag.PAN) {
            ox = pressOx + e.getX() - pressX;
            fitted = false;
            oy = pressOy + e.getY() - pressY;
            canvas.setCursor(Cursor.CLOSED_HAND);
            redraw();
            return;
        }
        pending = dragArea(e.getX(), e.getY());
        redraw();
    }

    /** The focus area as the current drag would leave it, kept inside the grid and at least a few cells wide. */
    private FocusArea dragArea(double x, double y) {
        FocusArea a = pressArea;
        if (drag == Drag.MOVE) {
            int dr = (int) Math.round((y - pressY) / scale);
            int dc = (int) Math.round((x - pressX) / scale);
            int r0 = Math.max(0, Math.min(SeaIceGrid.ROWS - a.rows(), a.row0() + dr));
            int c0 = Math.max(0, Math.min(SeaIceGrid.COLS - a.cols(), a.col0() + dc));
            return new FocusArea(r0, c0, a.rows(), a.cols());
        }
        int top = a.row0();
        int bottom = a.row0() + a.rows();
        int left = a.col0();
        int right = a.col0() + a.cols();
        int r = (int) Math.round((y - oy) / scale);
        int c = (int) Math.round((x - ox) / scale);
        if (drag == Drag.N || drag == Drag.NE || drag == Drag.NW) {
            top = Math.max(0, Math.min(bottom - MIN_CELLS, r));
        }
        if (drag == Drag.S || drag == Drag.SE || drag == Drag.SW) {
            bottom = Math.min(SeaIceGrid.ROWS, Math.max(top + MIN_CELLS, r));
        }
        if (drag == Drag.W || drag == Drag.NW || drag == Drag.SW) {
            left = Math.max(0, Math.min(right - MIN_CELLS, c));
        }
        if (drag == Drag.E || drag == Drag.NE || drag == Drag.SE) {
            right = Math.min(SeaIceGrid.COLS, Math.max(left + MIN_CELLS, c));
        }
        return new FocusArea(top, left, bottom - top, right - left);
    }

    private void released(MouseEvent e) {
        if (pending != null && !pending.equals(focusArea.get())) {
            focusArea.set(pending);
        }
        pending = null;
        drag = Drag.NONE;
        canvas.setCursor(cursor(hit(e.getX(), e.getY())));
        redraw();
    }

    private void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.gray(0.86));
        g.fillRect(0, 0, w, h);
        double gw = SeaIceGrid.COLS * scale;
        double gh = SeaIceGrid.ROWS * scale;
        if (image != null) {
            g.setImageSmoothing(false);
            g.drawImage(image, ox, oy, gw, gh);
        } else {
            g.setFill(Color.gray(0.95));
            g.fillRect(ox, oy, gw, gh);
            g.setFill(Color.gray(0.25));
            g.setFont(Font.font(13));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(message.get(), ox + gw / 2, oy + gh / 2, Math.max(50, gw - 10));
            g.setStroke(Color.gray(0.4));
            g.setLineWidth(1);
            g.strokeRect(ox - 0.5, oy - 0.5, gw + 1, gh + 1);
            // no focus box over a blank grid: there is nothing to choose from, and it would cross the message
            return;
        }
        g.setStroke(Color.gray(0.4));
        g.setLineWidth(1);
        g.strokeRect(ox - 0.5, oy - 0.5, gw + 1, gh + 1);
        drawFocus(g, pending != null ? pending : focusArea.get(), ox, oy, scale);
        marks.get().draw(g, ox, oy, scale);
    }

    /**
     * The focus box as the map shows it, for a grid drawn at (x, y) with {@code cell} pixels a cell:
     * a yellow rectangle edged in black, with corner handles and its size above it.
     */
    static void drawFocus(GraphicsContext g, FocusArea a, double x, double y, double cell) {
        double x0 = x + a.col0() * cell;
        double y0 = y + a.row0() * cell;
        double fw = a.cols() * cell;
        double fh = a.rows() * cell;
        g.setStroke(Color.BLACK);
        g.setLineWidth(3);
        g.strokeRect(x0, y0, fw, fh);
        g.setStroke(FOCUS);
        g.setLineWidth(1.5);
        g.strokeRect(x0, y0, fw, fh);
        g.setFill(FOCUS);
        for (double[] p : new double[][] {{x0, y0}, {x0 + fw, y0}, {x0, y0 + fh}, {x0 + fw, y0 + fh}}) {
            g.fillRect(p[0] - 3, p[1] - 3, 6, 6);
            g.strokeRect(p[0] - 3, p[1] - 3, 6, 6);
        }
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        String label = "Focus " + a.rows() + " × " + a.cols();
        g.setFill(Color.BLACK);
        g.fillText(label, x0 + 1, y0 - 3);
        g.setFill(FOCUS);
        g.fillText(label, x0, y0 - 4);
    }
}
