package org.iceising.app.forecast;

import static org.iceising.app.WorkbenchAppTest.fx;
import static org.iceising.app.WorkbenchAppTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.iceising.app.WorkbenchApp;
import org.iceising.app.WorkbenchViewModel;
import org.iceising.app.task.Job;
import org.iceising.data.DataCatalogue;
import org.iceising.data.FocusArea;
import org.iceising.data.SampleData;
import org.iceising.learn.Forecast;
import org.iceising.learn.ParamsFile;
import org.iceising.model.IsingParams;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.SemiMonthlyPeriod;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Forecast tab in the workbench window (headless): a forecast of the sample season's last periods, its chart, hover, table and exports. */
@ExtendWith(ApplicationExtension.class)
class ForecastPaneTest {
    private WorkbenchApp app;
    private WorkbenchViewModel vm;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        app = new WorkbenchApp();
        app.start(stage);
        vm = app.viewModel();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> app.stop()).get();
    }

    @Test
    void aForecastIsDrawnPeriodByPeriodWithItsTableHoverAndExports(FxRobot robot) throws Exception {
        SortedMap<SemiMonthlyPeriod, IsingParams> params = new TreeMap<>();
        params.put(new SemiMonthlyPeriod(LocalDate.of(2018, 11, 16)), new IsingParams(2.5, -14, -5, 0, 10));
        params.put(new SemiMonthlyPeriod(LocalDate.of(2018, 12, 1)), new IsingParams(2.0, -12, -3, 1, 8));
        params.put(new SemiMonthlyPeriod(LocalDate.of(2018, 12, 16)), new IsingParams(1.5, -16, -6, -1, 12));
        Path table = dir.resolve("p.csv");
        ParamsFile.write(table, params);

        waitFor("the sample season is open", 120, () -> vm.season().periodDataProperty().get() != null);
        robot.clickOn("Forecast");
        waitFor("the Forecast view is shown", 120, () -> robot.lookup("#forecast-pane").tryQuery().isPresent());
        ForecastPane pane = robot.lookup("#forecast-pane").queryAs(ForecastPane.class);
        ForecastViewModel forecast = vm.forecast();
        fx(() -> {
            vm.parameters().stepsPer3600Property().set(3000);
            forecast.tableProperty().set(table);
            ComboBox<LocalDate> from = robot.lookup("#forecast-start").query();
            from.getSelectionModel().select(LocalDate.of(2018, 11, 16));
            return null;
        });
        assertEquals(LocalDate.of(2018, 11, 16), fx(() -> forecast.startProperty().get()));
        robot.doubleClickOn("#forecast-periods").write("3").type(KeyCode.ENTER);
        robot.doubleClickOn("#forecast-runs").write("2").type(KeyCode.ENTER);
        waitFor("the typed numbers are in use", 60, () -> forecast.periodsProperty().get() == 3 && forecast.runsProperty().get() == 2);
        robot.clickOn("#forecast-run");
        waitFor("the forecast is done", 120, () -> forecast.rows().size() == 3 && !forecast.busyProperty().get());

        List<Forecast.Row> expected = Forecast.run(DataCatalogue.scan(SampleData.directory()), FocusArea.STUDY, LocalDate.of(2018, 11, 16), 3,
                params, 2, 1, 3000, ProgressMonitor.NONE);
        assertEquals(expected, fx(() -> List.copyOf(forecast.rows())));
        assertEquals(Arrays.asList(Forecast.HEADER.split(",")), fx(() -> pane.table.getColumns().stream().map(c -> c.getText()).toList()));
        assertEquals(3, fx(() -> pane.table.getItems().size()));
        assertEquals(String.format(java.util.Locale.ROOT, "%.3f", 100 * expected.get(1).coverageSim()),
                fx(() -> pane.table.getColumns().get(2).getCellData(1)));
        // forecast, persistence and analogue at every period end; the observation where a grid exists (not 2019-01-01)
        assertEquals(List.of(3, 2, 3, 2), fx(() -> List.of(pane.coverage.getSeries(0).getItemCount(), pane.coverage.getSeries(1).getItemCount(),
                pane.coverage.getSeries(2).getItemCount(), pane.coverage.getSeries(3).getItemCount())));
        assertEquals(0, fx(() -> pane.distance.getSeries(1).getItemCount()), "no distance is drawn for the observation itself");

        ChartViewer viewer = pane.viewer;
        waitFor("the chart is drawn", 60, () -> entity(viewer, pane, 1) != null);
        String tip = fx(() -> entity(viewer, pane, 1).getToolTipText());
        assertEquals(ForecastPane.FORECAST + " · " + expected.get(1).period() + ": "
                + org.iceising.app.controls.Numbers.trim(100 * expected.get(1).coverageSim(), 2) + " %", tip);
        Point2D where = fx(() -> {
            Rectangle2D b = entity(viewer, pane, 1).getArea().getBounds2D();
            return viewer.getCanvas().localToScreen(b.getCenterX(), b.getCenterY());
        });
        robot.moveTo(where);
        waitFor("hover describes the period", 60, () -> pane.hover.getText().startsWith(expected.get(1).period().toString()));

        Path csv = dir.resolve("forecast.csv");
        Job<Path> csvJob = fx(() -> vm.save(pane.csvExport(), csv));
        Path png = dir.resolve("forecast.png");
        Job<Path> pngJob = fx(() -> vm.save(pane.pngExport(), png));
        waitFor("the exports are written", 120, () -> !csvJob.runningProperty().get() && !pngJob.runningProperty().get());
        Path written = dir.resolve("direct.csv");
        Forecast.write(written, expected);
        assertEquals(Files.readString(written), Files.readString(csv), "the CSV is what forecast --out writes");
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() == 1600 && image.getHeight() == 1200, image.getWidth() + " x " + image.getHeight());
    }

    /** The forecast's coverage point of row {@code row}, as drawn. */
    private static XYItemEntity entity(ChartViewer viewer, ForecastPane pane, int row) {
        ChartRenderingInfo info = viewer.getCanvas().getRenderingInfo();
        if (info == null) {
            return null;
        }
        for (Object o : info.getEntityCollection().getEntities()) {
            if (o instanceof XYItemEntity e && e.getDataset() == pane.coverage && e.getSeriesIndex() == 0 && e.getItem() == row) {
                return e;
            }
        }
        return null;
    }
}
