package org.iceising.app.cells;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.TimeZone;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.iceising.app.controls.ChartStyle;
import org.iceising.app.export.Export;
import org.iceising.data.SeaIceGrid;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Under the map: the chosen cells' time series in one small chart — observed as lines with dots,
 * the season run's period ends as squares, the live simulation dashed, each cell in its colour —
 * with a row and column to type for the keyboard, Clear (or Escape) and the chart's exports.
 */
public final class CellSeriesPane extends TitledPane {
    private static final long DAY_MILLIS = 86_400_000L;
    private static final Color GREY = new Color(0x555555);

    private final CellSeriesViewModel vm;
    final XYSeriesCollection data = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = ChartStyle.hoverRenderer(true, true);
    private final XYPlot plot;
    final ChartViewer viewer;
    final JFreeChart chart;
    private final PauseTransition throttle = new PauseTransition(Duration.millis(200));
    private boolean dirty;

    /** @param save asks where to save an export and writes it */
    public CellSeriesPane(CellSeriesViewModel vm, Consumer<Export> save) {
        this.vm = vm;
        setId("cell-series");
        setText("Cell time series (click a cell; Shift-click adds one)");
        setExpanded(false);
        setAnimated(false);

        Spinner<Integer> row = new Spinner<>(0, SeaIceGrid.ROWS - 1, 210);
        Spinner<Integer> col = new Spinner<>(0, SeaIceGrid.COLS - 1, 110);
        row.setId("cell-row");
        col.setId("cell-column");
        for (Spinner<Integer> s : List.of(row, col)) {
            s.setEditable(true);
            s.setPrefWidth(78);
        }
        Button show = new Button("Show");
        show.setId("cell-show");
        show.setOnAction(e -> {
            row.commitValue();
            col.commitValue();
            vm.choose(row.getValue(), col.getValue());
        });
        Button add = new Button("Add");
        add.setId("cell-add");
        add.setOnAction(e -> {
            row.commitValue();
            col.commitValue();
            vm.add(row.getValue(), col.getValue());
        });
        Button clear = new Button("Clear");
        clear.setId("cell-clear");
        clear.setOnAction(e -> vm.clear());
        clear.disableProperty().bind(Bindings.isEmpty(vm.cells()));

        DateAxis time = new DateAxis();
        SimpleDateFormat format = new SimpleDateFormat("d MMM");
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        time.setDateFormatOverride(format);
        time.setTimeZone(TimeZone.getTimeZone("UTC"));
        NumberAxis percent = new NumberAxis("Ice concentration (%)");
        percent.setRange(-3, 103);
        SimpleDateFormat tipDate = new SimpleDateFormat("d MMM yyyy HH:mm");
        tipDate.setTimeZone(TimeZone.getTimeZone("UTC"));
        renderer.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0} · {1}: {2} %", tipDate, new DecimalFormat("0.0")));
        plot = new XYPlot(data, time, percent, renderer);
        chart = new JFreeChart("Ice concentration of the chosen cells", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart, 12);
        viewer = new ChartViewer(chart);
        viewer.setId("cell-series-chart");
        viewer.setPrefHeight(230);
        viewer.setMinHeight(160);

        Button png = new Button("Export PNG…");
        png.setId("cell-export-png");
        png.setOnAction(e -> save.accept(Export.chartPng("Export the cell time series", "cell-time-series.png", chart, 1200, 700)));
        Button csv = new Button("Export CSV…");
        csv.setId("cell-export-csv");
        csv.setOnAction(e -> save.accept(Export.csv("Export the cell time series", "cell-time-series.csv", vm.csv())));
        png.disableProperty().bind(Bindings.isEmpty(vm.cells()));
        csv.disableProperty().bind(Bindings.isEmpty(vm.cells()));

        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(90);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.progressProperty().greaterThan(0));
        Label note = new Label();
        note.setId("cell-note");
        note.textProperty().bind(vm.noteProperty());
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);

        FlowPane controls = new FlowPane(6, 4, new Label("Row"), row, new Label("Column"), col, show, add, clear, png, csv, progress);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(4, controls, note, viewer);
        content.setPadding(new Insets(4));
        setContent(content);

        throttle.setOnFinished(e -> {
            if (dirty) {
                rebuild();
            }
        });
        vm.changesProperty().addListener((o, a, b) -> changed());
        vm.cells().addListener((ListChangeListener<CellSeriesViewModel.Cell>) c -> {
            if (!vm.cells().isEmpty()) {
                setExpanded(true);
            }
        });
        rebuild();
    }

    /** Redraws at once when idle, then at most five times a second (the live simulation adds a point a picture). */
    private void changed() {
        if (throttle.getStatus() == Animation.Status.RUNNING) {
            dirty = true;
            return;
        }
        rebuild();
        throttle.playFromStart();
    }

    /** Three series per cell (observed, season run, live) in the cell's colour, and a legend of cells and kinds. */
    private void rebuild() {
        dirty = false;
        data.removeAllSeries();
        LegendItemCollection legend = new LegendItemCollection();
        int n = 0;
        boolean anyRun = false;
        boolean anyLive = false;
        for (int k = 0; k < vm.cells().size(); k++) {
            CellSeriesViewModel.Cell c = vm.cells().get(k);
            Color colour = awt(CellMarks.colour(k));
            XYSeries observed = new XYSeries(c.label() + " · observed", false, true);
            vm.observed(c).forEach((d, v) -> observed.add(millis(d), 100 * v, false));
            XYSeries run = new XYSeries(c.label() + " · season run", false, true);
            vm.seasonRun(c).forEach((d, v) -> run.add(millis(d), 100 * v, false));
            XYSeries live = new XYSeries(c.label() + " · live", false, true);
            for (CellSeriesViewModel.Point p : vm.live(c)) {
                live.add(p.day() * DAY_MILLIS, 100 * p.concentration(), false);
            }
            anyRun |= run.getItemCount() > 0;
            anyLive |= live.getItemCount() > 0;
            data.addSeries(observed);
            data.addSeries(run);
            data.addSeries(live);
            style(n, colour, true, true, new BasicStroke(1.6f), new Ellipse2D.Double(-2.5, -2.5, 5, 5));
            style(n + 1, colour, false, true, new BasicStroke(1f), new Rectangle2D.Double(-4, -4, 8, 8));
            style(n + 2, colour, true, false, new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 3f}, 0f), null);
            n += 3;
            legend.add(new LegendItem(c.label(), null, null, null, new Rectangle2D.Double(-5, -5, 10, 10), colour));
        }
        // what the marks mean, for the kinds of series there are
        if (n > 0) {
            legend.add(line("observed", new BasicStroke(1.6f)));
        }
        if (anyRun) {
            legend.add(new LegendItem("season run (period end)", null, null, null, new Rectangle2D.Double(-4, -4, 8, 8), GREY));
        }
        if (anyLive) {
            legend.add(line("live simulation", new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 3f}, 0f)));
        }
        plot.setFixedLegendItems(legend);
        chart.setNotify(true);
    }

    private void style(int series, Color colour, boolean lines, boolean shapes, BasicStroke stroke, Shape shape) {
        renderer.setSeriesPaint(series, colour);
        renderer.setSeriesLinesVisible(series, lines);
        renderer.setSeriesShapesVisible(series, shapes);
        renderer.setSeriesStroke(series, stroke);
        if (shape != null) {
            renderer.setSeriesShape(series, shape);
        }
    }

    private static LegendItem line(String label, BasicStroke stroke) {
        return new LegendItem(label, null, null, null, false, new Rectangle2D.Double(), false, GREY, false, GREY, stroke,
                true, new Line2D.Double(-8, 0, 8, 0), stroke, GREY);
    }

    static double millis(LocalDate d) {
        return d.toEpochDay() * (double) DAY_MILLIS;
    }

    private static Color awt(javafx.scene.paint.Color c) {
        return new Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue());
    }
}
