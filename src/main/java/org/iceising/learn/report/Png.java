package org.iceising.learn.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.iceising.data.AtomicFiles;

/**
 * The study's figures as PNG images, drawn with the JDK's 2D graphics (no window needed): grids of
 * lattices through a {@link ColourScale} (the paper's Figures 3–5), curves with bands (Figure 6) and
 * a table (Table 1). Masked cells are drawn in the workbench's neutral grey.
 */
public final class Png {
    /** A masked lattice cell, as the workbench draws it. */
    public static final int MASKED = 0xFFA8A8A8;
    private static final int CELL = 3;
    private static final int PAD = 8;
    private static final int CAPTION_LINE = 14;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    /**
     * One panel of a grid of maps.
     *
     * @param label  the caption above it
     * @param values one value per cell, row-major; NaN for a masked cell
     */
    public record Panel(String label, double[] values) {
    }

    /**
     * A curve over the x positions 0..n−1.
     *
     * @param band half-width of the band drawn around it (null for none)
     */
    public record Curve(String label, double[] y, double[] band, Color colour, boolean dashed) {
    }

    private Png() {
    }

    /** Panels of {@code rows} × {@code cols} cells in a grid of {@code perRow} columns, with a colour bar. */
    public static BufferedImage maps(String title, List<Panel> panels, int rows, int cols, int perRow, ColourScale scale) {
        return maps(title, List.of(), panels, rows, cols, perRow, scale, CELL);
    }

    /**
     * Panels as {@link #maps(String, List, int, int, int, ColourScale)} draws them, with lines of
     * caption under the title and {@code cell} pixels per cell (an animation's frame).
     */
    public static BufferedImage maps(String title, List<String> caption, List<Panel> panels, int rows, int cols, int perRow,
                                     ColourScale scale, int cell) {
        int pw = cols * cell;
        int ph = rows * cell;
        int lines = (panels.size() + perRow - 1) / perRow;
        int labelH = 16;
        int barW = 90;
        int top = 30 + CAPTION_LINE * caption.size();
        int width = PAD + perRow * (pw + PAD) + barW;
        int height = top + lines * (ph + labelH + PAD) + PAD;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img, title);
        g.setFont(SMALL);
        g.setColor(Color.DARK_GRAY);
        for (int k = 0; k < caption.size(); k++) {
            g.drawString(caption.get(k), PAD, 20 + CAPTION_LINE * (k + 1));
        }
        for (int n = 0; n < panels.size(); n++) {
            int x0 = PAD + (n % perRow) * (pw + PAD);
            int y0 = top + (n / perRow) * (ph + labelH + PAD);
            g.setColor(Color.BLACK);
            g.setFont(SMALL);
            g.drawString(panels.get(n).label(), x0, y0 + 12);
            double[] v = panels.get(n).values();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double value = v[r * cols + c];
                    int argb = Double.isNaN(value) ? MASKED : scale.argb(value);
                    for (int dy = 0; dy < cell; dy++) {
                        for (int dx = 0; dx < cell; dx++) {
                            img.setRGB(x0 + c * cell + dx, y0 + labelH + r * cell + dy, argb);
                        }
                    }
                }
            }
            g.setColor(Color.GRAY);
            g.drawRect(x0 - 1, y0 + labelH - 1, pw + 1, ph + 1);
        }
        colourBar(g, scale, width - barW + 10, top + 10, Math.max(80, Math.min(220, height - top - 30)));
        g.dispose();
        return img;
    }

    private static void colourBar(Graphics2D g, ColourScale scale, int x, int y, int h) {
        for (int k = 0; k < h; k++) {
            double v = scale.max() - (scale.max() - scale.min()) * k / (h - 1);
            g.setColor(new Color(scale.argb(v)));
            g.fillRect(x, y + k, 14, 1);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(x, y, 14, h);
        g.setFont(SMALL);
        double[] ticks = scale.ticks(5);
        for (int k = 0; k < ticks.length; k++) {
            int ty = y + (int) Math.round(h * (1 - (ticks[k] - scale.min()) / (scale.max() - scale.min())));
            g.drawString(String.format(Locale.ROOT, "%.2f", ticks[k]), x + 18, ty + 4);
        }
        // the scale's name runs down beside the ticks
        Graphics2D r = (Graphics2D) g.create();
        r.translate(x + 54, y + h / 2.0);
        r.rotate(Math.PI / 2);
        FontMetrics fm = r.getFontMetrics();
        r.drawString(scale.label(), -fm.stringWidth(scale.label()) / 2, 0);
        r.dispose();
    }

    /** Curves against period labels, each with its band, a legend below. */
    public static BufferedImage curves(String title, String yLabel, List<String> xLabels, List<Curve> curves) {
        int width = 760;
        int height = 420;
        int left = 60;
        int right = 20;
        int top = 36;
        int bottom = 110;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img, title);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Curve c : curves) {
            for (int i = 0; i < c.y().length; i++) {
                double b = c.band() == null ? 0 : c.band()[i];
                if (Double.isFinite(c.y()[i])) {
                    lo = Math.min(lo, c.y()[i] - b);
                    hi = Math.max(hi, c.y()[i] + b);
                }
            }
        }
        if (!(hi > lo)) {
            lo = Double.isFinite(lo) ? lo - 1 : 0;
            hi = lo + 2;
        }
        double margin = 0.05 * (hi - lo);
        lo -= margin;
        hi += margin;
        int n = xLabels.size();
        int plotW = width - left - right;
        int plotH = height - top - bottom;
        double ylo = lo;
        double yhi = hi;
        java.util.function.IntToDoubleFunction px = i -> left + (n == 1 ? plotW / 2.0 : plotW * i / (double) (n - 1));
        java.util.function.DoubleUnaryOperator py = v -> top + plotH * (1 - (v - ylo) / (yhi - ylo));
        g.setColor(new Color(0xF4F4F4));
        g.fillRect(left, top, plotW, plotH);
        g.setFont(SMALL);
        for (int k = 0; k <= 5; k++) {
            double v = lo + (hi - lo) * k / 5;
            int y = (int) py.applyAsDouble(v);
            g.setColor(new Color(0xDDDDDD));
            g.drawLine(left, y, left + plotW, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.1f", v), 8, y + 4);
        }
        g.drawString(yLabel, left, top - 6);
        for (int i = 0; i < n; i++) {
            int x = (int) px.applyAsDouble(i);
            Graphics2D r = (Graphics2D) g.create();
            r.translate(x + 4, top + plotH + 6);
            r.rotate(Math.PI / 4);
            r.drawString(xLabels.get(i), 0, 0);
            r.dispose();
        }
        int legendX = left;
        for (Curve c : curves) {
            if (c.band() != null) {
                Path2D.Double band = new Path2D.Double();
                for (int i = 0; i < n; i++) {
                    double y = py.applyAsDouble(c.y()[i] + c.band()[i]);
                    if (i == 0) {
                        band.moveTo(px.applyAsDouble(i), y);
                    } else {
                        band.lineTo(px.applyAsDouble(i), y);
                    }
                }
                for (int i = n - 1; i >= 0; i--) {
                    band.lineTo(px.applyAsDouble(i), py.applyAsDouble(c.y()[i] - c.band()[i]));
                }
                band.closePath();
                g.setColor(new Color(c.colour().getRed(), c.colour().getGreen(), c.colour().getBlue(), 60));
                g.fill(band);
            }
            g.setColor(c.colour());
            g.setStroke(c.dashed() ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1, new float[] {5, 4}, 0)
                    : new BasicStroke(2f));
            Path2D.Double line = new Path2D.Double();
            boolean open = false;
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(c.y()[i])) {
                    open = false;
                    continue;
                }
                if (!open) {
                    line.moveTo(px.applyAsDouble(i), py.applyAsDouble(c.y()[i]));
                    open = true;
                } else {
                    line.lineTo(px.applyAsDouble(i), py.applyAsDouble(c.y()[i]));
                }
            }
            g.draw(line);
            g.setStroke(new BasicStroke(1f));
            int ly = height - 14;
            g.drawLine(legendX, ly - 4, legendX + 18, ly - 4);
            g.setColor(Color.BLACK);
            g.drawString(c.label(), legendX + 22, ly);
            legendX += 30 + g.getFontMetrics().stringWidth(c.label());
        }
        g.setColor(Color.GRAY);
        g.drawRect(left, top, plotW, plotH);
        g.dispose();
        return img;
    }

    /** A table: a header row and text rows, columns sized to their widest cell. */
    public static BufferedImage table(String title, List<String> header, List<List<String>> rows) {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        pg.setFont(SMALL);
        FontMetrics fm = pg.getFontMetrics();
        int[] w = new int[header.size()];
        for (int k = 0; k < w.length; k++) {
            w[k] = fm.stringWidth(header.get(k));
            for (List<String> r : rows) {
                w[k] = Math.max(w[k], fm.stringWidth(r.get(k)));
            }
            w[k] += 14;
        }
        pg.dispose();
        int lineH = 18;
        int width = Math.max(2 * PAD + java.util.Arrays.stream(w).sum(), 400);
        int height = 36 + lineH * (rows.size() + 1) + PAD;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img, title);
        g.setFont(SMALL);
        for (int r = -1; r < rows.size(); r++) {
            int y = 36 + (r + 1) * lineH;
            if (r % 2 == 1) {
                g.setColor(new Color(0xF0F0F0));
                g.fillRect(PAD, y - 13, width - 2 * PAD, lineH);
            }
            g.setColor(Color.BLACK);
            int x = PAD;
            for (int k = 0; k < w.length; k++) {
                String s = r < 0 ? header.get(k) : rows.get(r).get(k);
                g.drawString(s, x + w[k] - 7 - g.getFontMetrics().stringWidth(s), y);
                x += w[k];
            }
            if (r < 0) {
                g.drawLine(PAD, y + 4, width - PAD, y + 4);
            }
        }
        g.dispose();
        return img;
    }

    /** Writes {@code image} as PNG (temporary name, then rename). */
    public static void write(BufferedImage image, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        });
    }

    private static Graphics2D start(BufferedImage img, String title) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(TITLE);
        g.drawString(title, PAD, 20);
        return g;
    }
}
