package org.iceising.app.forecast;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Line2D;
import java.io.File;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.ToDoubleFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.iceising.app.controls.ChartStyle;
import org.iceising.app.controls.Exports;
import org.iceising.app.controls.JobProgress;
import org.iceising.app.controls.NumberField;
import org.iceising.app.controls.Numbers;
import org.iceising.app.export.Export;
import org.iceising.learn.Forecast;
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
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The Forecast view: the start day, the number of periods, the parameters (a table or the open
 * season's own) and K; Run, progress and Cancel; then, period by period, the forecast's coverage
 * and extent with ±1 sd over the K chains against the observation (where a grid exists),
 * persistence and the analogue, and the distances to the observation, as one chart (hover for
 * values) and the table {@code forecast --out} writes; both export as PNG and CSV.
 */
public final class ForecastPane extends BorderPane {
    static final String FORECAST = "Forecast (mean of K chains)";
    static final String OBSERVED = "Observed";
    static final String PERSISTENCE = "Persistence (the start)";
    static final String ANALOGUE = "Analogue (the start shifted by the other year's change)";
    static final String BAND = "±1 sd over the K chains";
    private static final Color BAND_FILL = new Color(0xFDD0A2);
    private static final Color[] COLOURS = {new Color(0xD94801), new Color(0x08306B), new Color(0x737373), new Color(0x238B45)};

    private final ForecastViewModel vm;
    private final Exports exports;
    final XYSeriesCollection coverage = lines();
    final XYSeriesCollection extent = lines();
    final XYSeriesCollection distance = lines();
    private final YIntervalSeriesCollection coverageBand = band();
    private final YIntervalSeriesCollection extentBand = band();
    final JFreeChart chart;
    final ChartViewer viewer;
    final TableView<Forecast.Row> table = new TableView<>();
    final Label hover = new Label(" ");

    /**
     * @param vm      the state
     * @param exports asks where to save the chart or the table and writes it
     */
    public ForecastPane(ForecastViewModel vm, Exports exports) {
        this.vm = vm;
        this.exports = exports;
        setId("forecast-pane");
        setPadding(new Insets(6));

        ComboBox<LocalDate> from = new ComboBox<>(vm.starts());
        from.setId("forecast-start");
        from.valueProperty().bindBidirectional(vm.startProperty());
        from.setTooltip(new Tooltip("The observed day the forecast starts from: a 1st or 16th with a grid in the data folder"));
        NumberField periods = number("forecast-periods", "Periods", "1 … " + ForecastViewModel.MAX_PERIODS, vm.periodsProperty(),
                "Semi-monthly periods to forecast, each from the previous simulated end");
        NumberField runs = number("forecast-runs", "K", "1 … " + ForecastViewModel.MAX_RUNS, vm.runsProperty(),
                "Chains: the forecast is their mean, the band their spread");

        ToggleGroup sources = new ToggleGroup();
        RadioButton fromTable = new RadioButton("Table:");
        fromTable.setId("forecast-source-table");
        fromTable.setToggleGroup(sources);
        RadioButton fromSeason = new RadioButton();
        fromSeason.setId("forecast-source-season");
        fromSeason.setToggleGroup(sources);
        fromSeason.textProperty().bind(Bindings.when(vm.seasonSourceProperty().isEmpty())
                .then("the open season's own parameters (none: predict them in the Learn tab)").otherwise(vm.seasonSourceProperty()));
        fromSeason.disableProperty().bind(vm.seasonSourceProperty().isEmpty());
        sources.selectToggle(vm.sourceProperty().get() == ForecastViewModel.Source.SEASON ? fromSeason : fromTable);
        vm.sourceProperty().addListener((o, a, s) -> sources.selectToggle(s == ForecastViewModel.Source.SEASON ? fromSeason : fromTable));
        sources.selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) {
                vm.sourceProperty().set(t == fromSeason ? ForecastViewModel.Source.SEASON : ForecastViewModel.Source.TABLE);
            }
        });
        Label file = new Label();
        file.setId("forecast-table-file");
        file.textProperty().bind(Bindings.createStringBinding(() -> vm.tableProperty().get() == null ? "none chosen"
                : vm.tableProperty().get().getFileName().toString(), vm.tableProperty()));
        Tooltip fileTip = new Tooltip();
        fileTip.textProperty().bind(Bindings.createStringBinding(() -> vm.tableProperty().get() == null
                ? "A predict or fit output, or a reproduction's table.csv" : vm.tableProperty().get().toAbsolutePath().toString(),
                vm.tableProperty()));
        file.setTooltip(fileTip);
        Button choose = new Button("Choose…");
        choose.setId("forecast-choose-table");
        choose.setOnAction(e -> chooseTable());

        Button run = new Button("Run forecast");
        run.setId("forecast-run");
        run.setOnAction(e -> vm.run());
        run.disableProperty().bind(vm.busyProperty());
        ProgressBar progress = new ProgressBar(0);
        progress.setId("forecast-progress");
        progress.setPrefWidth(160);
        JobProgress.follow(progress, vm.runningProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("forecast-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.idleProperty());
        Button png = new Button("Export PNG…");
        png.setId("forecast-export-png");
        png.setOnAction(e -> exports.save(pngExport()));
        Button csv = new Button("Export CSV…");
        csv.setId("forecast-export-csv");
        csv.setOnAction(e -> exports.save(csvExport()));
        png.disableProperty().bind(Bindings.isEmpty(vm.rows()));
        csv.disableProperty().bind(Bindings.isEmpty(vm.rows()));
        Label note = new Label();
        note.setId("forecast-note");
        note.textProperty().bind(vm.noteProperty());
        note.setWrapText(true);
        Tooltip noteTip = new Tooltip();
        noteTip.textProperty().bind(note.textProperty());
        note.setTooltip(noteTip);

        HBox actions = row(run, progress, cancel, png, csv, note);
        HBox.setHgrow(note, Priority.ALWAYS);
        note.setMinWidth(80);
        // the form wraps where the window is narrow
        FlowPane form = new FlowPane(Orientation.HORIZONTAL, 12, 4, row(new Label("From"), from), row(new Label("Periods"), periods),
                row(new Label("K"), runs), row(new Label("Parameters of the same calendar periods:"), fromTable, file, choose),
                row(fromSeason));
        VBox top = new VBox(4, form, actions);

        chart = chart();
        viewer = new ChartViewer(chart);
        viewer.setId("forecast-chart");
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                // the values show on hover
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
                Forecast.Row r = rowOf(event.getEntity());
                hover.setText(r == null ? " " : describe(r));
            }
        });
        hover.setId("forecast-hover");
        table.setId("forecast-table");
        columns();
        table.setItems(vm.rows());
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        VBox charts = new VBox(4, viewer, hover);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        SplitPane split = new SplitPane(charts, table);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        setTop(top);
        setCenter(split);
        BorderPane.setMargin(split, new Insets(6, 0, 0, 0));

        vm.rows().addListener((ListChangeListener<Forecast.Row>) c -> show());
        vm.titleProperty().addListener((o, a, t) -> chart.setTitle(t));
        show();
    }

    private static HBox row(Region... nodes) {
        HBox h = new HBox(6, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        for (Region r : nodes) {
            if (!(r instanceof Label l && l.getId() != null && l.getId().equals("forecast-note"))) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return h;
    }

    private static NumberField number(String id, String name, String range, javafx.beans.property.IntegerProperty p, String tip) {
        NumberField f = new NumberField(id, name, range, Numbers.integer(), p);
        f.setPrefColumnCount(4);
        Tooltip t = new Tooltip(tip);
        t.textProperty().bind(Bindings.when(f.noteProperty().isEmpty()).then(tip).otherwise(f.noteProperty()));
        f.setTooltip(t);
        return f;
    }

    private void chooseTable() {
        FileChooser c = new FileChooser();
        c.setTitle("Parameters per period of another year");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Parameter table (*.csv)", "*.csv"));
        File f = c.showOpenDialog(getScene().getWindow());
        if (f != null) {
            vm.tableProperty().set(f.toPath());
            vm.sourceProperty().set(ForecastViewModel.Source.TABLE);
        }
    }

    /** The chart as PNG. */
    Export pngExport() {
        return Export.chartPng("Export the forecast chart", "forecast-" + vm.rows().get(0).period().start() + ".png", chart, 1600, 1200);
    }

    /** The table as {@code forecast --out} writes it. */
    Export csvExport() {
        return Export.csv("Export the forecast table", "forecast-" + vm.rows().get(0).period().start() + ".csv", vm.csv());
    }

    private static XYSeriesCollection lines() {
        XYSeriesCollection c = new XYSeriesCollection();
        for (String name : List.of(FORECAST, OBSERVED, PERSISTENCE, ANALOGUE)) {
            c.addSeries(new XYSeries(name, true, false));
        }
        return c;
    }

    private static YIntervalSeriesCollection band() {
        YIntervalSeriesCollection c = new YIntervalSeriesCollection();
        c.addSeries(new YIntervalSeries(BAND));
        return c;
    }

    /** Each period's values at its end day. */
    private void show() {
        chart.setNotify(false);
        List<Forecast.Row> rows = vm.rows();
        fill(coverage, rows, 100, Forecast.Row::coverageSim, Forecast.Row::coverageObs, Forecast.Row::coveragePersistence,
                Forecast.Row::coverageAnalogue);
        fill(extent, rows, 100, Forecast.Row::extentSim, Forecast.Row::extentObs, Forecast.Row::extentPersistence, Forecast.Row::extentAnalogue);
        // a distance is to the observation: the observed series stays empty here
        fill(distance, rows, 1, Forecast.Row::distanceSim, r -> Double.NaN, Forecast.Row::distancePersistence, Forecast.Row::distanceAnalogue);
        fillBand(coverageBand, rows, Forecast.Row::coverageSim, Forecast.Row::coverageSimSd);
        fillBand(extentBand, rows, Forecast.Row::extentSim, Forecast.Row::extentSimSd);
        chart.setTitle(vm.titleProperty().get());
        // an empty chart has no dates to show: JFreeChart's default range would read "1 Jan 1970"
        chart.getXYPlot().getDomainAxis().setTickLabelsVisible(!rows.isEmpty());
        chart.setNotify(true);
    }

    @SafeVarargs
    private static void fill(XYSeriesCollection c, List<Forecast.Row> rows, double scale, ToDoubleFunction<Forecast.Row>... values) {
        for (int s = 0; s < values.length; s++) {
            XYSeries series = c.getSeries(s);
            series.setNotify(false);
            series.clear();
            for (Forecast.Row r : rows) {
                double v = values[s].applyAsDouble(r);
                if (!Double.isNaN(v)) {
                    series.add(x(r.period().end()), scale * v);
                }
            }
            series.setNotify(true);
        }
    }

    private static void fillBand(YIntervalSeriesCollection c, List<Forecast.Row> rows, ToDoubleFunction<Forecast.Row> mean,
                                 ToDoubleFunction<Forecast.Row> sd) {
        YIntervalSeries s = c.getSeries(0);
        s.setNotify(false);
        s.clear();
        for (Forecast.Row r : rows) {
            double m = 100 * mean.applyAsDouble(r);
            double d = 100 * sd.applyAsDouble(r);
            s.add(x(r.period().end()), m, m - d, m + d);
        }
        s.setNotify(true);
    }

    static double x(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private JFreeChart chart() {
        DateAxis days = new DateAxis("Period end");
        SimpleDateFormat format = new SimpleDateFormat("d MMM yyyy", Locale.ENGLISH);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        days.setDateFormatOverride(format);
        days.setTimeZone(TimeZone.getTimeZone("UTC"));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(days);
        plot.setGap(8);
        plot.add(subplot(coverage, coverageBand, "Coverage %"), 3);
        plot.add(subplot(extent, extentBand, "Extent %"), 3);
        plot.add(subplot(distance, null, "Distance"), 2);
        LegendItemCollection legend = new LegendItemCollection();
        List<String> names = List.of(FORECAST, OBSERVED, PERSISTENCE, ANALOGUE);
        for (int s = 0; s < names.size(); s++) {
            legend.add(new LegendItem(names.get(s), null, null, null, new Line2D.Double(-7, 0, 7, 0), stroke(s), COLOURS[s]));
        }
        legend.add(new LegendItem(BAND, null, null, null, new Rectangle(12, 10), BAND_FILL));
        plot.setFixedLegendItems(legend);
        JFreeChart c = new JFreeChart("Forecast", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(plot);
        c.setBackgroundPaint(Color.WHITE);
        c.getTitle().setFont(new java.awt.Font("SansSerif", java.awt.Font.BOLD, 14));
        return c;
    }

    /** The forecast solid, the others dashed. */
    private static BasicStroke stroke(int series) {
        return series == 0 ? new BasicStroke(2.5f) : new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }

    private XYPlot subplot(XYSeriesCollection lines, YIntervalSeriesCollection band, String label) {
        NumberAxis y = new NumberAxis(label);
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int s = 0; s < COLOURS.length; s++) {
            r.setSeriesPaint(s, COLOURS[s]);
            r.setSeriesStroke(s, stroke(s));
        }
        r.setDefaultToolTipGenerator((dataset, series, item) -> {
            Forecast.Row row = vm.rows().get(rowIndex(lines.getSeries(series).getX(item).doubleValue()));
            return lines.getSeriesKey(series) + " · " + row.period() + ": " + Numbers.trim(lines.getSeries(series).getY(item).doubleValue(),
                    lines == distance ? 4 : 2) + (lines == distance ? "" : " %");
        });
        XYPlot p = new XYPlot(lines, null, y, r);
        ChartStyle.apply(p);
        if (band != null) {
            DeviationRenderer d = new DeviationRenderer(true, false);
            d.setSeriesFillPaint(0, BAND_FILL);
            d.setSeriesPaint(0, new Color(0, 0, 0, 0));
            d.setAlpha(1f);
            p.setDataset(1, band);
            p.setRenderer(1, d);
            p.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        }
        return p;
    }

    /** The row whose period ends at {@code x}. */
    private int rowIndex(double x) {
        List<Forecast.Row> rows = vm.rows();
        for (int i = 0; i < rows.size(); i++) {
            if (x(rows.get(i).period().end()) == x) {
                return i;
            }
        }
        throw new IllegalStateException("no forecast period ends at " + x);
    }

    /** The forecast period a chart item stands for, or null. */
    Forecast.Row rowOf(ChartEntity entity) {
        if (entity instanceof XYItemEntity item && item.getDataset() instanceof XYSeriesCollection c) {
            return vm.rows().get(rowIndex(c.getSeries(item.getSeriesIndex()).getX(item.getItem()).doubleValue()));
        }
        return null;
    }

    /** All of a period's values in one line, for the hover text. */
    static String describe(Forecast.Row r) {
        return String.format(Locale.ROOT, "%s · coverage %.2f ± %.2f %% (observed %s, persistence %.2f, analogue %s) · extent %.2f ± %.2f %%"
                        + " (observed %s, persistence %.2f, analogue %s) · distance %s (persistence %s, analogue %s)",
                r.period(), 100 * r.coverageSim(), 100 * r.coverageSimSd(), pct(r.coverageObs()), 100 * r.coveragePersistence(),
                pct(r.coverageAnalogue()), 100 * r.extentSim(), 100 * r.extentSimSd(), pct(r.extentObs()), 100 * r.extentPersistence(),
                pct(r.extentAnalogue()), num(r.distanceSim()), num(r.distancePersistence()), num(r.distanceAnalogue()));
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "none" : String.format(Locale.ROOT, "%.2f", 100 * v);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "none" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** The columns of {@code forecast --out}, coverage and extent in %. */
    private void columns() {
        String[] names = Forecast.HEADER.split(",");
        List<ToDoubleFunction<Forecast.Row>> values = List.of(Forecast.Row::coverageSim, Forecast.Row::coverageSimSd,
                Forecast.Row::extentSim, Forecast.Row::extentSimSd, Forecast.Row::coverageObs, Forecast.Row::extentObs,
                Forecast.Row::coveragePersistence, Forecast.Row::extentPersistence, Forecast.Row::coverageAnalogue,
                Forecast.Row::distanceSim, Forecast.Row::distancePersistence, Forecast.Row::distanceAnalogue);
        TableColumn<Forecast.Row, String> start = new TableColumn<>(names[0]);
        start.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().period().start().toString()));
        TableColumn<Forecast.Row, String> end = new TableColumn<>(names[1]);
        end.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().period().end().toString()));
        table.getColumns().add(start);
        table.getColumns().add(end);
        for (int k = 0; k < values.size(); k++) {
            ToDoubleFunction<Forecast.Row> f = values.get(k);
            boolean distanceColumn = names[k + 2].startsWith("distance");
            TableColumn<Forecast.Row, String> col = new TableColumn<>(names[k + 2]);
            col.setCellValueFactory(c -> {
                double v = f.applyAsDouble(c.getValue());
                return new ReadOnlyStringWrapper(Double.isNaN(v) ? "" : distanceColumn ? String.format(Locale.ROOT, "%.5f", v)
                        : String.format(Locale.ROOT, "%.3f", 100 * v));
            });
            col.setStyle("-fx-alignment: CENTER-RIGHT;");
            table.getColumns().add(col);
        }
    }
}
