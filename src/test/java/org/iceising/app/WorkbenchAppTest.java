package org.iceising.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Slider;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javax.imageio.ImageIO;
import org.iceising.data.FocusArea;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.Measures;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeriesCollection;
import org.junit.jupiter.api.Test;
import org.iceising.app.task.Job;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.iceising.app.controls.Figure;
import org.iceising.app.charts.SeasonChartsViewModel;
import org.iceising.app.simulation.SimulationViewModel;
import org.iceising.app.map.MapView;
import org.iceising.app.parameters.ParametersViewModel;
import org.iceising.app.parameters.Preset;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.model.Ensemble;
import org.iceising.model.Seeds;

/** The workbench on the real sample data, driven through its window (headless on Monocle). */
public class WorkbenchAppTest extends WorkbenchFixture {

    @Test
    void startsOnTheSampleData2018Season(FxRobot robot) {
        waitLoaded(LocalDate.of(2018, 6, 16));
        SeasonViewModel s = vm.season();
        assertEquals(2018, fx(() -> s.yearProperty().get()));
        assertEquals(13, fx(() -> s.periods().size()));
        SeasonViewModel.PeriodData d = fx(() -> s.periodDataProperty().get());
        assertEquals(FocusArea.STUDY, d.area());
        assertEquals(observed("nt_20180616_f18_nrt_n.bin", FocusArea.STUDY), d.start());
        assertEquals(observed("nt_20180701_f18_nrt_n.bin", FocusArea.STUDY), d.end());
        waitFor("the map shows 2018-06-16", () -> vm.map().gridProperty().get() != null);
        assertEquals(LocalDate.of(2018, 6, 16), fx(() -> vm.map().gridProperty().get().date()));
        assertTrue(robot.lookup("#map-title").queryLabeled().getText().startsWith("2018-06-16 · NSIDC-0081"));
        // the season's last boundary is a real gap in the sample data: shown as missing
        assertFalse(fx(() -> s.isPresent(LocalDate.of(2019, 1, 1))));
        assertEquals("16 Dec → 1 Jan · freeze  (end missing)", fx(() -> s.describe(s.periods().get(12))));
        assertEquals("16 Jun → 1 Jul · melt", fx(() -> s.describe(s.periods().get(0))));
    }

    @Test
    void aSliderChangesTheEnginesParameters(FxRobot robot) throws Exception {
        waitLoaded(LocalDate.of(2018, 6, 16));
        Slider j = robot.lookup("#slider-J").queryAs(Slider.class);
        robot.clickOn(j);
        for (int k = 0; k < 5; k++) {
            robot.type(KeyCode.RIGHT);
        }
        double shown = fx(j::getValue);
        assertNotEquals(2.5, shown, "the slider moved");
        assertEquals(shown, fx(() -> vm.parameters().params().j()));
        IsingParams engine = vm.simulation().live().engineParams().get(5, TimeUnit.SECONDS);
        assertEquals(shown, engine.j());
        assertEquals(5.5, engine.b0(), "the other parameters stay");
    }

    @Test
    void aFieldShowsTheValueInUseAndSaysWhyItChangedWhatWasTyped(FxRobot robot) {
        waitLoaded(LocalDate.of(2018, 6, 16));
        typeInto(robot, "#field-J", "1e9");
        assertEquals("5", fx(() -> robot.lookup("#field-J").queryAs(TextField.class).getText()));
        assertEquals(5.0, fx(() -> vm.parameters().params().j()));
        assertEquals("J: \u201c1e9\u201d is outside the range 0 … 5; 5 is used", fx(() -> robot.lookup("#field-note").queryAs(Label.class).getText()));
        typeInto(robot, "#field-steps", "5");
        assertEquals("1000", fx(() -> robot.lookup("#field-steps").queryAs(TextField.class).getText()));
        typeInto(robot, "#field-T", "abc");
        assertEquals("1", fx(() -> robot.lookup("#field-T").queryAs(TextField.class).getText()));
        assertEquals("T: \u201cabc\u201d is not a number; 1 is kept", fx(() -> robot.lookup("#field-note").queryAs(Label.class).getText()));
        typeInto(robot, "#field-T", "0");
        assertEquals("0.1", fx(() -> robot.lookup("#field-T").queryAs(TextField.class).getText()));
        typeInto(robot, "#field-T", "2");
        assertEquals("", fx(() -> robot.lookup("#field-note").queryAs(Label.class).getText()), "a value taken as typed needs no word");
    }

    private static void typeInto(FxRobot robot, String field, String text) {
        robot.doubleClickOn(field);
        fx(() -> {
            robot.lookup(field).queryAs(TextField.class).selectAll();
            return null;
        });
        robot.write(text).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void playThenPauseAdvancesTheLatticeAndStopsIt(FxRobot robot) throws Exception {
        waitLoaded(LocalDate.of(2018, 6, 16));
        SimulationViewModel sim = vm.simulation();
        Lattice start = fx(() -> sim.simulatedProperty().get());
        robot.clickOn("#play");
        waitFor("the simulation advances", () -> sim.stepsDoneProperty().get() > 0 && !sim.simulatedProperty().get().equals(start));
        assertTrue(fx(() -> sim.playingProperty().get()));
        robot.clickOn("#pause");
        waitFor("the engine is paused", () -> !sim.live().latest().playing());
        WaitForAsyncUtils.waitForFxEvents();
        Lattice paused = fx(() -> sim.simulatedProperty().get());
        long steps = fx(() -> sim.stepsDoneProperty().get());
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(paused, fx(() -> sim.simulatedProperty().get()), "nothing changes after Pause");
        assertEquals(steps, fx(() -> sim.stepsDoneProperty().get()));
        assertFalse(fx(() -> sim.playingProperty().get()));
        assertNotEquals(start, paused);
    }

    @Test
    void choosingAPeriodLoadsItsObservedGrids(FxRobot robot) {
        waitLoaded(LocalDate.of(2018, 6, 16));
        robot.clickOn("#map");
        for (int k = 0; k < 6; k++) {
            robot.type(KeyCode.PAGE_DOWN);
        }
        waitLoaded(LocalDate.of(2018, 9, 16));
        SeasonViewModel.PeriodData d = fx(() -> vm.season().periodDataProperty().get());
        assertEquals(observed("nt_20180916_f18_nrt_n.bin", FocusArea.STUDY), d.start());
        assertEquals(observed("nt_20181001_f18_nrt_n.bin", FocusArea.STUDY), d.end());
        assertEquals(d.start(), fx(() -> vm.simulation().simulatedProperty().get()), "the simulation restarts from the observed start");

        robot.type(KeyCode.PAGE_UP);
        waitLoaded(LocalDate.of(2018, 9, 1));
        SeasonViewModel.PeriodData sept1 = fx(() -> vm.season().periodDataProperty().get());
        assertEquals(observed("nt_20180901_f18_nrt_n.bin", FocusArea.STUDY), sept1.start());
        assertEquals(observed("nt_20180916_f18_nrt_n.bin", FocusArea.STUDY), sept1.end());
    }

    @Test
    void theLastPeriodHasNoObservedEndAndSaysSo(FxRobot robot) {
        waitLoaded(LocalDate.of(2018, 6, 16));
        fx(() -> {
            vm.season().periodProperty().set(new SemiMonthlyPeriod(LocalDate.of(2018, 12, 16)));
            return null;
        });
        waitLoaded(LocalDate.of(2018, 12, 16));
        SeasonViewModel.PeriodData d = fx(() -> vm.season().periodDataProperty().get());
        assertNotNull(d.start());
        assertNull(d.end());
        Figure.Content end = fx(() -> app.view().simulationPane.observedEnd.getContent());
        assertNull(end.image());
        assertTrue(end.message().contains("2019-01-01"), end.message());
        assertTrue(Double.isNaN(fx(() -> vm.simulation().distanceProperty().get())), "no distance without an observed end");
    }

    @Test
    void stepsThroughTheDaysPresentWithTheKeyboard(FxRobot robot) {
        waitLoaded(LocalDate.of(2018, 6, 16));
        fx(() -> {
            vm.season().periodProperty().set(new SemiMonthlyPeriod(LocalDate.of(2018, 8, 16)));
            return null;
        });
        waitLoaded(LocalDate.of(2018, 8, 16));
        assertEquals(17, fx(() -> vm.season().periodDataProperty().get().observed().size()), "16 Aug to 1 Sep: every day has a file");
        robot.clickOn("#map");
        robot.press(KeyCode.CONTROL).type(KeyCode.RIGHT).type(KeyCode.RIGHT).release(KeyCode.CONTROL);
        waitFor("the map shows 18 Aug", () -> vm.map().gridProperty().get() != null
                && vm.map().gridProperty().get().date().equals(LocalDate.of(2018, 8, 18)));
    }

    @Test
    void draggingTheFocusAreaRebuildsTheLattice(FxRobot robot) {
        waitLoaded(LocalDate.of(2018, 6, 16));
        MapView map = app.view().mapPane.map;
        Point2D from = fx(() -> map.localToScreen(map.cellCentre(210, 110)));
        Point2D to = fx(() -> map.localToScreen(map.cellCentre(210, 130)));
        robot.drag(from, MouseButton.PRIMARY).dropTo(to);
        waitFor("the focus area moved", () -> !vm.season().focusAreaProperty().get().equals(FocusArea.STUDY));
        FocusArea moved = fx(() -> vm.season().focusAreaProperty().get());
        assertEquals(180, moved.row0());
        assertEquals(60, moved.rows());
        assertEquals(60, moved.cols());
        assertTrue(Math.abs(moved.col0() - 100) <= 1, "moved by about 20 columns: " + moved);
        waitLoaded(LocalDate.of(2018, 6, 16));
        Lattice expected = observed("nt_20180616_f18_nrt_n.bin", moved);
        assertEquals(expected, fx(() -> vm.season().periodDataProperty().get().start()));
        assertEquals(expected, fx(() -> vm.simulation().simulatedProperty().get()));

        // the bottom-right corner resizes
        Point2D corner = fx(() -> map.localToScreen(map.cellCentre(moved.row0() + moved.rows(), moved.col0() + moved.cols())
                .subtract(map.cellCentre(0, 0).subtract(map.cellCentre(-1, -1)).multiply(0.5))));
        Point2D further = fx(() -> map.localToScreen(map.cellCentre(moved.row0() + moved.rows() + 9, moved.col0() + moved.cols() - 20)));
        robot.drag(corner, MouseButton.PRIMARY).dropTo(further);
        waitFor("the focus area was resized", () -> vm.season().focusAreaProperty().get().rows() != 60);
        FocusArea resized = fx(() -> vm.season().focusAreaProperty().get());
        assertEquals(moved.row0(), resized.row0());
        assertEquals(moved.col0(), resized.col0());
        assertTrue(Math.abs(resized.rows() - 70) <= 1 && Math.abs(resized.cols() - 40) <= 1, resized.toString());
        waitLoaded(LocalDate.of(2018, 6, 16));
        assertEquals(observed("nt_20180616_f18_nrt_n.bin", resized), fx(() -> vm.simulation().simulatedProperty().get()));
    }

    @Test
    void runSeasonFillsTheChartsAndClickingAPointOpensItsPeriod(FxRobot robot) {
        waitLoaded(LocalDate.of(2018, 6, 16));
        robot.clickOn("Season charts");
        SeasonChartsViewModel charts = vm.charts();
        waitFor("the observed series is read", () -> charts.observed().size() == 13);
        assertFalse(fx(() -> charts.observed().containsKey(LocalDate.of(2019, 1, 1))), "2019-01-01 has no file: no point");
        Lattice sept16 = observed("nt_20180916_f18_nrt_n.bin", FocusArea.STUDY);
        assertEquals(Measures.coverage(sept16), fx(() -> charts.observed().get(LocalDate.of(2018, 9, 16)).coverage()));

        robot.clickOn("#run-season");
        waitFor("the season is simulated", () -> charts.simulated().size() == 13 && !charts.busyProperty().get());
        SemiMonthlyPeriod p = new SemiMonthlyPeriod(LocalDate.of(2018, 9, 16));
        // the knobs hold the melt preset (a melt period is shown): this freeze period runs with the freezing centre, K = 8 chains,
        // chain k seeded by Seeds.forRun(Seeds.forRun(seed, start day), k); the point is their mean, the band their sd
        List<Lattice> ends = Ensemble.run(sept16, Preset.FREEZE_CENTRE.params(), SimulationSettings.study(),
                SemiMonthlyPeriod.stepsFor(sept16.activeCount(), 50_000), 8, Seeds.forRun(1, p.start().toEpochDay()), 1, ProgressMonitor.NONE);
        double[] coverage = ends.stream().mapToDouble(Measures::coverage).toArray();
        double[] extent = ends.stream().mapToDouble(Measures::extentFraction).toArray();
        assertEquals(mean(coverage), fx(() -> charts.simulated().get(p.end()).coverage()), 1e-12);
        assertEquals(mean(extent), fx(() -> charts.simulated().get(p.end()).extent()), 1e-12);
        assertEquals(sd(coverage), fx(() -> charts.bands().get(p.end()).coverageChainSd()), 1e-12);
        assertEquals(sd(extent), fx(() -> charts.bands().get(p.end()).extentChainSd()), 1e-12);
        assertFalse(fx(() -> charts.bands().get(p.end()).hasCombined()), "the knobs' parameters carry no spread");

        ChartViewer viewer = robot.lookup("#chart-coverage").queryAs(ChartViewer.class);
        waitFor("the chart shows the simulated points", () -> point(viewer, 1, p.end()) != null);
        String tip = fx(() -> entity(viewer, 1, p.end()).getToolTipText());
        assertEquals(String.format(Locale.ROOT, "Simulated · 1 Oct 2018: %.1f %% ± %.1f (chains)", 100 * mean(coverage), 100 * sd(coverage)), tip,
                "the value on hover");
        Point2D where = fx(() -> viewer.getCanvas().localToScreen(point(viewer, 1, p.end())));
        robot.moveTo(where).clickOn(MouseButton.PRIMARY);
        waitLoaded(p.start());
        assertEquals(app.view().workbenchTab, fx(() -> app.view().tabs.getSelectionModel().getSelectedItem()));
    }

    private static double mean(double[] v) {
        return java.util.Arrays.stream(v).sum() / v.length;
    }

    /** The sample standard deviation. */
    private static double sd(double[] v) {
        double m = mean(v);
        return Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
    }

    /** The centre of a chart item drawn for {@code date} in series {@code series}, in the canvas's coordinates. */
    private static Point2D point(ChartViewer viewer, int series, LocalDate date) {
        XYItemEntity e = entity(viewer, series, date);
        if (e == null) {
            return null;
        }
        Rectangle2D b = e.getArea().getBounds2D();
        return new Point2D(b.getCenterX(), b.getCenterY());
    }

    private static XYItemEntity entity(ChartViewer viewer, int series, LocalDate date) {
        ChartRenderingInfo info = viewer.getCanvas().getRenderingInfo();
        if (info == null) {
            return null;
        }
        for (Object o : info.getEntityCollection().getEntities()) {
            if (o instanceof XYItemEntity e && e.getSeriesIndex() == series && e.getDataset() instanceof TimeSeriesCollection data) {
                Day d = (Day) data.getSeries(series).getTimePeriod(e.getItem());
                if (d.getYear() == date.getYear() && d.getMonth() == date.getMonthValue() && d.getDayOfMonth() == date.getDayOfMonth()) {
                    return e;
                }
            }
        }
        return null;
    }

    @Test
    void cancellingASeasonRunLeavesNoSimulatedSeries() {
        waitLoaded(LocalDate.of(2018, 6, 16));
        SeasonChartsViewModel charts = vm.charts();
        fx(() -> {
            vm.parameters().stepsPer3600Property().set(ParametersViewModel.MAX_STEPS);
            charts.runSeason();
            charts.cancel();
            return null;
        });
        waitFor("the run is cancelled", () -> !charts.busyProperty().get());
        assertEquals("Season run cancelled", fx(() -> charts.noteProperty().get()));
        assertTrue(fx(() -> charts.simulated().isEmpty()));
    }

    @Test
    void exportWritesAPngWithItsColourBar(@TempDir Path dir) throws Exception {
        waitLoaded(LocalDate.of(2018, 6, 16));
        Path file = dir.resolve("simulated.png");
        Job<Path> job = fx(() -> vm.exportPng(app.view().simulationPane.simulated.getContent(), file));
        waitFor("the PNG is written", 20, () -> !job.runningProperty().get());
        assertEquals("", fx(() -> job.failureProperty().get()));
        Path written = fx(() -> job.resultProperty().get());
        assertEquals(file, written);
        BufferedImage img = ImageIO.read(file.toFile());
        assertTrue(img.getWidth() > 300 && img.getHeight() > 300, img.getWidth() + " x " + img.getHeight());
        double sum = 0;
        double sumSq = 0;
        boolean deepBlue = false;
        int n = img.getWidth() * img.getHeight();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                double grey = ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3.0;
                sum += grey;
                sumSq += grey * grey;
                deepBlue |= (rgb & 0xFFFFFF) == 0x08306B;
            }
        }
        double variance = sumSq / n - (sum / n) * (sum / n);
        assertTrue(variance > 100, "the picture is not blank: variance " + variance);
        assertTrue(deepBlue, "the colour bar's open-water end is in the picture");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left");
        }
    }
}
