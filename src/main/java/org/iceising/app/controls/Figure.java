package org.iceising.app.controls;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.iceising.learn.report.ColourScale;
import org.iceising.app.map.Raster;

/**
 * Draws a titled map with its colour bar and legend, the way Panoply exports a plot: the same
 * drawing serves the screen and the exported PNG, so what is exported is what was seen.
 */
public final class Figure {
    static final double TITLE_HEIGHT = 22;
    static final double BAR_AREA = 74;
    private static final double PAD = 6;
    private static final double LINE = 13;
    private static final Font TITLE = Font.font("System", FontWeight.BOLD, 12);
    private static final Font SMALL = Font.font("System", 10);

    /**
     * What a figure shows.
     *
     * @param title   the heading
     * @param image   one pixel per cell; null when there is nothing to show
     * @param scale   the colour bar
     * @param legend  neutral colours explained below the bar
     * @param message shown instead of the image when it is null (why there is nothing)
     */
    public record Content(String title, Image image, ColourScale scale, List<Raster.Swatch> legend, String message) {
    }

    /**
     * Drawn over a figure's image, clipped to it: {@code (x, y)} is the image's top-left corner and
     * {@code cell} the drawn size of one of its pixels (one grid or lattice cell).
     */
    @FunctionalInterface
    public interface Overlay {
        Overlay NONE = (g, x, y, cell) -> { };

        void draw(GraphicsContext g, double x, double y, double cell);
    }

    private Figure() {
    }

    /** Draws {@code content} filling a {@code width} × {@code height} area. */
    public static void draw(GraphicsContext g, double width, double height, Content content) {
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFill(Color.BLACK);
        g.setFont(TITLE);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(content.title(), PAD, TITLE_HEIGHT / 2, Math.max(10, width - 2 * PAD));
        double[] box = imageBox(width, height, content.image());
        if (content.image() != null) {
            drawImage(g, width, height, content);
        } else {
            g.setFill(Color.gray(0.93));
            g.fillRect(box[0], box[1], box[2], box[3]);
            g.setFill(Color.gray(0.3));
            g.setFont(SMALL);
            g.setTextAlign(TextAlignment.CENTER);
            List<String> lines = wrap(content.message() == null ? "" : content.message(), box[2] - 12);
            double y0 = box[1] + box[3] / 2 - lines.size() * LINE / 2;
            for (int k = 0; k < lines.size(); k++) {
                g.fillText(lines.get(k), box[0] + box[2] / 2, y0 + (k + 0.5) * LINE);
            }
        }
        double barTop = TITLE_HEIGHT + PAD;
        double barHeight = Math.max(40, Math.min(box[3], height - barTop - PAD - legendHeight(content.legend())));
        drawKey(g, width - BAR_AREA + 6, barTop, barHeight, content.scale(), content.legend());
    }

    /** Draws only the image part of a figure, over a frame already drawn by {@link #draw} with the same {@link #sameFrame}. */
    static void drawImage(GraphicsContext g, double width, double height, Content content) {
        double[] box = imageBox(width, height, content.image());
        g.setImageSmoothing(false);
        g.drawImage(content.image(), box[0], box[1], box[2], box[3]);
        g.setStroke(Color.gray(0.3));
        g.setLineWidth(1);
        g.strokeRect(box[0] - 0.5, box[1] - 0.5, box[2] + 1, box[3] + 1);
    }

    /** Draws {@code overlay} over the image of a figure drawn by {@link #draw}, clipped to the image. */
    static void drawOverlay(GraphicsContext g, double width, double height, Content content, Overlay overlay) {
        if (content.image() == null) {
            return;
        }
        double[] box = imageBox(width, height, content.image());
        g.save();
        g.beginPath();
        g.rect(box[0], box[1], box[2], box[3]);
        g.clip();
        overlay.draw(g, box[0], box[1], box[2] / content.image().getWidth());
        g.restore();
    }

    /** True if two figures differ in their image's pixels at most: same title, scale, legend and image size. */
    static boolean sameFrame(Content a, Content b) {
        return a.title().equals(b.title()) && a.scale() == b.scale() && a.legend().equals(b.legend())
                && a.image() != null && b.image() != null
                && a.image().getWidth() == b.image().getWidth() && a.image().getHeight() == b.image().getHeight();
    }

    private static double legendHeight(List<Raster.Swatch> legend) {
        return legend.isEmpty() ? 0 : 8 + legend.size() * 15;
    }

    /** The colour bar at (x, y), {@code barHeight} tall, with the legend of neutral colours below it. */
    private static void drawKey(GraphicsContext g, double x, double y, double barHeight, ColourScale scale, List<Raster.Swatch> legend) {
        drawColourBar(g, x, y, 14, barHeight, scale);
        double ly = y + barHeight + 10;
        g.setFont(SMALL);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (Raster.Swatch s : legend) {
            drawSwatch(g, x, ly, 10, s);
            g.setFill(Color.BLACK);
            g.fillText(s.label(), x + 14, ly + 5);
            ly += 15;
        }
    }

    /** Where the image goes: x, y, width, height, keeping one cell square. */
    static double[] imageBox(double width, double height, Image image) {
        double availW = Math.max(1, width - BAR_AREA - 2 * PAD);
        double availH = Math.max(1, height - TITLE_HEIGHT - 2 * PAD);
        double iw = image == null ? 1 : image.getWidth();
        double ih = image == null ? 1 : image.getHeight();
        double s = Math.min(availW / iw, availH / ih);
        double w = iw * s;
        double h = ih * s;
        return new double[] {PAD + (availW - w) / 2, TITLE_HEIGHT + PAD, w, h};
    }

    private static void drawSwatch(GraphicsContext g, double x, double y, double size, Raster.Swatch s) {
        double half = size / 2;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                g.setFill(argb(((i + j) & 1) == 0 ? s.argb() : s.argb2()));
                g.fillRect(x + i * half, y + j * half, half, half);
            }
        }
        g.setStroke(Color.gray(0.4));
        g.strokeRect(x, y, size, size);
    }

    /**
     * A horizontal key for a wide, short space: the scale's name, the colour bar with five ticks
     * below it, and the legend of neutral colours in one row under that.
     */
    public static void drawHorizontalKey(GraphicsContext g, double x, double y, double width, ColourScale scale, List<Raster.Swatch> legend) {
        double barWidth = Math.max(60, width - 12);
        g.setFill(Color.BLACK);
        g.setFont(SMALL);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(scale.label(), x, y);
        double barY = y + 14;
        int cols = (int) Math.max(1, Math.round(barWidth));
        for (int k = 0; k < cols; k++) {
            double v = scale.min() + (scale.max() - scale.min()) * (k + 0.5) / cols;
            g.setFill(argb(scale.argb(v)));
            g.fillRect(x + barWidth * k / cols, barY, barWidth / cols + 0.5, 12);
        }
        g.setStroke(Color.gray(0.3));
        g.setLineWidth(1);
        g.strokeRect(x - 0.5, barY - 0.5, barWidth + 1, 13);
        g.setFill(Color.BLACK);
        for (double t : scale.ticks(5)) {
            double tx = x + barWidth * (t - scale.min()) / (scale.max() - scale.min());
            g.strokeLine(tx, barY + 12, tx, barY + 15);
            g.setTextAlign(t == scale.min() ? TextAlignment.LEFT : t == scale.max() ? TextAlignment.RIGHT : TextAlignment.CENTER);
            g.fillText(tickLabel(t), tx, barY + 16);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double lx = x;
        double ly = barY + 32;
        for (Raster.Swatch s : legend) {
            drawSwatch(g, lx, ly, 10, s);
            g.setFill(Color.BLACK);
            g.fillText(s.label(), lx + 14, ly + 5);
            lx += 14 + 8 * s.label().length() + 10;
        }
    }

    /** A vertical colour bar, maximum at the top, with five ticks and the scale's name beside it. */
    private static void drawColourBar(GraphicsContext g, double x, double y, double w, double h, ColourScale scale) {
        int rows = (int) Math.max(1, Math.round(h));
        for (int k = 0; k < rows; k++) {
            double v = scale.max() - (scale.max() - scale.min()) * (k + 0.5) / rows;
            g.setFill(argb(scale.argb(v)));
            g.fillRect(x, y + h * k / rows, w, h / rows + 0.5);
        }
        g.setStroke(Color.gray(0.3));
        g.setLineWidth(1);
        g.strokeRect(x - 0.5, y - 0.5, w + 1, h + 1);
        g.setFill(Color.BLACK);
        g.setFont(SMALL);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double[] ticks = scale.ticks(5);
        for (double t : ticks) {
            double ty = y + h * (scale.max() - t) / (scale.max() - scale.min());
            g.strokeLine(x + w, ty, x + w + 3, ty);
            g.fillText(tickLabel(t), x + w + 5, ty);
        }
        g.save();
        g.translate(x + w + 36, y + h / 2);
        g.rotate(90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(scale.label(), 0, 0, h);
        g.restore();
    }

    /** Tick text: at most two decimals, no trailing zeros, a true minus sign on negative values. */
    public static String tickLabel(double v) {
        return Numbers.trim(v, 2).replace('-', '−');
    }

    private static Color argb(int argb) {
        return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF);
    }

    /**
     * Renders a figure off screen with a footnote under it (what was simulated, from which data) and
     * {@code overlay} over its image; the image part gets about {@code imagePixels} pixels on its
     * longer side at 1×, and the whole is drawn {@code scale} times larger: the same layout, every
     * line and letter drawn at the higher resolution (not an enlarged picture). Must run on the FX thread.
     */
    public static WritableImage render(Content content, String footnote, double imagePixels, ExportScale scale, Overlay overlay) {
        double iw = content.image() == null ? 1 : content.image().getWidth();
        double ih = content.image() == null ? 1 : content.image().getHeight();
        double s = imagePixels / Math.max(iw, ih);
        double width = Math.ceil(iw * s + BAR_AREA + 2 * PAD);
        double minHeight = TITLE_HEIGHT + 2 * PAD + 120 + legendHeight(content.legend());
        double figureHeight = Math.ceil(Math.max(minHeight, ih * s + TITLE_HEIGHT + 2 * PAD));
        List<String> lines = footnote.isEmpty() ? List.of() : wrap(footnote, width - 2 * PAD);
        double noteHeight = lines.isEmpty() ? 0 : lines.size() * LINE + PAD;
        int factor = scale.factor();
        Canvas canvas = new Canvas(width * factor, (figureHeight + noteHeight) * factor);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.scale(factor, factor);
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, width, figureHeight + noteHeight);
        draw(g, width, figureHeight, content);
        drawOverlay(g, width, figureHeight, content, overlay);
        g.setFill(Color.gray(0.25));
        g.setFont(SMALL);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (int k = 0; k < lines.size(); k++) {
            g.fillText(lines.get(k), PAD, figureHeight + k * LINE);
        }
        return canvas.snapshot(new SnapshotParameters(), null);
    }

    /** Splits text at spaces into lines no wider than {@code width} in the small font. */
    private static List<String> wrap(String text, double width) {
        Text measure = new Text();
        measure.setFont(SMALL);
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            measure.setText(candidate);
            if (measure.getLayoutBounds().getWidth() > width && !line.isEmpty()) {
                lines.add(line);
                line = word;
            } else {
                line = candidate;
            }
        }
        lines.add(line);
        return lines;
    }
}
