package org.iceising.app.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.iceising.data.AtomicFiles;
import org.jfree.chart.JFreeChart;

/**
 * Something the user may save: the chooser's title, the suggested file name, the file type and the
 * bytes to write. The content is fixed when the export is made (on the FX thread), so writing it
 * later in the background sees exactly what was on screen.
 *
 * @param title       the save dialog's title
 * @param fileName    the suggested file name
 * @param description the file type in words, e.g. "CSV (*.csv)"
 * @param pattern     the file type's pattern, e.g. "*.csv"
 * @param body        writes the file's bytes
 */
public record Export(String title, String fileName, String description, String pattern, AtomicFiles.StreamBody body) {

    /** A text file in UTF-8. */
    public static Export csv(String title, String fileName, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new Export(title, fileName, "CSV (*.csv)", "*.csv", out -> out.write(bytes));
    }

    /** A PNG image. */
    public static Export png(String title, String fileName, BufferedImage image) {
        return new Export(title, fileName, "PNG image (*.png)", "*.png", out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /** A chart drawn now at {@code width} × {@code height} pixels, as PNG. */
    public static Export chartPng(String title, String fileName, JFreeChart chart, int width, int height) {
        return png(title, fileName, chart.createBufferedImage(width, height));
    }
}
