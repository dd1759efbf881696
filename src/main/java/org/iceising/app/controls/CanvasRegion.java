package org.iceising.app.controls;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/**
 * A region that is one canvas filling it: the canvas takes the region's size on every layout pass,
 * and a subclass redraws when that size changes.
 */
public abstract class CanvasRegion extends Region {
    protected final Canvas canvas = new Canvas();

    protected CanvasRegion() {
        getChildren().add(canvas);
    }

    /** The canvas has just been given a new size {@code width} × {@code height}. */
    protected abstract void resized(double width, double height);

    @Override
    protected final void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            resized(w, h);
        }
    }
}
