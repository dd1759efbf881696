package org.iceising.app.controls;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.input.MouseButton;

/**
 * A {@link Figure} on screen: redrawn when its content, its overlay or its size changes. A click on
 * the image can be handed on as the cell it lands on.
 */
public final class FigureView extends CanvasRegion {

    /** A click on cell (row, column) of the image; {@code shift} if Shift was held. */
    @FunctionalInterface
    public interface CellClick {
        void clicked(int row, int col, boolean shift);
    }

    private final ObjectProperty<Figure.Content> content = new SimpleObjectProperty<>(this, "content");
    private final ObjectProperty<Figure.Overlay> overlay = new SimpleObjectProperty<>(this, "overlay", Figure.Overlay.NONE);
    private Figure.Content drawn;
    private CellClick onCellClicked;

    public FigureView(double prefWidth, double prefHeight) {
        setPrefSize(prefWidth, prefHeight);
        setMinSize(120, 100);
        content.addListener((o, a, b) -> redraw());
        overlay.addListener((o, a, b) -> redraw());
        canvas.setOnMouseClicked(e -> {
            int[] cell = cellAt(e.getX(), e.getY());
            if (onCellClicked != null && cell != null && e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                onCellClicked.clicked(cell[0], cell[1], e.isShiftDown());
            }
        });
        canvas.setOnMouseMoved(e -> canvas.setCursor(onCellClicked != null && cellAt(e.getX(), e.getY()) != null ? Cursor.CROSSHAIR : null));
    }

    public ObjectProperty<Figure.Content> contentProperty() {
        return content;
    }

    public void setContent(Figure.Content c) {
        content.set(c);
    }

    public Figure.Content getContent() {
        return content.get();
    }

    /** Drawn over the image (marked cells, say), in the image's cell coordinates. */
    public ObjectProperty<Figure.Overlay> overlayProperty() {
        return overlay;
    }

    /** What a click on a cell of the image does; null for nothing. */
    public void setOnCellClicked(CellClick action) {
        onCellClicked = action;
    }

    /** The (row, column) of the image under (x, y) of this view, or null off the image. */
    private int[] cellAt(double x, double y) {
        Figure.Content c = content.get();
        if (c == null || c.image() == null) {
            return null;
        }
        double[] box = Figure.imageBox(canvas.getWidth(), canvas.getHeight(), c.image());
        int col = (int) Math.floor((x - box[0]) / box[2] * c.image().getWidth());
        int row = (int) Math.floor((y - box[1]) / box[3] * c.image().getHeight());
        return row >= 0 && row < c.image().getHeight() && col >= 0 && col < c.image().getWidth() ? new int[] {row, col} : null;
    }

    /** The centre of cell (row, col) of the image in this view's coordinates. */
    public Point2D cellCentre(int row, int col) {
        Figure.Content c = content.get();
        double[] box = Figure.imageBox(canvas.getWidth(), canvas.getHeight(), c.image());
        return new Point2D(box[0] + (col + 0.5) * box[2] / c.image().getWidth(), box[1] + (row + 0.5) * box[3] / c.image().getHeight());
    }

    @Override
    protected void resized(double w, double h) {
        drawn = null;
        redraw();
    }

    /** Redraws the whole figure, or only its image while title, colour bar and legend stay the same; then the overlay. */
    private void redraw() {
        Figure.Content c = content.get();
        if (c == null || canvas.getWidth() <= 0 || canvas.getHeight() <= 0) {
            return;
        }
        if (drawn != null && Figure.sameFrame(drawn, c)) {
            Figure.drawImage(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), c);
        } else {
            Figure.draw(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), c);
        }
        Figure.drawOverlay(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), c, overlay.get());
        drawn = c;
    }
}
