package org.iceising.app;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.data.FocusArea;
import org.iceising.data.GridReader;
import org.iceising.data.SampleData;
import org.iceising.model.Lattice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench window on the sample data, opened afresh for every test of a subclass (headless on
 * Monocle) and closed after it, with the waits such tests share. Tests take an {@code FxRobot}
 * parameter to drive the window.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class WorkbenchFixture {
    protected WorkbenchApp app;
    protected WorkbenchViewModel vm;

    @BeforeEach
    void openWindow() throws Exception {
        Stage primary = FxToolkit.registerPrimaryStage();
        WaitForAsyncUtils.asyncFx(() -> {
            // a window of its own, alone on the screen: the robot's clicks and keys go to it
            primary.hide();
            Stage stage = new Stage();
            app = new WorkbenchApp();
            app.start(stage);
            stage.toFront();
            stage.requestFocus();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        vm = app.viewModel();
    }

    @AfterEach
    void closeWindow() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            app.stop();
            app.view().getScene().getWindow().hide();
        }).get();
    }

    /** Runs {@code c} on the FX thread and returns its value. */
    public static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits (20 s at most, a safety net) until {@code condition} holds on the FX thread. */
    public static void waitFor(String what, Callable<Boolean> condition) {
        waitFor(what, 20, condition);
    }

    public static void waitFor(String what, int seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
        } catch (Exception e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    /** Waits until the chosen period's observations and day grid are read. */
    protected void waitLoaded(LocalDate periodStart) {
        waitLoaded(vm, periodStart);
    }

    public static void waitLoaded(WorkbenchViewModel vm, LocalDate periodStart) {
        waitFor("period " + periodStart + " is loaded", () -> {
            SeasonViewModel s = vm.season();
            SeasonViewModel.PeriodData d = s.periodDataProperty().get();
            return !s.loadingProperty().get() && d != null && d.period().start().equals(periodStart)
                    && d.area().equals(s.focusAreaProperty().get());
        });
    }

    /** The focus area's lattice of a sample file of the 2018 season, read directly. */
    public static Lattice observed(String file, FocusArea area) {
        return area.lattice(GridReader.read(SampleData.directory().resolve("nt_2018").resolve(file)));
    }
}
