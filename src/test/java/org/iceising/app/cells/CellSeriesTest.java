package org.iceising.app.cells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import javafx.geometry.Point2D;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import org.iceising.app.WorkbenchFixture;
import org.iceising.app.charts.SeasonChartsViewModel;
import org.iceising.app.controls.FigureView;
import org.iceising.app.map.MapView;
import org.iceising.app.parameters.ParametersViewModel;
import org.iceising.app.parameters.Preset;
import org.iceising.data.CellFlag;
import org.iceising.data.FocusArea;
import org.iceising.data.GridFileName;
import org.iceising.data.GridReader;
import org.iceising.data.SampleData;
import org.iceising.data.SeaIceGrid;
import org.iceising.learn.Resimulation;
import org.iceising.model.Lattice;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Cells chosen on the map and on a lattice panel, their series against the sample grids read directly, marks, Escape. */
class CellSeriesTest extends WorkbenchFixture {
    private static final LocalDate JUNE_16 = LocalDate.of(2018, 6, 16);

    @Test
    void clickAndShiftClickChooseCellsWhoseSeriesAreTheirGridValues(FxRobot robot) throws IOException {
        waitLoaded(JUNE_16);
        waitFor("the map shows a grid", () -> vm.map().gridProperty().get() != null);
        CellSeriesViewModel cells = vm.cells();
        MapView map = app.view().mapPane.map;
        robot.clickOn(fx(() -> map.localToScreen(map.cellCentre(210, 110))));
        waitFor("a cell is chosen", () -> cells.cells().size() == 1);
        // the mouse lands on whole screen pixels, a map cell is about one pixel wide: the cell or a neighbour
        CellSeriesViewModel.Cell first = fx(() -> cells.cells().get(0));
        assertTrue(Math.abs(first.row() - 210) <= 1 && Math.abs(first.col() - 110) <= 1, first.toString());
        waitFor("its days are read", () -> !cells.observed(first).isEmpty());
        assertEquals(direct(first), fx(() -> cells.observed(first)));

        // Shift-click on the observed start panel: cell (5, 12) of the focus area is grid cell (185, 92)
        WaitForAsyncUtils.waitForFxEvents();
        FigureView start = fx(() -> app.view().simulationPane.lattices().get(0));
        Point2D onPanel = fx(() -> start.localToScreen(start.cellCentre(5, 12)));
        robot.press(KeyCode.SHIFT).clickOn(onPanel).release(KeyCode.SHIFT);
        waitFor("a second cell is added", () -> cells.cells().size() == 2);
        // a panel cell is a few screen pixels: the click lands on the cell or a neighbour, as on the map
        CellSeriesViewModel.Cell second = fx(() -> cells.cells().get(1));
        assertEquals(first, fx(() -> cells.cells().get(0)), "Shift-click adds; the first cell stays chosen");
        assertTrue(Math.abs(second.row() - (FocusArea.STUDY.row0() + 5)) <= 1 && Math.abs(second.col() - (FocusArea.STUDY.col0() + 12)) <= 1,
                second.toString());
        waitFor("its days are read too", () -> !cells.observed(second).isEmpty());
        assertEquals(direct(second), fx(() -> cells.observed(second)));
        assertEquals(direct(first), fx(() -> cells.observed(first)), "the first cell's series stays");

        // the chart holds each cell's observed values, in percent, in its colour's series
        CellSeriesPane pane = app.view().mapPane.cellSeries;
        waitFor("the chart shows both cells", () -> pane.data.getSeriesCount() == 6 && pane.data.getSeries(3).getItemCount() > 0);
        XYSeries shown = fx(() -> pane.data.getSeries(3));
        assertEquals(second.label() + " · observed", shown.getKey());
        SortedMap<LocalDate, Double> expected = direct(second);
        assertEquals(expected.size(), shown.getItemCount());
        int k = 0;
        for (var e : expected.entrySet()) {
            assertEquals(CellSeriesPane.millis(e.getKey()), shown.getX(k).doubleValue());
            assertEquals(100 * e.getValue(), shown.getY(k).doubleValue(), 1e-9);
            k++;
        }

        // both are marked on the map in their colours
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(markedNear(map, first.row(), first.col(), CellMarks.colour(0)), "the first cell is ringed in its colour");
        assertTrue(markedNear(map, second.row(), second.col(), CellMarks.colour(1)), "the second cell is ringed in its colour");

        // Escape clears
        robot.type(KeyCode.ESCAPE);
        waitFor("Escape clears the cells", () -> cells.cells().isEmpty());
        assertEquals(0, fx(() -> pane.data.getSeriesCount()));
        assertFalse(markedNear(map, first.row(), first.col(), CellMarks.colour(0)), "no mark is left");
    }

    @Test
    void theSimulatedValuesAreTheSeasonRunsAndTheLiveSimulations(FxRobot robot) {
        waitLoaded(JUNE_16);
        CellSeriesViewModel cells = vm.cells();
        CellSeriesViewModel.Cell cell = new CellSeriesViewModel.Cell(200, 100);
        // from the keyboard: the pane opened, a row and column typed, then Show
        fx(() -> {
            app.view().mapPane.cellSeries.setExpanded(true);
            return null;
        });
        robot.doubleClickOn("#cell-row").write("200").type(KeyCode.TAB);
        robot.doubleClickOn("#cell-column").write("100").type(KeyCode.TAB);
        robot.clickOn("#cell-show");
        waitFor("the typed cell is chosen", () -> cells.cells().equals(List.of(cell)));

        fx(() -> {
            vm.parameters().stepsPer3600Property().set(ParametersViewModel.MIN_STEPS);
            vm.charts().runSeason();
            return null;
        });
        waitFor("the season is simulated", 120, () -> !vm.charts().busyProperty().get() && !vm.charts().simulatedEnds().isEmpty());
        SemiMonthlyPeriod june = new SemiMonthlyPeriod(JUNE_16);
        // the season run's point is the mean of its K chains: the cell's value in their mean lattice
        Lattice end = Resimulation.mean(Resimulation.chains(observed("nt_20180616_f18_nrt_n.bin", FocusArea.STUDY), june,
                Preset.MELT_CENTRE.params(), SeasonChartsViewModel.DEFAULT_CHAINS, 1, ParametersViewModel.MIN_STEPS, SimulationSettings.study(), 1,
                ProgressMonitor.NONE));
        double expected = end.concentration(end.index(cell.row() - FocusArea.STUDY.row0(), cell.col() - FocusArea.STUDY.col0()));
        assertEquals(expected, fx(() -> cells.seasonRun(cell).get(june.end())), "the June period's simulated end at the cell");

        // a day of the live simulation: its points are the cell's value in the lattice shown
        robot.clickOn("#step");
        waitFor("one day is simulated", () -> vm.simulation().daysDoneProperty().get() == 1 && vm.simulation().live().latest() != null
                && !vm.simulation().live().latest().playing());
        WaitForAsyncUtils.waitForFxEvents();
        List<CellSeriesViewModel.Point> live = fx(() -> cells.live(cell));
        assertFalse(live.isEmpty());
        Lattice now = fx(() -> vm.simulation().simulatedProperty().get());
        CellSeriesViewModel.Point last = live.get(live.size() - 1);
        assertEquals(now.concentration(now.index(cell.row() - FocusArea.STUDY.row0(), cell.col() - FocusArea.STUDY.col0())), last.concentration());
        assertTrue(last.day() > JUNE_16.toEpochDay() && last.day() < JUNE_16.toEpochDay() + 2, "at the end of the first day: " + last.day());
        String csv = fx(cells::csv);
        assertTrue(csv.startsWith("time,row,column,series,concentration\n2018-06-16,200,100,observed,"), csv);
        assertTrue(csv.contains(",200,100,season run,") && csv.contains(",200,100,live,"), csv);
    }

    /** The cell's concentration in every sample grid of the 2018 season (16 June to 1 January) where it is valid, read file by file. */
    private static SortedMap<LocalDate, Double> direct(CellSeriesViewModel.Cell c) throws IOException {
        SortedMap<LocalDate, Double> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SampleData.directory())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                var name = GridFileName.parse(f.getFileName().toString());
                if (name.isEmpty() || name.get().date().isBefore(JUNE_16) || name.get().date().isAfter(LocalDate.of(2019, 1, 1))) {
                    continue;
                }
                SeaIceGrid g = GridReader.read(f);
                if (g.flag(c.row(), c.col()) == CellFlag.VALID) {
                    out.put(g.date(), g.concentration(c.row(), c.col()));
                }
            }
        }
        return out;
    }

    /** True if the map shows {@code colour} within a few pixels of the ring about a cell's centre. */
    private static boolean markedNear(MapView map, int row, int col, Color colour) {
        return fx(() -> {
            WritableImage img = map.snapshot(null, null);
            PixelReader px = img.getPixelReader();
            Point2D c = map.cellCentre(row, col);
            int reach = 14;
            for (int y = (int) c.getY() - reach; y <= c.getY() + reach; y++) {
                for (int x = (int) c.getX() - reach; x <= c.getX() + reach; x++) {
                    if (x >= 0 && y >= 0 && x < img.getWidth() && y < img.getHeight()) {
                        Color p = px.getColor(x, y);
                        if (Math.abs(p.getRed() - colour.getRed()) < 0.06 && Math.abs(p.getGreen() - colour.getGreen()) < 0.06
                                && Math.abs(p.getBlue() - colour.getBlue()) < 0.06) {
                            return true;
                        }
                    }
                }
            }
            return false;
        });
    }
}
