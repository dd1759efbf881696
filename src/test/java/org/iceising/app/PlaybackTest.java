package org.iceising.app;

import static org.iceising.app.WorkbenchAppTest.fx;
import static org.iceising.app.WorkbenchAppTest.waitFor;
import static org.iceising.app.WorkbenchAppTest.waitLoaded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.iceising.app.export.Animation;
import org.iceising.app.parameters.Preset;
import org.iceising.app.simulation.SimulationViewModel;
import org.iceising.app.task.Job;
import org.iceising.model.Ensemble;
import org.iceising.model.Lattice;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.SeasonRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The simulation's tape-recorder controls and the animation export, driven through the window on the sample data. */
@ExtendWith(ApplicationExtension.class)
class PlaybackTest {
    private static final LocalDate JUNE_16 = LocalDate.of(2018, 6, 16);
    private WorkbenchApp app;
    private WorkbenchViewModel vm;
    private SimulationViewModel sim;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        app = new WorkbenchApp();
        app.start(stage);
        vm = app.viewModel();
        sim = vm.simulation();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> app.stop()).get();
    }

    private void waitDay(int day) {
        try {
            waitFor("day " + day + " is shown", () -> sim.daysDoneProperty().get() == day && sim.stepsDoneProperty().get() == expectedSteps(day));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; shown: " + fx(() -> sim.statusProperty().get()), e);
        }
    }

    /** The steps done at the end of {@code day}, from the period's own split of its steps. */
    private long expectedSteps(int day) throws Exception {
        long[] perDay = fx(() -> sim.periodDataProperty().get().period()).stepsPerDay(fx(() -> sim.totalStepsProperty().get()));
        long sum = 0;
        for (int k = 0; k < day; k++) {
            sum += perDay[k];
        }
        return sum;
    }

    @Test
    void stepBackShowsTheKeptDayAndStepForwardReturnsToIt(FxRobot robot) throws Exception {
        waitLoaded(vm, JUNE_16);
        List<Lattice> seen = new ArrayList<>();
        seen.add(fx(() -> sim.simulatedProperty().get()));
        for (int day = 1; day <= 3; day++) {
            robot.clickOn("#step");
            waitDay(day);
            seen.add(fx(() -> sim.simulatedProperty().get()));
        }
        assertNotEquals(seen.get(2), seen.get(3));
        robot.clickOn("#step-back");
        waitDay(2);
        assertEquals(seen.get(2), fx(() -> sim.simulatedProperty().get()), "day 2's lattice again, not a new run");
        assertEquals(3, fx(() -> sim.recordedDaysProperty().get()), "the chain stays at day 3");
        assertTrue(fx(() -> sim.recordedProperty().get()));
        assertTrue(fx(() -> sim.statusProperty().get()).endsWith(" · kept day (the chain is at day 3)"), fx(() -> sim.statusProperty().get()));
        robot.clickOn("#step-back");
        robot.clickOn("#step-back");
        waitDay(0);
        assertEquals(seen.get(0), fx(() -> sim.simulatedProperty().get()));
        assertEquals(fx(() -> sim.periodDataProperty().get().start()), fx(() -> sim.simulatedProperty().get()), "day 0 is the observed start");
        assertTrue(robot.lookup("#step-back").queryButton().isDisabled(), "nothing before the start");
        // forward over kept days, then on past them with the chain
        for (int day = 1; day <= 4; day++) {
            robot.clickOn("#step");
            waitDay(day);
            if (day <= 3) {
                assertEquals(seen.get(day), fx(() -> sim.simulatedProperty().get()));
            }
        }
        assertEquals(4, fx(() -> sim.recordedDaysProperty().get()));
        assertFalse(fx(() -> sim.recordedProperty().get()), "day 4 is the chain itself");
    }

    @Test
    void theScrubBarShowsAnyDayAndItsEndIsThePeriodRunAtOnce(FxRobot robot) throws Exception {
        waitLoaded(vm, JUNE_16);
        Lattice start = fx(() -> sim.periodDataProperty().get().start());
        Slider scrub = robot.lookup("#scrub").queryAs(Slider.class);
        // the bar is reached from the keyboard: focused, End goes to the period's end
        fx(() -> {
            scrub.requestFocus();
            return null;
        });
        waitFor("the scrub bar has the focus", scrub::isFocused);
        robot.type(KeyCode.END);
        waitDay(15);
        assertTrue(fx(() -> sim.finishedProperty().get()));
        Lattice atOnce = Ensemble.run(start, fx(() -> vm.parameters().params()), fx(() -> vm.parameters().settings()),
                SeasonRun.steps(start, fx(() -> vm.parameters().stepsPer3600Property().get())), 1,
                fx(() -> vm.parameters().seedProperty().get()), 1, ProgressMonitor.NONE).get(0);
        assertEquals(atOnce, fx(() -> sim.simulatedProperty().get()), "scrubbing to the end runs the period as Run season does");
        robot.type(KeyCode.HOME);
        waitDay(0);
        assertEquals(start, fx(() -> sim.simulatedProperty().get()));
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.RIGHT);
        waitDay(2);
        assertEquals("Day 2 of 15 · 0–15 kept", robot.lookup("#scrub-label").queryLabeled().getText());
        assertEquals(2.0, fx(scrub::getValue));
        robot.type(KeyCode.END);
        waitDay(15);
        assertEquals(atOnce, fx(() -> sim.simulatedProperty().get()), "the kept end, unchanged");
    }

    @Test
    void spaceTogglesPlayUnlessATextFieldHasTheFocus(FxRobot robot) throws Exception {
        waitLoaded(vm, JUNE_16);
        robot.clickOn("#figure-simulated");
        robot.type(KeyCode.SPACE);
        waitFor("Space plays", () -> sim.playingProperty().get());
        robot.type(KeyCode.SPACE);
        waitFor("Space pauses", () -> !sim.playingProperty().get());
        // the period list (a closed one) lets Space play too
        fx(() -> {
            robot.lookup("#periods").query().requestFocus();
            return null;
        });
        waitFor("the period list has the focus", () -> robot.lookup("#periods").query().isFocused());
        robot.type(KeyCode.SPACE);
        waitFor("Space plays from the period list", () -> sim.playingProperty().get());
        robot.type(KeyCode.SPACE);
        waitFor("and pauses", () -> !sim.playingProperty().get());
        robot.clickOn("#field-J");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> sim.playingProperty().get()), "a text field keeps Space");
        // a focused button keeps Space: it presses the button
        robot.clickOn("#reset");
        waitDay(0);
        fx(() -> {
            robot.lookup("#step").query().requestFocus();
            return null;
        });
        waitFor("Step day has the focus", () -> robot.lookup("#step").query().isFocused());
        robot.type(KeyCode.SPACE);
        waitFor("Space pressed Step day", () -> sim.daysDoneProperty().get() == 1);
        assertFalse(fx(() -> sim.playingProperty().get()));
    }

    @Test
    void loopPlaysThePeriodAgainFromItsStart(FxRobot robot) throws Exception {
        waitLoaded(vm, JUNE_16);
        AtomicInteger restarts = new AtomicInteger();
        fx(() -> {
            sim.speedProperty().set(60);
            // counted where it happens: a poll could miss the moment the period ends
            sim.daysDoneProperty().addListener((o, a, b) -> {
                if (a.intValue() == 15 && b.intValue() == 0 && sim.playingProperty().get()) {
                    restarts.incrementAndGet();
                }
            });
            return null;
        });
        robot.clickOn("#loop");
        assertTrue(fx(() -> sim.loopProperty().get()));
        robot.clickOn("#play");
        waitFor("the period starts again twice", 90, () -> restarts.get() >= 2);
        assertTrue(fx(() -> sim.playingProperty().get()), "a loop plays on");
        assertEquals(JUNE_16, fx(() -> vm.season().periodProperty().get().start()), "in the same period");
        robot.clickOn("#pause");
        waitFor("paused", () -> !sim.playingProperty().get());
    }

    @Test
    void playingThroughTheSeasonGoesOnWithEachPeriodsOwnRegime(FxRobot robot) throws Exception {
        waitLoaded(vm, JUNE_16);
        robot.clickOn("#figure-simulated");
        for (int k = 0; k < 5; k++) {
            robot.type(KeyCode.PAGE_DOWN);
        }
        waitLoaded(vm, LocalDate.of(2018, 9, 1));
        fx(() -> {
            vm.parameters().apply(Preset.MELT_CENTRE);
            sim.speedProperty().set(60);
            return null;
        });
        robot.clickOn("#through-season");
        robot.clickOn("#play");
        waitFor("the animation goes on into the freeze period of 16 September", 90, () -> {
            var d = sim.periodDataProperty().get();
            return d != null && d.period().start().equals(LocalDate.of(2018, 9, 16)) && sim.playingProperty().get() && sim.stepsDoneProperty().get() > 0;
        });
        assertEquals(Preset.FREEZE_CENTRE.params(), fx(() -> vm.parameters().params()), "a freeze period gets its regime's parameters");
        assertEquals(Preset.FREEZE_CENTRE.params(), sim.live().engineParams().get(10, TimeUnit.SECONDS));
        robot.clickOn("#pause");
        waitFor("paused", () -> !sim.playingProperty().get());
    }

    @Test
    void theExportedPeriodGifHasAFramePerDayAndACancelledSeasonLeavesNothing(FxRobot robot) throws Exception {
        waitLoaded(vm, JUNE_16);
        Path gif = dir.resolve("period.gif");
        Job<Integer> job = fx(() -> app.view().exportAnimation(false, Animation.Format.GIF, gif));
        waitFor("the export ends", 120, () -> !job.runningProperty().get());
        assertEquals(Job.State.SUCCEEDED, fx(() -> job.stateProperty().get()), fx(() -> job.failureProperty().get()));
        assertEquals(16, job.resultProperty().get());
        assertTrue(fx(() -> vm.noticeProperty().get()).startsWith("Wrote "), fx(() -> vm.noticeProperty().get()));
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertEquals(16, reader.getNumImages(true));
        } finally {
            reader.dispose();
        }

        Path frames = dir.resolve("season-frames");
        // cancelled before its first frame: the work looks at the cancel before every frame
        Job<Integer> season = fx(() -> {
            Job<Integer> j = app.view().exportAnimation(true, Animation.Format.PNG_FRAMES, frames);
            j.cancel();
            return j;
        });
        waitFor("the export stops", 120, () -> !season.runningProperty().get());
        assertEquals(Job.State.CANCELLED, fx(() -> season.stateProperty().get()));
        assertEquals("Animation export cancelled: nothing was written", fx(() -> vm.noticeProperty().get()));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(gif), s.toList(), "no frame folder, whole or part");
        }
        waitFor("the progress window closes", () -> robot.lookup("#export-cancel").tryQuery().isEmpty());
    }
}
