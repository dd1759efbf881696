package org.iceising.app.colours;

import static org.iceising.app.WorkbenchFixture.fx;
import static org.iceising.app.WorkbenchFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import org.iceising.app.WorkbenchFixture;
import org.iceising.app.controls.Figure;
import org.iceising.learn.report.ColourScale;
import org.iceising.model.Lattice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The colour table picker from the keyboard, and the panels and their exports following it. */
class ColoursWindowTest extends WorkbenchFixture {
    @Test
    void choosingATableRecoloursThePanelsAndTheirExports(FxRobot robot, @TempDir Path dir) throws Exception {
        waitFor("the first period is read", () -> vm.simulation().readyProperty().get());
        robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        waitFor("the picker opens", () -> robot.lookup("#colours-pane").tryQuery().isPresent());
        robot.clickOn("#colours-table-concentration").clickOn("Viridis · colour-blind safe");
        assertEquals(ColourTable.VIRIDIS, fx(() -> vm.colours().choiceProperty(ColoursViewModel.Role.CONCENTRATION).get().table()));
        robot.clickOn("#colours-invert-concentration");

        Figure.Content start = fx(() -> robot.lookup("#figure-observed-start").queryAs(org.iceising.app.controls.FigureView.class).getContent());
        ColourScale s = start.scale();
        assertEquals(0xFFFDE725, s.argb(0), "inverted viridis: yellow for open water");
        assertEquals(0xFF440154, s.argb(1));
        Lattice l = vm.simulation().periodDataProperty().get().start();
        int cell = 0;
        while (!l.isActive(cell)) {
            cell++;
        }
        int c = cell;
        assertEquals(s.argb(l.concentration(c)), fx(() -> start.image().getPixelReader().getArgb(c % l.cols(), c / l.cols())));

        Path png = dir.resolve("start.png");
        fx(() -> vm.exportPng(start, png));
        waitFor("the export is written", () -> Files.isRegularFile(png));
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        boolean viridisInBar = false;
        for (int y = 0; y < img.getHeight() && !viridisInBar; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y) & 0xFFFFFF;
                if (Math.abs((p >> 16) - 0x44) <= 6 && Math.abs(((p >> 8) & 0xFF) - 0x01) <= 6 && Math.abs((p & 0xFF) - 0x54) <= 6) {
                    viridisInBar = true;
                    break;
                }
            }
        }
        assertEquals(true, viridisInBar, "the exported colour bar is drawn in the chosen table");
    }
}
