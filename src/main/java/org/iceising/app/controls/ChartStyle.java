package org.iceising.app.controls;

import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.EntityCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;

/** The workbench's one look for charts: white background, light grey grid, bold sans-serif title. */
public final class ChartStyle {
    static final Color GRID = new Color(0xDDDDDD);
    /** How near (pixels from its centre) the mouse must come to a chart point for its tooltip and click. */
    public static final int HOVER_RADIUS = 9;

    private ChartStyle() {
    }

    /** Styles {@code chart} (an XY chart) and returns its plot for further settings. */
    public static XYPlot apply(JFreeChart chart, int titleSize) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font("SansSerif", Font.BOLD, titleSize));
        XYPlot plot = chart.getXYPlot();
        apply(plot);
        return plot;
    }

    /** Styles one XY plot (for example a subplot of a combined plot). */
    public static void apply(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
    }

    /**
     * A line-and-shape renderer whose points answer the mouse within {@link #HOVER_RADIUS} of their
     * centre, however small their markers are drawn: JFreeChart's own hot spot is the drawn shape.
     */
    public static XYLineAndShapeRenderer hoverRenderer(boolean lines, boolean shapes) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(lines, shapes) {
            @Override
            protected void addEntity(EntityCollection entities, Shape hotspot, XYDataset dataset, int series, int item,
                                     double entityX, double entityY) {
                // no shape given: the renderer makes a circle of the entity radius about the point
                boolean small = hotspot == null || hotspot.getBounds2D().getWidth() < 2 * HOVER_RADIUS
                        || hotspot.getBounds2D().getHeight() < 2 * HOVER_RADIUS;
                super.addEntity(entities, small ? null : hotspot, dataset, series, item, entityX, entityY);
            }
        };
        r.setDefaultEntityRadius(HOVER_RADIUS);
        return r;
    }
}
