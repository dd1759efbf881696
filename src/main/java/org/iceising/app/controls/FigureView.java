package org.iceising.app.controls;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** A {@link Figure} on screen: redrawn when its content or its size changes. */
public final class FigureView extends CanvasRegion {
    private final ObjectProperty<Figure.Content> content = new SimpleObjectProperty<>(this, "content");
    private Figure.Content drawn;

    public FigureView(double prefWidth, double prefHeight) {
        setPrefSize(prefWidth, prefHeight);
        setMinSize(120, 100);
        content.addListener((o, a, b) -> redraw());
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

    @Override
    protected void resized(double w, double h) {
        drawn = null;
        redraw();
    }

    /** Redraws the whole figure, or only its image while title, colour bar and legend stay the same. */
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
        drawn = c;
    }
}
