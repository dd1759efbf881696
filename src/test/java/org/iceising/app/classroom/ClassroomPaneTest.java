package org.iceising.app.classroom;

import static org.iceising.app.WorkbenchAppTest.fx;
import static org.iceising.app.WorkbenchAppTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.iceising.app.export.Export;
import org.iceising.app.task.FxJobRunner;
import org.iceising.model.Onsager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The classroom tab in a window (headless): keys, buttons, the live chain, the sweep and its exports. */
@ExtendWith(ApplicationExtension.class)
class ClassroomPaneTest {
    private ClassroomViewModel vm;
    private ClassroomPane pane;
    private final List<Export> saved = new ArrayList<>();

    @Start
    void start(Stage stage) {
        vm = new ClassroomViewModel(new FxJobRunner("classroom-test", 2));
        pane = new ClassroomPane(vm, saved::add);
        stage.setScene(new Scene(pane, 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        fx(() -> {
            vm.close();
            return null;
        });
    }

    @Test
    void spaceRunsAndPausesTheChainAndTheLatticeIsRedrawn(FxRobot robot) {
        robot.clickOn("#classroom-size").clickOn("64 × 64");
        robot.clickOn(pane.lattice);
        robot.type(KeyCode.SPACE);
        waitFor("the chain runs and new frames arrive", () -> vm.runningProperty().get()
                && vm.snapshotProperty().get().sweeps() > 20 && !Double.isNaN(vm.framesPerSecondProperty().get()));
        assertEquals(64, fx(() -> (int) pane.lattice.image().getWidth()));
        assertTrue(fx(() -> pane.lattice.shown() == vm.snapshotProperty().get()), "the canvas shows the newest snapshot");
        assertTrue(fx(() -> pane.energy.getItemCount() > 1), "the energy plot follows");
        robot.type(KeyCode.SPACE);
        waitFor("the chain pauses", () -> !vm.runningProperty().get());
        long sweeps = fx(() -> vm.snapshotProperty().get().sweeps());
        robot.sleep(300);
        fx(vm::pulse);
        assertEquals(sweeps, fx(() -> vm.snapshotProperty().get().sweeps()), "paused means paused");
        // the lattice's pixels are the spins' colours
        int argb = fx(() -> pane.lattice.image().getPixelReader().getArgb(0, 0));
        double s0 = fx(() -> vm.snapshotProperty().get().spins()[0]);
        assertEquals(org.iceising.learn.report.ColourScale.SPIN.argb(s0), argb);
    }

    @Test
    void startAtTcMovesTheSlidersAndTheSweepOverlaysOnsager(FxRobot robot) throws Exception {
        robot.clickOn("#classroom-field");
        robot.type(KeyCode.RIGHT, 5);
        assertTrue(fx(() -> vm.fieldProperty().get() > 0), "the H slider moves from the keyboard");
        robot.clickOn("#classroom-tc");
        assertEquals(Onsager.CRITICAL_TEMPERATURE, fx(() -> robot.lookup("#classroom-temperature").queryAs(Slider.class).getValue()), 1e-12);
        assertEquals(0, fx(() -> vm.fieldProperty().get()));
        assertTrue(fx(() -> pane.exactM.getItemCount() > 100), "Onsager's curve is drawn before any sweep");
        robot.clickOn("#classroom-size").clickOn("16 × 16");
        robot.clickOn("#classroom-sweep");
        waitFor("the sweep finishes", 60, () -> !vm.sweepingProperty().get() && vm.sweepPoints().size() == 16);
        assertEquals(16, fx(() -> pane.measuredM.getItemCount()));
        assertEquals(Onsager.magnetisation(1.0, 1), fx(() -> pane.measuredM.getY(0).doubleValue()), 0.02);
        robot.clickOn("#classroom-export-csv");
        robot.clickOn("#classroom-export-png");
        assertEquals(List.of("classroom-sweep.csv", "classroom-sweep.png"), saved.stream().map(Export::fileName).toList());
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        saved.get(0).body().write(csv);
        assertEquals(17, csv.toString(StandardCharsets.UTF_8).split("\n").length);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        saved.get(1).body().write(png);
        assertFalse(png.size() < 1000, "a chart image");
    }

    @Test
    void aSweepCanBeCancelled(FxRobot robot) {
        robot.clickOn("#classroom-size").clickOn("512 × 512");
        robot.clickOn("#classroom-sweep");
        robot.clickOn("#classroom-sweep-cancel");
        waitFor("the sweep stops", () -> !vm.sweepingProperty().get());
        assertEquals("Sweep cancelled", fx(() -> vm.noteProperty().get()));
        assertTrue(fx(() -> vm.sweepPoints().isEmpty()));
    }
}
