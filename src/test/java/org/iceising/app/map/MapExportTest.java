package org.iceising.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.scene.Group;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.iceising.app.WorkbenchFixture;
import org.iceising.app.controls.ExportScale;
import org.iceising.app.controls.Figure;
import org.iceising.app.task.Job;
import org.iceising.data.FocusArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The map's export at a chosen scale with its focus box, a cancelled export, and the read-out that fits. */
class MapExportTest extends WorkbenchFixture {
    private static final LocalDate JUNE_16 = LocalDate.of(2018, 6, 16);

    @Test
    void aPrintExportIsFourTimesTheScreenOneAndShowsTheFocusBox(@TempDir Path dir) throws Exception {
        waitLoaded(JUNE_16);
        waitFor("the map shows a grid", () -> vm.map().gridProperty().get() != null);
        MapPane pane = app.view().mapPane;
        Figure.Content content = fx(pane::figure);
        Figure.Overlay focus = fx(pane::exportOverlay);
        Path one = dir.resolve("map-1x.png");
        Path four = dir.resolve("map-4x.png");
        Path bare = dir.resolve("map-bare.png");
        Job<Path> a = fx(() -> vm.exportPng(content, one, ExportScale.SCREEN, focus));
        Job<Path> b = fx(() -> vm.exportPng(content, four, ExportScale.PRINT, focus));
        Job<Path> c = fx(() -> vm.exportPng(content, bare));
        waitFor("the exports are written", 60, () -> a.stateProperty().get() == Job.State.SUCCEEDED
                && b.stateProperty().get() == Job.State.SUCCEEDED && c.stateProperty().get() == Job.State.SUCCEEDED);
        BufferedImage small = ImageIO.read(one.toFile());
        BufferedImage large = ImageIO.read(four.toFile());
        assertEquals(4 * small.getWidth(), large.getWidth());
        assertEquals(4 * small.getHeight(), large.getHeight());

        // the focus box's yellow: none without the overlay; with it, as wide as 60 of the grid's 304
        // columns at 720 pixels for its 448 rows (four times over), plus its corner handles (3 px each side)
        assertEquals(0, yellow(ImageIO.read(bare.toFile()))[0]);
        int[] box = yellow(large);
        assertTrue(box[0] > 1000, "the box is drawn: " + box[0] + " yellow pixels");
        double expectedWidth = 4 * (FocusArea.STUDY.cols() * 720.0 / 448 + 6);
        assertEquals(expectedWidth, box[2] - box[1] + 1, 6, "width of the yellow");
    }

    @Test
    void aCancelledExportLeavesNoFile(@TempDir Path dir) throws Exception {
        waitLoaded(JUNE_16);
        waitFor("the map shows a grid", () -> vm.map().gridProperty().get() != null);
        MapPane pane = app.view().mapPane;
        Path file = dir.resolve("map-4x.png");
        Job<Path> job = fx(() -> {
            Job<Path> j = vm.exportPng(pane.figure(), file, ExportScale.PRINT, pane.exportOverlay());
            j.cancel();
            return j;
        });
        waitFor("the export stops", 60, () -> !job.runningProperty().get());
        assertEquals(Job.State.CANCELLED, fx(() -> job.stateProperty().get()));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "neither the file nor a temporary one is left");
        }
    }

    @Test
    void theHintUnderTheMapIsShownWholeAt1600And1280(FxRobot robot) {
        waitLoaded(JUNE_16);
        Label hint = robot.lookup("#map-cursor").queryAs(Label.class);
        // the headless screen is 1280 × 800: the window's content is laid out in a scene of each size off screen
        for (double[] size : new double[][] {{1600, 1000}, {1280, 800}, {1920, 1080}}) {
            String shown = fx(() -> {
                Scene window = hint.getScene();
                Parent root = window.getRoot();
                window.setRoot(new Group());
                Scene scene = new Scene(root, size[0], size[1]);
                scene.getStylesheets().setAll(window.getStylesheets());
                scene.snapshot(null);
                String text = shown(hint);
                scene.setRoot(new Group());
                window.setRoot(root);
                return text;
            });
            assertEquals(MapPane.HINT, fx(hint::getText));
            assertEquals(MapPane.HINT, shown, "no \"…\" at " + (int) size[0] + " × " + (int) size[1]);
        }
    }

    /** The text a label draws (with "…" where it had to cut). */
    private static String shown(Label l) {
        return ((Text) l.lookup(".text")).getText();
    }

    /** Count, leftmost and rightmost column of the focus box's yellow (255, 196, 0) in an image. */
    private static int[] yellow(BufferedImage img) {
        int n = 0;
        int min = Integer.MAX_VALUE;
        int max = -1;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if (Math.abs((p >> 16 & 0xFF) - 255) <= 3 && Math.abs((p >> 8 & 0xFF) - 196) <= 3 && (p & 0xFF) <= 3) {
                    n++;
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                }
            }
        }
        return new int[] {n, min, max};
    }
}
