package org.iceising.app.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Line2D;
import java.io.File;
import java.text.DecimalFormat;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.app.controls.ChartStyle;
import org.iceising.app.controls.JobProgress;
import org.iceising.app.controls.NumberField;
import org.iceising.app.controls.Numbers;

/**
 * Ice coverage and ice extent in the focus area across the season, observed against simulated
 * (the study's Figure 6), as JFreeChart charts: values on hover, a click on a point opens its
 * period. "Run season" simulates every period with K chains in the background with a progress bar
 * and Cancel; the simulated points are the chains' mean, with their spread as a band, and where the
 * parameters carry a spread (a reproduction's table) the wider band of chain noise and parameter
 * spread combined.
 */
public final class ChartsPane extends VBox {
    private static final int OBSERVED = 0;
    private static final int SIMULATED = 1;
    /** What the bands are, for the legend and the bands' series. */
    static final String CHAIN_BAND = "±1 sd over the K chains (chain noise)";
    static final String COMBINED_BAND = "±1 sd over K chains at parameters drawn from their spread (chain noise and parameter spread)";
    private static final Color SIMULATED_COLOUR = new Color(0xD94801);
    private static final Color CHAIN_FILL = new Color(0xFDAE6B);
    private static final Color COMBINED_FILL = new Color(0xFEE6CE);

    private final SeasonChartsViewModel vm;
    private final Consumer<SemiMonthlyPeriod> open;
    private final TimeSeries observedCoverage = new TimeSeries("Observed");
    private final TimeSeries simulatedCoverage = new TimeSeries("Simulated");
    private final TimeSeries observedExtent = new TimeSeries("Observed");
    private final TimeSeries simulatedExtent = new TimeSeries("Simulated");
    private final YIntervalSeries coverageChain = new YIntervalSeries(CHAIN_BAND);
    private final YIntervalSeries coverageCombined = new YIntervalSeries(COMBINED_BAND);
    private final YIntervalSeries extentChain = new YIntervalSeries(CHAIN_BAND);
    private final YIntervalSeries extentCombined = new YIntervalSeries(COMBINED_BAND);
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
        JobProgress.follow(progress, vm.runningProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-season");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.idleProperty());
        NumberField chains = new NumberField("season-chains", "K", "1 … " + SeasonChartsViewModel.MAX_CHAINS, Numbers.integer(),
                vm.chainsProperty());
        chains.setPrefColumnCount(3);
        chains.disableProperty().bind(vm.busyProperty());
        Tooltip chainsTip = new Tooltip("Chains per period: the simulated point is their mean, the band their spread");
        chainsTip.textProperty().bind(Bindings.when(chains.noteProperty().isEmpty()).then(chainsTip.getText()).otherwise(chains.noteProperty()));
        chains.setTooltip(chainsTip);
        Label chainsLabel = new Label("K");
        chainsLabel.setLabelFor(chains);
        Button load = new Button("Load parameters…");
        load.setId("season-load-table");
        load.setTooltip(new Tooltip("A parameter table per period: a predict or fit output, or a reproduction's table.csv (with the "
                + "parameters' spreads)"));
        load.setOnAction(e -> loadTable());
        load.disableProperty().bind(vm.busyProperty());
        Button csv = new Button("Export CSV…");
        csv.setOnAction(e -> exportCsv.run());
        Label note = new Label();
        note.setId("season-note");
        note.textProperty().bind(vm.noteProperty());
        note.setWrapText(true);
        for (Region b : new Region[] {run, cancel, csv, load, chains, chainsLabel}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(6, chainsLabel, chains, run, progress, cancel, load, csv, note);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(note, Priority.ALWAYS);

        coverage = viewer(chart("Ice coverage in the focus area", "Mean ice concentration (%)", observedCoverage, simulatedCoverage,
                coverageCombined, coverageChain, CsvExport.Band::coverageChainSd, CsvExport.Band::coverageCombinedSd));
        extent = viewer(chart("Ice extent in the focus area", "Cells with ≥ 15 % ice (%)", observedExtent, simulatedExtent,
                extentCombined, extentChain, CsvExport.Band::extentChainSd, CsvExport.Band::extentCombinedSd));
        coverage.setId("chart-coverage");
        extent.setId("chart-extent");
        VBox.setVgrow(coverage, Priority.ALWAYS);
        VBox.setVgrow(extent, Priority.ALWAYS);
        Label hint = new Label("Hover a point for its value; click a point to open its period. Observed points sit on the period's start, "
                + "simulated ones on its end: the mean of K chains from the period's own observed start, with their spread as a band.");
        hint.setStyle("-fx-font-size: 11px;");
        getChildren().addAll(bar, coverage, extent, hint);

        // a run's points arrive one map entry at a time: the charts redraw once for them all
        vm.observed().addListener((MapChangeListener<LocalDate, CsvExport.SeriesPoint>) c -> later(this::showObserved));
        vm.simulated().addListener((MapChangeListener<LocalDate, CsvExport.SeriesPoint>) c -> later(this::showSimulated));
        showObserved();
        showSimulated();
    }

    private final Set<Runnable> pending = new HashSet<>();

    /** Runs {@code show} once after the changes now under way, however many there are. */
    private void later(Runnable show) {
        if (pending.add(show)) {
            Platform.runLater(() -> {
                pending.remove(show);
                show.run();
            });
        }
    }

    private void showObserved() {
        quietly(() -> {
            fill(observedCoverage, vm.observed(), CsvExport.SeriesPoint::coverage);
            fill(observedExtent, vm.observed(), CsvExport.SeriesPoint::extent);
        });
    }

    /** Makes the changes with the charts' notifications off, then redraws each once. */
    private void quietly(Runnable changes) {
        coverage.getChart().setNotify(false);
        extent.getChart().setNotify(false);
        changes.run();
        coverage.getChart().setNotify(true);
        extent.getChart().setNotify(true);
    }

    private void showSimulated() {
        quietly(this::fillSimulated);
    }

    private void fillSimulated() {
        fill(simulatedCoverage, vm.simulated(), CsvExport.SeriesPoint::coverage);
        fill(simulatedExtent, vm.simulated(), CsvExport.SeriesPoint::extent);
        band(coverageChain, CsvExport.SeriesPoint::coverage, CsvExport.Band::coverageChainSd);
        band(coverageCombined, CsvExport.SeriesPoint::coverage, CsvExport.Band::coverageCombinedSd);
        band(extentChain, CsvExport.SeriesPoint::extent, CsvExport.Band::extentChainSd);
        band(extentCombined, CsvExport.SeriesPoint::extent, CsvExport.Band::extentCombinedSd);
        LegendItemCollection legend = legend(vm.bands().values().stream().anyMatch(CsvExport.Band::hasCombined));
        coverage.getChart().getXYPlot().setFixedLegendItems(legend);
        extent.getChart().getXYPlot().setFixedLegendItems(legend);
    }

    /** Mean ± sd of each simulated point (in %), where the sd is known. */
    private void band(YIntervalSeries s, ToDoubleFunction<CsvExport.SeriesPoint> mean, ToDoubleFunction<CsvExport.Band> sd) {
        s.setNotify(false);
        s.clear();
        for (CsvExport.SeriesPoint p : vm.simulated().values()) {
            CsvExport.Band b = vm.bands().get(p.date());
            double d = b == null ? Double.NaN : sd.applyAsDouble(b);
            if (!Double.isNaN(d)) {
                double m = 100 * mean.applyAsDouble(p);
                s.add(x(p.date()), m, m - 100 * d, m + 100 * d);
            }
        }
        s.setNotify(true);
    }

    /** Midnight UTC of a day, where the time series put it. */
    private static double x(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private void loadTable() {
        FileChooser c = new FileChooser();
        c.setTitle("Parameters per period for the season run");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Parameter table (*.csv)", "*.csv"));
        File f = c.showOpenDialog(getScene().getWindow());
        if (f != null) {
            vm.loadTable(f.toPath());
        }
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

    private JFreeChart chart(String title, String yLabel, TimeSeries observed, TimeSeries simulated, YIntervalSeries combined,
                             YIntervalSeries chain, ToDoubleFunction<CsvExport.Band> chainSd, ToDoubleFunction<CsvExport.Band> combinedSd) {
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
        r.setSeriesPaint(SIMULATED, SIMULATED_COLOUR);
        r.setSeriesStroke(OBSERVED, new BasicStroke(2f));
        r.setSeriesStroke(SIMULATED, DASHED);
        r.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0} · {1}: {2} %", format, new DecimalFormat("0.0")));
        r.setSeriesToolTipGenerator(SIMULATED, (dataset, series, item) -> {
            Day day = (Day) simulated.getTimePeriod(item);
            LocalDate d = LocalDate.of(day.getYear(), day.getMonth(), day.getDayOfMonth());
            CsvExport.Band b = vm.bands().get(d);
            String tip = String.format(Locale.ROOT, "Simulated · %s: %.1f %%", DAY.format(d), simulated.getValue(item).doubleValue());
            if (b != null) {
                tip += String.format(Locale.ROOT, " ± %.1f (chains)", 100 * chainSd.applyAsDouble(b));
                if (b.hasCombined()) {
                    tip += String.format(Locale.ROOT, " ± %.1f (with parameter spread)", 100 * combinedSd.applyAsDouble(b));
                }
            }
            return tip;
        });
        plot.setRenderer(r);
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(combined);
        bands.addSeries(chain);
        DeviationRenderer band = new DeviationRenderer(true, false);
        band.setSeriesFillPaint(0, COMBINED_FILL);
        band.setSeriesFillPaint(1, CHAIN_FILL);
        band.setSeriesPaint(0, new Color(0, 0, 0, 0));
        band.setSeriesPaint(1, new Color(0, 0, 0, 0));
        band.setAlpha(1f);
        plot.setDataset(1, bands);
        plot.setRenderer(1, band);
        // the bands (dataset 1) below the lines (dataset 0), the wider band first
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        plot.setFixedLegendItems(legend(false));
        return chart;
    }

    /** Observed, simulated and the chain band; the combined band only where some point has one. */
    static LegendItemCollection legend(boolean combined) {
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(line("Observed", new Color(0x08306B), new BasicStroke(2f)));
        legend.add(line("Simulated: mean of K chains", SIMULATED_COLOUR, DASHED));
        legend.add(new LegendItem(CHAIN_BAND, null, null, null, new Rectangle(12, 10), CHAIN_FILL));
        if (combined) {
            legend.add(new LegendItem(COMBINED_BAND, null, null, null, new Rectangle(12, 10), COMBINED_FILL));
        }
        return legend;
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

    private static LegendItem line(String label, Color colour, BasicStroke stroke) {
        return new LegendItem(label, null, null, null, new Line2D.Double(-7, 0, 7, 0), stroke, colour);
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
        // a band's items are not points
        if (entity instanceof XYItemEntity item && item.getDataset() instanceof TimeSeriesCollection data) {
            Day day = (Day) data.getSeries(item.getSeriesIndex()).getTimePeriod(item.getItem());
            LocalDate date = LocalDate.of(day.getYear(), day.getMonth(), day.getDayOfMonth());
            SemiMonthlyPeriod p = vm.periodOf(date, item.getSeriesIndex() == SIMULATED);
            if (p != null) {
                open.accept(p);
            }
        }
    }
}
