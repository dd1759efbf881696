package org.iceising.app.controls;

import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

/** The workbench's one look for charts: white background, light grey grid, bold sans-serif title. */
public final class ChartStyle {
    static final Color GRID = new Color(0xDDDDDD);

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
}
