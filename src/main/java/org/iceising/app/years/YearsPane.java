package org.iceising.app.years;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;
import org.iceising.app.controls.ChartStyle;
import org.iceising.app.export.Export;
import org.iceising.data.ExtentClimatology;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Years in context: the Sea Ice Index's daily Arctic extent for the chosen years over the 1981–2010
 * median with its interquartile and interdecile ranges (hover for date and value, click a day to
 * open its map), and the focus area's coverage and extent in each season on disk.
 */
public final class YearsPane extends BorderPane {
    /** Days of year are drawn on the dates of the leap year 2000, so that every day has a place and the axis reads in months. */
    private static final int AXIS_YEAR = 2000;
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};

    private final YearsViewModel vm;
    private final YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
    final XYSeriesCollection yearSeries = new XYSeriesCollection();
    final XYSeriesCollection seasonSeries = new XYSeriesCollection();
    final JFreeChart extentChart;
    final JFreeChart seasonsChart;
    final ChartViewer extentViewer;
    final Label hover = new Label(" ");
    final CheckComboBox<Integer> picker = new CheckComboBox<>();
    private final XYLineAndShapeRenderer yearRenderer = new XYLineAndShapeRenderer(true, false);
    private final XYLineAndShapeRenderer seasonRenderer = new XYLineAndShapeRenderer(true, true);
    private boolean syncing;

    /**
     * @param vm     the state
     * @param opened called after a click opened a day's map
     * @param save   asks where to save an export and writes it
     */
    public YearsPane(YearsViewModel vm, Runnable opened, Consumer<Export> save) {
        this.vm = vm;
        setId("years-pane");
        setPadding(new Insets(6));
        extentChart = extentChart();
        seasonsChart = seasonsChart();
        extentViewer = new ChartViewer(extentChart);
        extentViewer.setId("years-chart");
        ChartViewer seasonsViewer = new ChartViewer(seasonsChart);
        seasonsViewer.setId("years-seasons-chart");
        extentViewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                LocalDate d = date(event.getEntity());
                if (d != null && vm.open(d)) {
                    opened.run();
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
                LocalDate d = date(event.getEntity());
                hover.setText(d == null ? " " : vm.describe(d.getYear(), d.getDayOfYear()));
            }
        });
        hover.setId("years-hover");

        picker.setId("years-picker");
        picker.setTitle("Years");
        picker.setShowCheckedCount(true);
        picker.setTooltip(new Tooltip("Years to overlay on the 1981–2010 median"));
        picker.getCheckModel().getCheckedItems().addListener((ListChangeListener<Integer>) c -> {
            if (!syncing) {
                vm.years().setAll(picker.getCheckModel().getCheckedItems().stream().sorted().toList());
            }
        });
        Button png = new Button("Export PNG…");
        png.setId("years-export-png");
        png.setOnAction(e -> save.accept(Export.chartPng("Export the years chart", "sea-ice-extent-years.png", extentChart, 1600, 900)));
        Button csv = new Button("Export CSV…");
        csv.setId("years-export-csv");
        csv.setOnAction(e -> save.accept(Export.csv("Export the years chart's data", "sea-ice-extent-years.csv", vm.csv())));
        Button seasonsPng = new Button("Seasons PNG…");
        seasonsPng.setOnAction(e -> save.accept(Export.chartPng("Export the seasons chart", "focus-area-seasons.png", seasonsChart, 1600, 900)));
        Button seasonsCsv = new Button("Seasons CSV…");
        seasonsCsv.setId("years-export-seasons-csv");
        seasonsCsv.setOnAction(e -> save.accept(Export.csv("Export the seasons chart's data", "focus-area-seasons.csv", vm.seasonsCsv())));
        Label note = new Label();
        note.setId("years-note");
        note.textProperty().bind(vm.noteProperty());
        note.setMinWidth(60);
        HBox.setHgrow(note, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label("Overlay"), picker, png, csv, note);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getChildren().forEach(n -> {
            if (n != note && n instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        });

        Label seasonsNote = new Label();
        seasonsNote.setId("years-seasons-note");
        seasonsNote.textProperty().bind(vm.seasonsNoteProperty());
        seasonsNote.setMinWidth(60);
        HBox seasonsBar = new HBox(8, seasonsPng, seasonsCsv, seasonsNote);
        seasonsBar.setAlignment(Pos.CENTER_LEFT);
        seasonsPng.setMinWidth(Region.USE_PREF_SIZE);
        seasonsCsv.setMinWidth(Region.USE_PREF_SIZE);
        tip(note);
        tip(seasonsNote);
        VBox left = new VBox(6, bar, extentViewer, hover);
        VBox right = new VBox(6, seasonsBar, seasonsViewer);
        VBox.setVgrow(extentViewer, Priority.ALWAYS);
        VBox.setVgrow(seasonsViewer, Priority.ALWAYS);
        left.setMinWidth(300);
        right.setMinWidth(250);
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.62);
        setCenter(split);

        vm.climatologyProperty().addListener((o, a, c) -> climatologyChanged(c));
        vm.years().addListener((ListChangeListener<Integer>) c -> yearsChanged());
        vm.seasons().addListener((MapChangeListener<Integer, List<YearsViewModel.SeasonPoint>>) c -> seasonsChanged());
        climatologyChanged(vm.climatologyProperty().get());
        seasonsChanged();
    }

    /** A label cut short by a narrow window keeps its whole text in a tooltip. */
    private static void tip(Label l) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(l.textProperty());
        l.setTooltip(t);
    }

    /** The date a chart item of a year's line stands for, or null. */
    LocalDate date(ChartEntity entity) {
        if (entity instanceof XYItemEntity item && item.getDataset() == yearSeries) {
            int year = (Integer) yearSeries.getSeriesKey(item.getSeriesIndex());
            int dayOfYear = dayOfYear(yearSeries.getSeries(item.getSeriesIndex()).getX(item.getItem()).doubleValue());
            return dayOfYear <= LocalDate.of(year, 1, 1).lengthOfYear() ? LocalDate.ofYearDay(year, dayOfYear) : null;
        }
        return null;
    }

    /** The x value of a day of year: midnight UTC of that day in {@link #AXIS_YEAR}. */
    static double x(int dayOfYear) {
        return LocalDate.ofYearDay(AXIS_YEAR, dayOfYear).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** The day of year drawn at {@code x}. */
    static int dayOfYear(double x) {
        return java.time.Instant.ofEpochMilli(Math.round(x)).atZone(ZoneOffset.UTC).toLocalDate().getDayOfYear();
    }

    private JFreeChart extentChart() {
        DateAxis days = new DateAxis("Day of year");
        SimpleDateFormat months = new SimpleDateFormat("MMM", Locale.ENGLISH);
        months.setTimeZone(TimeZone.getTimeZone("UTC"));
        days.setDateFormatOverride(months);
        days.setTimeZone(TimeZone.getTimeZone("UTC"));
        days.setTickUnit(new org.jfree.chart.axis.DateTickUnit(org.jfree.chart.axis.DateTickUnitType.MONTH, 1, months));
        days.setRange(x(1), x(366) + 86_400_000.0);
        NumberAxis extent = new NumberAxis("Extent (million km²)");
        extent.setAutoRangeIncludesZero(false);
        DeviationRenderer band = new DeviationRenderer(true, false);
        band.setSeriesFillPaint(0, new Color(0xD9D9D9));
        band.setSeriesFillPaint(1, new Color(0xA6A6A6));
        band.setSeriesPaint(0, new Color(0, 0, 0, 0));
        band.setSeriesPaint(1, new Color(0x404040));
        band.setSeriesStroke(1, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 3f}, 0f));
        band.setAlpha(1f);
        XYPlot plot = new XYPlot(yearSeries, days, extent, yearRenderer);
        plot.setDataset(1, bands);
        plot.setRenderer(1, band);
        // the bands (dataset 1) below the years' lines (dataset 0)
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);
        // the interdecile band first, the interquartile band over it
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        JFreeChart chart = new JFreeChart("Arctic sea ice extent (NSIDC Sea Ice Index)", plot);
        ChartStyle.apply(chart, 13);
        return chart;
    }

    private JFreeChart seasonsChart() {
        NumberAxis days = new NumberAxis("Days since 16 June");
        days.setRange(0, 200);
        NumberAxis percent = new NumberAxis("% of the focus area (solid: coverage, dashed: extent)");
        percent.setRange(0, 100);
        XYPlot plot = new XYPlot(seasonSeries, days, percent, seasonRenderer);
        JFreeChart chart = new JFreeChart("Focus area in each season on disk", plot);
        ChartStyle.apply(chart, 13);
        return chart;
    }

    private void climatologyChanged(ExtentClimatology c) {
        bands.removeAllSeries();
        syncing = true;
        picker.getItems().clear();
        if (c != null) {
            YIntervalSeries decile = new YIntervalSeries("10–90 % range 1981–2010");
            YIntervalSeries quartile = new YIntervalSeries("Median and 25–75 % range 1981–2010");
            for (int d = 1; d <= 366; d++) {
                ExtentClimatology.DayStatistics s = c.day(d);
                if (s != null) {
                    decile.add(x(d), s.median(), s.p10(), s.p90());
                    quartile.add(x(d), s.median(), s.p25(), s.p75());
                }
            }
            bands.addSeries(decile);
            bands.addSeries(quartile);
            for (int y : c.years()) {
                picker.getItems().add(y);
            }
        }
        syncing = false;
        yearsChanged();
    }

    private void yearsChanged() {
        ExtentClimatology c = vm.climatologyProperty().get();
        syncing = true;
        picker.getCheckModel().clearChecks();
        vm.years().forEach(y -> picker.getCheckModel().check(y));
        syncing = false;
        yearSeries.removeAllSeries();
        if (c == null) {
            return;
        }
        int k = 0;
        for (int y : vm.years()) {
            XYSeries s = new XYSeries(y, true, false);
            int length = LocalDate.of(y, 1, 1).lengthOfYear();
            for (int d = 1; d <= length; d++) {
                double v = c.extent(y, d);
                if (!Double.isNaN(v)) {
                    s.add(x(d), v, false);
                }
            }
            yearSeries.addSeries(s);
            yearRenderer.setSeriesPaint(k, PALETTE[k % PALETTE.length]);
            yearRenderer.setSeriesStroke(k, new BasicStroke(2f));
            k++;
        }
        yearRenderer.setDefaultToolTipGenerator((data, series, item) ->
                vm.describe((Integer) data.getSeriesKey(series), dayOfYear(data.getXValue(series, item))));
    }

    private void seasonsChanged() {
        seasonSeries.removeAllSeries();
        int k = 0;
        for (int y : vm.seasons().keySet().stream().sorted().toList()) {
            XYSeries coverage = new XYSeries(y + " coverage", true, false);
            XYSeries extent = new XYSeries(y + " extent", true, false);
            for (YearsViewModel.SeasonPoint p : vm.seasons().get(y)) {
                coverage.add(p.dayOfSeason(), 100 * p.coverage());
                extent.add(p.dayOfSeason(), 100 * p.extent());
            }
            Color colour = PALETTE[(k / 2) % PALETTE.length];
            seasonSeries.addSeries(coverage);
            seasonRenderer.setSeriesPaint(k, colour);
            seasonRenderer.setSeriesStroke(k, new BasicStroke(2f));
            k++;
            seasonSeries.addSeries(extent);
            seasonRenderer.setSeriesPaint(k, colour);
            seasonRenderer.setSeriesStroke(k, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f));
            k++;
        }
    }
}
