package org.iceising.app.classroom;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.iceising.app.controls.ChartStyle;
import org.iceising.app.controls.JobProgress;
import org.iceising.app.export.Export;
import org.iceising.model.Boundary;
import org.iceising.model.ClassroomChain;
import org.iceising.model.Onsager;
import org.iceising.model.SpinKind;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The classroom tab: the textbook Ising model with live controls, the lattice drawn on every
 * animation pulse that brings a new snapshot, live plots of energy and magnetisation per site, and
 * a temperature sweep against Onsager's exact curves. Space runs and pauses (unless a button or list has the focus).
 */
public final class ClassroomPane extends BorderPane {
    /** While the chain runs, the time plot is redrawn and the readout rewritten at most this often (a redrawn chart costs more than a lattice). */
    private static final long CHART_REDRAW_NANOS = 400_000_000L;
    private static final long READOUT_NANOS = 250_000_000L;
    private static final List<Integer> SIZES = List.of(16, 32, 64, 128, 256, 512);

    private final ClassroomViewModel vm;
    final SpinCanvas lattice = new SpinCanvas();
    final ToggleButton run = new ToggleButton("_Run");
    final XYSeries energy = new XYSeries("E per site", false, true);
    final XYSeries magnetisation = new XYSeries("M per site", false, true);
    final XYSeries measuredM = new XYSeries("Measured ⟨|M|⟩", true, false);
    final XYSeries measuredE = new XYSeries("Measured ⟨E⟩", true, false);
    final XYSeries exactM = new XYSeries("Onsager |M|", true, false);
    final XYSeries exactE = new XYSeries("Onsager E", true, false);
    final JFreeChart timeChart;
    final JFreeChart sweepChart;
    private long lastChartRedraw;
    private long lastReadout;
    private final Label readout = new Label();

    /**
     * @param vm   the state
     * @param save asks where to save an export and writes it there
     */
    public ClassroomPane(ClassroomViewModel vm, Consumer<Export> save) {
        this.vm = vm;
        setId("classroom");
        setPadding(new Insets(6));

        timeChart = timeChart();
        sweepChart = sweepChart();
        ChartViewer timeViewer = new ChartViewer(timeChart);
        timeViewer.setId("classroom-time-chart");
        ChartViewer sweepViewer = new ChartViewer(sweepChart);
        sweepViewer.setId("classroom-sweep-chart");
        VBox charts = new VBox(6, timeViewer, sweepViewer);
        VBox.setVgrow(timeViewer, Priority.ALWAYS);
        VBox.setVgrow(sweepViewer, Priority.ALWAYS);
        timeViewer.setPrefSize(420, 260);
        // at 1280 × 800 the lattice gives way before the charts get too narrow to read
        charts.setMinWidth(380);
        sweepViewer.setPrefSize(420, 320);

        ScrollPane left = new ScrollPane(controls(save));
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.setPrefWidth(300);
        lattice.setPrefSize(520, 520);
        lattice.setFocusTraversable(true);
        lattice.setOnMouseClicked(e -> lattice.requestFocus());
        lattice.setMinSize(200, 200);
        HBox.setHgrow(lattice, Priority.ALWAYS);
        HBox.setHgrow(charts, Priority.ALWAYS);
        HBox centre = new HBox(6, lattice, charts);
        lattice.prefWidthProperty().bind(centre.heightProperty());
        setLeft(left);
        setCenter(centre);
        BorderPane.setMargin(centre, new Insets(0, 0, 0, 6));

        vm.snapshotProperty().addListener((o, a, s) -> {
            lattice.show(s);
            if (!vm.runningProperty().get() || System.nanoTime() - lastReadout > READOUT_NANOS) {
                showReadout();
            }
        });
        lattice.show(vm.snapshotProperty().get());
        showReadout();
        vm.history().addListener((ListChangeListener<ClassroomViewModel.TimePoint>) c -> timePlot());
        vm.sweepPoints().addListener((ListChangeListener<ClassroomChain.SweepPoint>) c -> sweepPlot());
        vm.couplingProperty().addListener((o, a, b) -> sweepPlot());
        vm.runningProperty().addListener((o, a, b) -> {
            redrawTimeChart();
            showReadout();
        });
        sweepPlot();

        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.pulse();
            }
        };
        sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                timer.stop();
            } else {
                timer.start();
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            // a focused button or list keeps Space for itself
            if (e.getCode() == KeyCode.SPACE && !(e.getTarget() instanceof javafx.scene.control.ButtonBase)
                    && !(e.getTarget() instanceof javafx.scene.control.ComboBoxBase)) {
                vm.runningProperty().set(!vm.runningProperty().get());
                e.consume();
            }
        });
    }

    private VBox controls(Consumer<Export> save) {
        ComboBox<Integer> size = new ComboBox<>();
        size.getItems().setAll(SIZES);
        size.setId("classroom-size");
        size.valueProperty().bindBidirectional(vm.sizeProperty());
        size.setConverter(converter(n -> n + " × " + n));
        ComboBox<SpinKind> spins = new ComboBox<>();
        spins.getItems().setAll(SpinKind.values());
        spins.setId("classroom-spins");
        spins.valueProperty().bindBidirectional(vm.spinsProperty());
        spins.setConverter(converter(s -> s == SpinKind.BINARY ? "Binary ±1" : "Continuous [−1, 1]"));
        ComboBox<Boundary> boundary = new ComboBox<>();
        boundary.getItems().setAll(Boundary.PERIODIC, Boundary.STUDY);
        boundary.setId("classroom-boundary");
        boundary.valueProperty().bindBidirectional(vm.boundaryProperty());
        boundary.setConverter(converter(b -> b == Boundary.PERIODIC ? "Periodic" : "Study (self-value edge)"));
        ComboBox<ClassroomChain.Start> start = new ComboBox<>();
        start.getItems().setAll(ClassroomChain.Start.values());
        start.setId("classroom-start");
        start.valueProperty().bindBidirectional(vm.startProperty());
        start.setConverter(converter(s -> s == ClassroomChain.Start.RANDOM ? "Random (hot)" : "Ordered (cold)"));

        Slider t = slider("classroom-temperature", 0.1, 5, vm.temperatureProperty().get());
        t.valueProperty().bindBidirectional(vm.temperatureProperty());
        Slider j = slider("classroom-coupling", -2, 2, vm.couplingProperty().get());
        j.valueProperty().bindBidirectional(vm.couplingProperty());
        Slider h = slider("classroom-field", -2, 2, vm.fieldProperty().get());
        h.valueProperty().bindBidirectional(vm.fieldProperty());

        run.setId("classroom-run");
        run.selectedProperty().bindBidirectional(vm.runningProperty());
        run.textProperty().bind(Bindings.when(vm.runningProperty()).then("_Pause").otherwise("_Run"));
        run.setMnemonicParsing(true);
        run.setTooltip(new Tooltip("Run or pause the chain (Space)"));
        Button step = new Button("S_tep");
        step.setId("classroom-step");
        step.setTooltip(new Tooltip("One sweep (every spin proposed once on average)"));
        step.disableProperty().bind(vm.runningProperty());
        step.setOnAction(e -> vm.step(1));
        Button restart = new Button("Ne_w lattice");
        restart.setId("classroom-restart");
        restart.setTooltip(new Tooltip("A new start with the chosen size, spins, boundary and start"));
        restart.setOnAction(e -> vm.rebuild());
        Button zero = new Button("_Zero averages");
        zero.setId("classroom-zero");
        zero.setOnAction(e -> vm.zeroAverages());
        Button tc = new Button("Start at T_c");
        tc.setId("classroom-tc");
        tc.setTooltip(new Tooltip(String.format(Locale.ROOT, "Binary spins, periodic, J = 1, H = 0, T = Tc = %.4f", Onsager.CRITICAL_TEMPERATURE)));
        tc.setOnAction(e -> vm.startAtCriticalTemperature());

        Button sweep = new Button("Temperature s_weep");
        sweep.setId("classroom-sweep");
        sweep.setTooltip(new Tooltip("Measure ⟨|M|⟩ and ⟨E⟩ from T = 1 to 4 (× J) against Onsager's exact curves"));
        sweep.disableProperty().bind(vm.sweepingProperty());
        sweep.setOnAction(e -> vm.temperatureSweep(16, 400, 1200));
        Button cancel = new Button("Cancel");
        cancel.setId("classroom-sweep-cancel");
        cancel.disableProperty().bind(vm.sweepingProperty().not());
        cancel.setOnAction(e -> vm.sweepProperty().get().cancel());
        ProgressBar progress = new ProgressBar(0);
        progress.setMaxWidth(Double.MAX_VALUE);
        JobProgress.follow(progress, vm.sweepProperty());
        Label note = new Label();
        note.setId("classroom-note");
        note.setWrapText(true);
        note.textProperty().bind(vm.noteProperty());
        Button csv = new Button("Export sweep CSV…");
        csv.setId("classroom-export-csv");
        csv.disableProperty().bind(Bindings.isEmpty(vm.sweepPoints()));
        csv.setOnAction(e -> save.accept(Export.csv("Export the temperature sweep", "classroom-sweep.csv", vm.sweepCsv())));
        Button png = new Button("Export charts PNG…");
        png.setId("classroom-export-png");
        png.setOnAction(e -> save.accept(Export.chartPng("Export the classroom charts", "classroom-sweep.png", sweepChart, 1200, 800)));

        readout.setId("classroom-readout");
        readout.setStyle("-fx-font-family: monospace;");

        GridPane form = new GridPane();
        form.setHgap(6);
        form.setVgap(6);
        int row = 0;
        form.addRow(row++, new Label("Lattice"), size);
        form.addRow(row++, new Label("Spins"), spins);
        form.addRow(row++, new Label("Boundary"), boundary);
        form.addRow(row++, new Label("Start"), start);
        form.addRow(row++, valueLabel("T", t), t);
        form.addRow(row++, valueLabel("J", j), j);
        form.addRow(row++, valueLabel("H", h), h);
        GridPane.setHgrow(t, Priority.ALWAYS);
        HBox buttons = new HBox(6, run, step, restart);
        HBox buttons2 = new HBox(6, zero, tc);
        HBox sweepButtons = new HBox(6, sweep, cancel);
        HBox exports = new HBox(6, csv, png);
        for (HBox b : List.of(buttons, buttons2, sweepButtons, exports)) {
            b.setAlignment(Pos.CENTER_LEFT);
        }
        VBox box = new VBox(8, new Label("Classroom Ising model"), form, buttons, buttons2, readout,
                sweepButtons, progress, note, exports);
        box.setPadding(new Insets(4));
        return box;
    }

    private static Label valueLabel(String name, Slider s) {
        Label l = new Label();
        l.setMinWidth(70);
        l.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%s = %.3f", name, s.getValue()),
                s.valueProperty()));
        return l;
    }

    private static Slider slider(String id, double min, double max, double value) {
        Slider s = new Slider(min, max, value);
        s.setId(id);
        s.setBlockIncrement((max - min) / 100);
        s.setShowTickMarks(true);
        s.setMajorTickUnit((max - min) / 4);
        return s;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }

    private void showReadout() {
        lastReadout = System.nanoTime();
        readout.setText(readout(vm.snapshotProperty().get()));
    }

    private String readout(ClassroomChain.Snapshot s) {
        if (s == null) {
            return "";
        }
        double fps = vm.framesPerSecondProperty().get();
        return String.format(Locale.ROOT, "sweeps      %,d%nE / site    %.4f%nM / site    %.4f%n⟨E⟩         %s%n⟨|M|⟩       %s%n"
                        + "acceptance  %.3f%nsamples     %,d%nframes/s    %s",
                s.sweeps(), s.energyPerSite(), s.magnetisationPerSite(), format(s.meanEnergy()), format(s.meanAbsMagnetisation()),
                s.acceptance(), s.samples(), vm.runningProperty().get() && !Double.isNaN(fps) ? String.format(Locale.ROOT, "%.0f", fps) : "–");
    }

    private static String format(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.4f", v);
    }

    private JFreeChart timeChart() {
        XYLineAndShapeRenderer er = lines(new Color(0xD94801));
        XYLineAndShapeRenderer mr = lines(new Color(0x08306B));
        energy.setMaximumItemCount(ClassroomViewModel.HISTORY);
        magnetisation.setMaximumItemCount(ClassroomViewModel.HISTORY);
        NumberAxis sweeps = new NumberAxis("Sweeps");
        sweeps.setAutoRangeIncludesZero(false);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(sweeps);
        NumberAxis e = new NumberAxis("E / site");
        e.setAutoRangeIncludesZero(false);
        NumberAxis m = new NumberAxis("M / site");
        m.setRange(-1.05, 1.05);
        plot.add(new XYPlot(new XYSeriesCollection(energy), null, e, er));
        plot.add(new XYPlot(new XYSeriesCollection(magnetisation), null, m, mr));
        plot.setGap(8);
        JFreeChart chart = new JFreeChart("Energy and magnetisation per site", plot);
        chart.removeLegend();
        style(chart, plot);
        return chart;
    }

    private JFreeChart sweepChart() {
        NumberAxis t = new NumberAxis("Temperature T");
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(t);
        NumberAxis m = new NumberAxis("⟨|M|⟩ per site");
        m.setRange(0, 1.05);
        NumberAxis e = new NumberAxis("⟨E⟩ per site");
        e.setAutoRangeIncludesZero(false);
        XYSeriesCollection ms = new XYSeriesCollection();
        ms.addSeries(exactM);
        ms.addSeries(measuredM);
        XYSeriesCollection es = new XYSeriesCollection();
        es.addSeries(exactE);
        es.addSeries(measuredE);
        plot.add(new XYPlot(ms, null, m, exactAndMeasured()));
        plot.add(new XYPlot(es, null, e, exactAndMeasured()));
        plot.setGap(8);
        JFreeChart chart = new JFreeChart("Temperature sweep against Onsager's exact solution", plot);
        style(chart, plot);
        return chart;
    }

    private static void style(JFreeChart chart, CombinedDomainXYPlot plot) {
        ChartStyle.apply(chart, 12);
        for (XYPlot p : plot.getSubplots()) {
            ChartStyle.apply(p);
        }
    }

    private static XYLineAndShapeRenderer lines(Color c) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, c);
        r.setSeriesStroke(0, new BasicStroke(1.5f));
        return r;
    }

    private static XYLineAndShapeRenderer exactAndMeasured() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesPaint(0, new Color(0x555555));
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setSeriesShapesVisible(0, false);
        r.setSeriesPaint(1, new Color(0xD94801));
        r.setSeriesLinesVisible(1, false);
        r.setSeriesShape(1, new Ellipse2D.Double(-4, -4, 8, 8));
        return r;
    }

    private void timePlot() {
        energy.setNotify(false);
        magnetisation.setNotify(false);
        List<ClassroomViewModel.TimePoint> h = vm.history();
        if (h.isEmpty() || energy.isEmpty() || h.get(0).sweep() < energy.getX(0).longValue()
                || h.size() < energy.getItemCount()) {
            energy.clear();
            magnetisation.clear();
        }
        int from = energy.isEmpty() ? 0 : indexAfter(h, energy.getX(energy.getItemCount() - 1).longValue());
        for (ClassroomViewModel.TimePoint p : h.subList(from, h.size())) {
            energy.add(p.sweep(), p.energyPerSite(), false);
            magnetisation.add(p.sweep(), p.magnetisationPerSite(), false);
        }
        if (!vm.runningProperty().get() || System.nanoTime() - lastChartRedraw > CHART_REDRAW_NANOS) {
            redrawTimeChart();
        }
    }

    private static int indexAfter(List<ClassroomViewModel.TimePoint> h, long sweep) {
        int k = h.size();
        while (k > 0 && h.get(k - 1).sweep() > sweep) {
            k--;
        }
        return k;
    }

    private void redrawTimeChart() {
        lastChartRedraw = System.nanoTime();
        energy.setNotify(true);
        magnetisation.setNotify(true);
    }

    /** Onsager's curves over the sweep's range for the current J, and the measured points. */
    private void sweepPlot() {
        double j = vm.couplingProperty().get();
        double scale = j > 0 ? j : 1;
        exactM.setNotify(false);
        exactE.setNotify(false);
        exactM.clear();
        exactE.clear();
        if (j > 0) {
            int n = 300;
            for (int k = 0; k <= n; k++) {
                double t = scale * (ClassroomViewModel.SWEEP_FROM + (ClassroomViewModel.SWEEP_TO - ClassroomViewModel.SWEEP_FROM) * k / n);
                exactM.add(t, Onsager.magnetisation(t, j), false);
                exactE.add(t, Onsager.energyPerSite(t, j), false);
            }
            double tc = Onsager.criticalTemperature(j);
            exactM.add(tc, 0, false);
            exactM.add(tc - 1e-9 * tc, Onsager.magnetisation(tc * (1 - 1e-9), j), false);
        }
        exactM.setNotify(true);
        exactE.setNotify(true);
        measuredM.setNotify(false);
        measuredE.setNotify(false);
        measuredM.clear();
        measuredE.clear();
        for (ClassroomChain.SweepPoint p : vm.sweepPoints()) {
            measuredM.add(p.temperature(), p.meanAbsMagnetisation(), false);
            measuredE.add(p.temperature(), p.meanEnergy(), false);
        }
        measuredM.setNotify(true);
        measuredE.setNotify(true);
    }
}
