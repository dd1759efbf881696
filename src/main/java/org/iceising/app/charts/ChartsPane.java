package org.iceising.app.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.app.controls.ChartStyle;
import org.iceising.app.controls.Figure;

/**
 * Ice coverage and ice extent in the focus area across the season, observed against simulated
 * (the study's Figure 6), as JFreeChart charts: values on hover, a click on a point opens its
 * period. "Run season" simulates every period in the background with a progress bar and Cancel.
 */
public final class ChartsPane extends VBox {
    private static final int OBSERVED = 0;
    private static final int SIMULATED = 1;

    private final SeasonChartsViewModel vm;
    private final Consumer<SemiMonthlyPeriod> open;
    private final TimeSeries observedCoverage = new TimeSeries("Observed");
    private final TimeSeries simulatedCoverage = new TimeSeries("Simulated");
    private final TimeSeries observedExtent = new TimeSeries("Observed");
    private final TimeSeries simulatedExtent = new TimeSeries("Simulated");
    final ChartViewer coverage;
    final ChartViewer extent;

    public ChartsPane(SeasonChartsViewModel vm, Consumer<SemiMonthlyPeriod> open, Runnable exportCsv) {
        this.vm = vm;
        this.open = open;
        setSpacing(6);
        setPadding(new Insets(6));

        Button run = new Button("Run season");
        run.setId("run-season");
        run.setOnAction(e -> vm.runSeason());
        run.disableProperty().bind(vm.busyProperty());
        ProgressBar progress = new ProgressBar(0);
        progress.setId("season-progress");
        progress.setPrefWidth(220);
        vm.runningProperty().addListener((o, a, t) -> {
            progress.progressProperty().unbind();
            // the finished run's end: full after success, empty after a cancel or failure
            progress.setProgress(a == null ? 0 : a.progressProperty().get());
            if (t != null) {
                progress.progressProperty().bind(t.progressProperty());
            }
        });
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-season");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.idleProperty());
        Button csv = new Button("Export CSV…");
        csv.setOnAction(e -> exportCsv.run());
        Label note = new Label();
        note.setId("season-note");
        note.textProperty().bind(vm.noteProperty());
        note.setWrapText(true);
        for (Button b : new Button[] {run, cancel, csv}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(6, run, progress, cancel, csv, note);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(note, Priority.ALWAYS);

        coverage = viewer(chart("Ice coverage in the focus area", "Mean ice concentration (%)", observedCoverage, simulatedCoverage));
        extent = viewer(chart("Ice extent in the focus area", "Cells with ≥ 15 % ice (%)", observedExtent, simulatedExtent));
        coverage.setId("chart-coverage");
        extent.setId("chart-extent");
        VBox.setVgrow(coverage, Priority.ALWAYS);
        VBox.setVgrow(extent, Priority.ALWAYS);
        Label hint = new Label("Hover a point for its value; click a point to open its period. Observed points sit on the period's start, "
                + "simulated ones on its end, each simulated from the period's own observed start.");
        hint.setStyle("-fx-font-size: 11px;");
        getChildren().addAll(bar, coverage, extent, hint);

        vm.observed().addListener((MapChangeListener<LocalDate, CsvExport.SeriesPoint>) c -> showObserved());
        vm.simulated().addListener((MapChangeListener<LocalDate, CsvExport.SeriesPoint>) c -> showSimulated());
        showObserved();
        showSimulated();
    }

    private void showObserved() {
        fill(observedCoverage, vm.observed(), CsvExport.SeriesPoint::coverage);
        fill(observedExtent, vm.observed(), CsvExport.SeriesPoint::extent);
    }

    private void showSimulated() {
        fill(simulatedCoverage, vm.simulated(), CsvExport.SeriesPoint::coverage);
        fill(simulatedExtent, vm.simulated(), CsvExport.SeriesPoint::extent);
    }

    private static void fill(TimeSeries s, Map<LocalDate, CsvExport.SeriesPoint> points, ToDoubleFunction<CsvExport.SeriesPoint> value) {
        s.setNotify(false);
        s.clear();
        for (CsvExport.SeriesPoint p : points.values()) {
            LocalDate d = p.date();
            s.add(new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear()), 100 * value.applyAsDouble(p));
        }
        s.setNotify(true);
        s.fireSeriesChanged();
    }

    private static JFreeChart chart(String title, String yLabel, TimeSeries observed, TimeSeries simulated) {
        TimeSeriesCollection data = new TimeSeriesCollection(TimeZone.getTimeZone("UTC"));
        data.addSeries(observed);
        data.addSeries(simulated);
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, null, yLabel, data, true, true, false);
        XYPlot plot = ChartStyle.apply(chart, 14);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setRange(0, 100);
        DateAxis x = (DateAxis) plot.getDomainAxis();
        SimpleDateFormat format = new SimpleDateFormat("d MMM yyyy");
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        x.setDateFormatOverride(format);
        x.setTimeZone(TimeZone.getTimeZone("UTC"));
        XYLineAndShapeRenderer r = ChartStyle.hoverRenderer(true, true);
        r.setSeriesPaint(OBSERVED, new Color(0x08306B));
        r.setSeriesPaint(SIMULATED, new Color(0xD94801));
        r.setSeriesStroke(OBSERVED, new BasicStroke(2f));
        r.setSeriesStroke(SIMULATED, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        r.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0} · {1}: {2} %", format, new DecimalFormat("0.0")));
        plot.setRenderer(r);
        return chart;
    }

    private ChartViewer viewer(JFreeChart chart) {
        ChartViewer v = new ChartViewer(chart);
        v.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                clicked(event.getEntity());
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
                // hover values come from the renderer's tooltips
            }
        });
        return v;
    }

    private void clicked(ChartEntity entity) {
        if (entity instanceof XYItemEntity item) {
            TimeSeriesCollection data = (TimeSeriesCollection) item.getDataset();
            Day day = (Day) data.getSeries(item.getSeriesIndex()).getTimePeriod(item.getItem());
            LocalDate date = LocalDate.of(day.getYear(), day.getMonth(), day.getDayOfMonth());
            SemiMonthlyPeriod p = vm.periodOf(date, item.getSeriesIndex() == SIMULATED);
            if (p != null) {
                open.accept(p);
            }
        }
    }
}
