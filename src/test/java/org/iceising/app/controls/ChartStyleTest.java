package org.iceising.app.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/** Chart points small on paper answer the mouse over a comfortable area. */
class ChartStyleTest {

    @Test
    void aSmallMarkerAnswersTheMouseWellBeyondItsEdge() {
        XYSeries s = new XYSeries("observed");
        s.add(5, 50);
        XYLineAndShapeRenderer r = ChartStyle.hoverRenderer(false, true);
        r.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), new NumberAxis(), new NumberAxis(), r);
        plot.getDomainAxis().setRange(0, 10);
        plot.getRangeAxis().setRange(0, 100);
        ChartRenderingInfo info = new ChartRenderingInfo();
        new JFreeChart(plot).createBufferedImage(600, 400, info);
        XYItemEntity point = null;
        for (Object o : info.getEntityCollection().getEntities()) {
            if (o instanceof XYItemEntity e) {
                point = e;
            }
        }
        assertNotNull(point);
        Rectangle2D area = point.getArea().getBounds2D();
        assertTrue(area.getWidth() >= 14 && area.getHeight() >= 14, "hit area " + area);
        assertEquals(8, r.getSeriesShape(0).getBounds2D().getWidth(), "the marker is still drawn 8 px wide");
        // 6 px right of the centre: outside the 8 px marker, inside the hit area
        ChartEntity hit = info.getEntityCollection().getEntity(area.getCenterX() + 6, area.getCenterY());
        assertEquals(point, hit);
    }
}
