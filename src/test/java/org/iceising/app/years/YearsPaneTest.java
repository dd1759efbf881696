package org.iceising.app.years;

import static org.iceising.app.WorkbenchFixture.fx;
import static org.iceising.app.WorkbenchFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.TabPane;
import org.iceising.app.WorkbenchFixture;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The Years tab in the workbench window (headless): bands, the year picker, hover and a click that opens a day's map. */
class YearsPaneTest extends WorkbenchFixture {
    @Test
    void chartShowsBandsAndYearsAndAClickOpensTheDaysMap(FxRobot robot) {
        waitFor("the sample season is open", () -> vm.season().periodDataProperty().get() != null);
        robot.clickOn("Years");
        YearsViewModel years = vm.years();
        waitFor("the index and the seasons are read", () -> years.climatologyProperty().get() != null && years.seasons().containsKey(2018));
        YearsPane pane = robot.lookup("#years-pane").queryAs(YearsPane.class);
        assertEquals(List.of(2012, 2018, 2023), fx(() -> pane.yearSeries.getSeries().stream().map(s -> ((org.jfree.data.xy.XYSeries) s).getKey()).toList()));
        assertTrue(fx(() -> pane.seasonSeries.getSeriesCount() >= 2), "coverage and extent of the 2018 season");

        fx(() -> {
            pane.picker.getCheckModel().check(Integer.valueOf(2007));
            return null;
        });
        assertEquals(List.of(2007, 2012, 2018, 2023), fx(() -> List.copyOf(years.years())));
        assertEquals(4, fx(() -> pane.yearSeries.getSeriesCount()));

        LocalDate sept16 = LocalDate.of(2018, 9, 16);
        ChartViewer viewer = pane.extentViewer;
        waitFor("the chart is drawn with the 2018 line", () -> entity(viewer, pane, sept16) != null);
        // neighbouring days' hot spots overlap: aim where the chart itself finds 16 September
        Point2D where = fx(() -> {
            Rectangle2D b = entity(viewer, pane, sept16).getArea().getBounds2D();
            ChartRenderingInfo info = viewer.getCanvas().getRenderingInfo();
            for (double x = b.getMinX() + 0.5; x < b.getMaxX(); x += 0.5) {
                if (sept16.equals(pane.date(info.getEntityCollection().getEntity(x, b.getCenterY())))) {
                    return viewer.getCanvas().localToScreen(x, b.getCenterY());
                }
            }
            throw new AssertionError("16 September is covered by its neighbours");
        });
        robot.moveTo(where);
        waitFor("hover names the day", () -> pane.hover.getText().startsWith("16 Sep 2018: "));
        robot.clickOn(where);
        waitFor("the map opens on that day", () -> sept16.equals(vm.season().dayProperty().get()));
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertEquals("Map & simulation", fx(() -> tabs.getSelectionModel().getSelectedItem().getText()));
    }

    private static XYItemEntity entity(ChartViewer viewer, YearsPane pane, LocalDate date) {
        ChartRenderingInfo info = viewer.getCanvas().getRenderingInfo();
        if (info == null) {
            return null;
        }
        for (Object o : info.getEntityCollection().getEntities()) {
            if (o instanceof XYItemEntity e && date.equals(pane.date(e))) {
                return e;
            }
        }
        return null;
    }
}
