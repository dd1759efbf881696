package org.iceising.app.classroom;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.iceising.app.controls.CanvasRegion;
import org.iceising.learn.report.ColourScale;
import org.iceising.model.ClassroomChain;

/** The classroom lattice: one pixel per spin, −1 blue through 0 white to +1 red, scaled to fit and kept square. */
final class SpinCanvas extends CanvasRegion {
    private WritableImage image;
    private int[] pixels;
    private ClassroomChain.Snapshot shown;

    /** Draws a snapshot's spins (nothing for null). */
    void show(ClassroomChain.Snapshot s) {
        shown = s;
        if (s == null) {
            return;
        }
        int n = s.setup().size();
        if (image == null || (int) image.getWidth() != n) {
            image = new WritableImage(n, n);
            pixels = new int[n * n];
        }
        double[] spins = s.spins();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = ColourScale.SPIN.argb(spins[i]);
        }
        image.getPixelWriter().setPixels(0, 0, n, n, PixelFormat.getIntArgbInstance(), pixels, 0, n);
        draw();
    }

    /** The image on screen (one pixel per spin), or null before the first snapshot. */
    WritableImage image() {
        return image;
    }

    ClassroomChain.Snapshot shown() {
        return shown;
    }

    @Override
    protected void resized(double w, double h) {
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (image == null) {
            return;
        }
        double side = Math.min(w, h) - 2;
        double x = (w - side) / 2;
        double y = (h - side) / 2;
        g.setImageSmoothing(false);
        g.drawImage(image, x, y, side, side);
        g.setStroke(Color.gray(0.3));
        g.strokeRect(x - 0.5, y - 0.5, side + 1, side + 1);
    }
}
