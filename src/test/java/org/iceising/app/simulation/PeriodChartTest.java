package org.iceising.app.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import org.iceising.app.WorkbenchFixture;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The period chart's observed points answer hover from a comfortable distance. */
class PeriodChartTest extends WorkbenchFixture {

    @Test
    void observedPointsHaveHoverTargetsOfAtLeastFourteenPixels(FxRobot robot) {
        waitLoaded(LocalDate.of(2018, 6, 16));
        waitFor("the period chart is built", () -> robot.lookup("#trajectory-chart").tryQuery().isPresent());
        ChartViewer chart = robot.lookup("#trajectory-chart").queryAs(ChartViewer.class);
        waitFor("the observed days are drawn", () -> observed(chart) != null);
        XYItemEntity point = fx(() -> observed(chart));
        Rectangle2D area = point.getArea().getBounds2D();
        assertTrue(area.getWidth() >= 14 && area.getHeight() >= 14, "hit area " + area);
        ChartEntity near = fx(() -> chart.getCanvas().getRenderingInfo().getEntityCollection()
                .getEntity(area.getCenterX(), area.getCenterY() - 6.5));
        assertTrue(near instanceof XYItemEntity e && e.getSeriesIndex() >= 2, "6.5 px above an observed point still finds one: " + near);
        assertEquals(8.0, ((org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) chart.getChart().getXYPlot().getRenderer())
                .getSeriesShape(2).getBounds2D().getWidth(), "the marker itself stays small");
    }

    /** The rightmost observed point of the chart as last drawn (the period's end: no simulated point near it yet), or null. */
    private static XYItemEntity observed(ChartViewer chart) {
        ChartRenderingInfo info = chart.getCanvas().getRenderingInfo();
        if (info == null) {
            return null;
        }
        XYItemEntity last = null;
        for (Object o : info.getEntityCollection().getEntities()) {
            if (o instanceof XYItemEntity e && e.getSeriesIndex() >= 2
                    && (last == null || e.getArea().getBounds2D().getCenterX() > last.getArea().getBounds2D().getCenterX())) {
                last = e;
            }
        }
        return last != null && last.getArea().getBounds2D().getCenterX() > chart.getWidth() / 2 ? last : null;
    }
}
