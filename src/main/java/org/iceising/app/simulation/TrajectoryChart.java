package org.iceising.app.simulation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import javafx.collections.ListChangeListener;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.iceising.app.controls.ChartStyle;

/**
 * Coverage and extent of the live simulation across the period's days, with the observed days as
 * points: the workbench's version of the classroom applets' live plots. Redrawn at most five times
 * a second while the simulation plays.
 */
public final class TrajectoryChart extends ChartViewer {
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final double MARGIN_DAYS = 0.4;
    private static final double MARGIN_PERCENT = 3;

    private final SimulationViewModel vm;
    private final XYSeries coverage = new XYSeries("Simulated coverage", false, true);
    private final XYSeries extent = new XYSeries("Simulated extent", false, true);
    private final XYSeries observedCoverage = new XYSeries("Observed coverage", false, true);
    private final XYSeries observedExtent = new XYSeries("Observed extent", false, true);
    private final NumberAxis days = new NumberAxis("Day of the period");
    private final XYSeriesCollection data = new XYSeriesCollection();
    private long lastRedraw;

    TrajectoryChart(SimulationViewModel vm) {
        this.vm = vm;
        data.addSeries(coverage);
        data.addSeries(extent);
        data.addSeries(observedCoverage);
        data.addSeries(observedExtent);
        // the unit in the title: at 1280 × 800 the plot is too short for a longer axis label
        NumberAxis percent = new NumberAxis("%");
        // a little room beyond 0 and 100 % and beyond the period's ends: markers there are drawn whole
        percent.setRange(-MARGIN_PERCENT, 100 + MARGIN_PERCENT);
        days.setAutoRange(false);
        days.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        setDays(15);
        // hovering near a point is enough: the tooltip area reaches past the small drawn marker
        XYLineAndShapeRenderer r = ChartStyle.hoverRenderer(true, true);
        Color blue = new Color(0x08306B);
        Color orange = new Color(0xD94801);
        r.setSeriesPaint(0, blue);
        r.setSeriesPaint(1, orange);
        r.setSeriesPaint(2, blue);
        r.setSeriesPaint(3, orange);
        for (int k = 0; k < 2; k++) {
            r.setSeriesShapesVisible(k, false);
            r.setSeriesStroke(k, new BasicStroke(2f));
            r.setSeriesLinesVisible(k + 2, false);
            r.setSeriesShapesVisible(k + 2, true);
        }
        r.setSeriesShape(2, new Ellipse2D.Double(-4, -4, 8, 8));
        r.setSeriesShape(3, new Rectangle2D.Double(-4, -4, 8, 8));
        r.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0} on day {1}: {2} %", new DecimalFormat("0.0"), new DecimalFormat("0.0")));
        XYPlot plot = new XYPlot(data, days, percent, r);
        // the day shown, which a step back or the scrub bar moves
        ValueMarker shown = new ValueMarker(0, new Color(0x555555), new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10f, new float[] {4f, 3f}, 0f));
        plot.addDomainMarker(shown);
        vm.daysDoneProperty().addListener((o, a, d) -> shown.setValue(d.doubleValue()));
        JFreeChart chart = new JFreeChart("Coverage and extent during the period, % of the focus area", plot);
        ChartStyle.apply(chart, 12);
        setChart(chart);
        vm.observedTrajectory().addListener((ListChangeListener<SimulationViewModel.TrajectoryPoint>) c -> {
            fill(observedCoverage, observedExtent, vm.observedTrajectory());
            redraw();
        });
        vm.trajectory().addListener((ListChangeListener<SimulationViewModel.TrajectoryPoint>) c -> {
            boolean cleared = false;
            while (c.next()) {
                if (c.wasRemoved()) {
                    cleared = true;
                }
            }
            if (cleared) {
                fill(coverage, extent, vm.trajectory());
                redraw();
                return;
            }
            coverage.setNotify(false);
            extent.setNotify(false);
            for (SimulationViewModel.TrajectoryPoint p : vm.trajectory().subList(coverage.getItemCount(), vm.trajectory().size())) {
                coverage.add(p.day(), 100 * p.coverage(), false);
                extent.add(p.day(), 100 * p.extent(), false);
            }
            if (!vm.playingProperty().get() || System.nanoTime() - lastRedraw > REDRAW_NANOS) {
                redraw();
            }
        });
        vm.playingProperty().addListener((o, a, playing) -> redraw());
        vm.periodDataProperty().addListener((o, a, d) -> setDays(d == null ? 15 : d.period().days()));
    }

    /** Whole days from 0 to the period's length, with a margin that keeps the end markers inside the plot. */
    private void setDays(int n) {
        days.setRange(-MARGIN_DAYS, n + MARGIN_DAYS);
    }

    private static void fill(XYSeries cov, XYSeries ext, java.util.List<SimulationViewModel.TrajectoryPoint> points) {
        cov.setNotify(false);
        ext.setNotify(false);
        cov.clear();
        ext.clear();
        for (SimulationViewModel.TrajectoryPoint p : points) {
            cov.add(p.day(), 100 * p.coverage(), false);
            ext.add(p.day(), 100 * p.extent(), false);
        }
    }

    private void redraw() {
        lastRedraw = System.nanoTime();
        for (XYSeries s : new XYSeries[] {coverage, extent, observedCoverage, observedExtent}) {
            s.setNotify(true);
        }
    }
}
