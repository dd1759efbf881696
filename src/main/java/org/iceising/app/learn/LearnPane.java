package org.iceising.app.learn;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.File;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.iceising.learn.CnnTrainer;
import org.iceising.learn.SeasonEvaluation;
import org.iceising.model.IsingParams;
import org.iceising.model.SemiMonthlyPeriod;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.iceising.app.controls.ChartStyle;
import org.iceising.app.controls.NumberField;
import org.iceising.app.controls.Numbers;
import org.iceising.app.season.SeasonViewModel;

/**
 * The Learn tab: on the left the four steps of the inverse problem (training set, network,
 * prediction, direct fit), each with its settings, a progress bar, Cancel and what came of it; on
 * the right the live training and validation loss and the per-period results table (the study's
 * Table 1 with the re-simulation against the observation and the persistence baseline).
 */
public final class LearnPane extends SplitPane {
    private static final String ERROR_STYLE = "-fx-text-fill: #b00020;";
    private static final int MINIBATCH = 0;
    private static final int TRAINING = 1;
    private static final int VALIDATION = 2;

    private final LearnViewModel vm;
    private final XYSeries minibatchLoss = new XYSeries("Minibatch loss", false);
    private final XYSeries trainingLoss = new XYSeries("Training loss (epoch mean)", false);
    private final XYSeries validationLoss = new XYSeries("Validation loss", false);
    final ChartViewer lossChart;
    final TableView<SeasonEvaluation.Period> table;

    public LearnPane(LearnViewModel vm, Consumer<SemiMonthlyPeriod> open) {
        this.vm = vm;
        setId("learn-pane");

        VBox steps = new VBox(6, trainingSetPane(), networkPane(), predictPane(), fitPane());
        steps.setPadding(new Insets(6));
        ScrollPane left = new ScrollPane(steps);
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.setMinWidth(360);

        lossChart = new ChartViewer(lossChart());
        lossChart.setId("loss-chart");
        lossChart.setMinHeight(200);
        lossChart.setPrefHeight(300);
        table = resultsTable(open);
        Label summary = new Label();
        summary.setId("evaluation-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.prediction().evaluationSummaryProperty());
        Label hint = new Label("Coverage: mean ice concentration; extent: cells with ≥ 15 % ice; distance: mean |w_sim − w_obs| (MODEL.md §5). "
                + "Re-simulated: mean of the chains from the period's observed start; persistence: the start itself. Double-click a row to open its period.");
        hint.setWrapText(true);
        hint.setStyle("-fx-font-size: 11px;");
        VBox right = new VBox(6, lossChart, table, summary, hint);
        right.setPadding(new Insets(6));
        VBox.setVgrow(lossChart, Priority.SOMETIMES);
        VBox.setVgrow(table, Priority.ALWAYS);

        getItems().addAll(left, right);
        setDividerPositions(0.36);
        SplitPane.setResizableWithParent(left, false);

        vm.network().batchLoss().addListener((ListChangeListener<NetworkViewModel.LossPoint>) c -> showLoss());
        vm.network().epochLoss().addListener((ListChangeListener<CnnTrainer.Epoch>) c -> showLoss());
        showLoss();
    }

    // ---- the four steps ----

    private TitledPane trainingSetPane() {
        GridPane g = form();
        int row = 0;
        g.addRow(row++, new Label("Samples per period"), field(vm.state().samplesPerPeriodProperty(), Numbers.integer(), "learn-samples",
                "N, parameter sets drawn per period (the study: 10,000)"));
        g.addRow(row++, new Label("Seed"), field(vm.state().seedProperty(), Numbers.integer(), "learn-seed",
                "Seeds the training set (which parameters, which chains) and the network's training"));
        Label sim = new Label();
        sim.textProperty().bind(vm.trainingSet().simulationNoteProperty());
        sim.setWrapText(true);
        sim.setTooltip(new Tooltip("Each sample is one period of Metropolis from the period's observed start, with the steps and temperature"
                + " of the Simulation panel"));
        g.add(new Label("Simulation"), 0, row);
        g.add(sim, 1, row++);

        Label boundsError = new Label();
        boundsError.setId("bounds-error");
        boundsError.setStyle(ERROR_STYLE);
        boundsError.setWrapText(true);
        boundsError.textProperty().bind(vm.state().boundsErrorProperty());
        boundsError.visibleProperty().bind(vm.state().boundsErrorProperty().isNotEmpty());
        boundsError.managedProperty().bind(boundsError.visibleProperty());
        Button study = new Button("Study bounds");
        study.setTooltip(new Tooltip("Back to the study's boxes (MODEL.md §6)"));
        study.setOnAction(e -> vm.state().resetBounds());
        HBox boundsBar = new HBox(6, new Label("Sampling bounds (also the direct fit's)"), spacer(), study);
        boundsBar.setAlignment(Pos.CENTER_LEFT);

        TextField folder = new TextField();
        folder.setId("learn-folder");
        folder.setEditable(false);
        folder.textProperty().bind(Bindings.createStringBinding(() -> vm.state().folderProperty().get() == null ? "" : vm.state().folderProperty().get().toString(),
                vm.state().folderProperty()));
        Tooltip folderTip = new Tooltip();
        folderTip.textProperty().bind(Bindings.createStringBinding(() -> (vm.state().chosenFolderProperty().get() == null
                ? "The default folder for these settings (season, focus area, samples, seed and a hash of bounds, steps and T): "
                + "generating again with the same settings continues the same set.\n" : "Chosen folder.\n") + folder.getText(), folder.textProperty()));
        folder.setTooltip(folderTip);
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> chooseFolder());
        Button defaults = new Button("Default");
        defaults.setTooltip(new Tooltip("The default folder under the user data folder"));
        defaults.setOnAction(e -> vm.state().chosenFolderProperty().set(null));
        defaults.disableProperty().bind(vm.state().chosenFolderProperty().isNull());
        HBox folderBar = new HBox(6, folder, choose, defaults);
        folderBar.setAlignment(Pos.CENTER_LEFT);

        Button generate = new Button("Generate");
        generate.setId("generate");
        generate.setTooltip(new Tooltip("Simulates N periods per observed period start of this season and stores them; "
                + "a cancelled set continues where it stopped"));
        generate.setOnAction(e -> vm.trainingSet().generate());
        return step("1 · Training set for this season", g, boundsBar, boundsGrid(), boundsError,
                new Label("Folder"), folderBar, job(vm.trainingSet().job(), "generate", true, generate));
    }

    private GridPane boundsGrid() {
        GridPane g = new GridPane();
        g.setHgap(4);
        g.setVgap(3);
        g.getColumnConstraints().add(new ColumnConstraints(78));
        for (int k = 0; k < IsingParams.NAMES.length; k++) {
            ColumnConstraints c = new ColumnConstraints(40, 56, Double.MAX_VALUE);
            c.setHgrow(Priority.ALWAYS);
            g.getColumnConstraints().add(c);
            Label name = new Label(IsingParams.NAMES[k]);
            name.setMaxWidth(Double.MAX_VALUE);
            name.setAlignment(Pos.CENTER);
            g.add(name, k + 1, 0);
        }
        String[] rows = {"Melt from", "Melt to", "Freeze from", "Freeze to"};
        for (int r = 0; r < rows.length; r++) {
            boolean freezing = r >= 2;
            boolean upper = r % 2 == 1;
            g.add(new Label(rows[r]), 0, r + 1);
            for (int k = 0; k < IsingParams.NAMES.length; k++) {
                TextField f = field(vm.state().boundProperty(freezing, upper, k), Numbers.decimal(),
                        "bound-" + (freezing ? "freeze" : "melt") + "-" + (upper ? "to" : "from") + "-" + IsingParams.NAMES[k],
                        (upper ? "Upper" : "Lower") + " end of " + IsingParams.NAMES[k] + " for " + (freezing ? "freezing periods (from 15 September)"
                                : "melting periods (starting before 15 September)"));
                f.setPrefColumnCount(4);
                g.add(f, k + 1, r + 1);
            }
        }
        return g;
    }

    private TitledPane networkPane() {
        GridPane g = form();
        g.addRow(0, new Label("Epochs"), field(vm.network().epochsProperty(), Numbers.integer(), "learn-epochs", "Passes over the training set (the study: 20)"));
        g.addRow(1, new Label("Batch size"), field(vm.network().batchSizeProperty(), Numbers.integer(), "learn-batch", "Samples per minibatch (the study: 100)"));
        g.addRow(2, new Label("Learning rate"), field(vm.network().learningRateProperty(), plainDecimal(), "learn-rate", "Adam's learning rate (the study: 0.0001)"));
        Button train = new Button("Train");
        train.setId("train");
        train.setTooltip(new Tooltip("Trains the study's CNN (MODEL.md §6) on the training set in the folder above; 1 % is held out for validation"));
        train.setOnAction(e -> vm.network().train());

        Label model = new Label();
        model.setId("model-description");
        model.setWrapText(true);
        model.textProperty().bind(vm.network().modelDescriptionProperty());
        Button save = new Button("Save model…");
        save.setId("save-model");
        save.setOnAction(e -> saveModel());
        save.disableProperty().bind(vm.state().modelProperty().isNull().or(vm.state().busyProperty()));
        Button load = new Button("Load model…");
        load.setId("load-model");
        load.setOnAction(e -> loadModel());
        Label backend = new Label();
        backend.setId("learn-backend");
        backend.setWrapText(true);
        backend.setStyle("-fx-font-size: 11px;");
        backend.textProperty().bind(Bindings.concat("Backend: ", vm.network().backendProperty()));
        return step("2 · The CNN", g, job(vm.network().job(), "train", true, train), new Label("Model"), model,
                job(vm.network().fileJob(), "model-file", false, save, load), backend);
    }

    private TitledPane predictPane() {
        GridPane g = form();
        g.addRow(0, new Label("Chains per period"), field(vm.prediction().evaluationChainsProperty(), Numbers.integer(), "learn-chains",
                "K, re-simulations of each period from its observed start with the predicted parameters"));
        Button predict = new Button("Predict season");
        predict.setId("predict");
        predict.setTooltip(new Tooltip("Reads the parameters of every observed period off its start and end, re-simulates each period, "
                + "and runs the season charts with them"));
        predict.setOnAction(e -> vm.prediction().predict());
        predict.disableProperty().bind(vm.state().modelProperty().isNull().or(vm.state().busyProperty()));
        return step("3 · Predict the season", g, job(vm.prediction().job(), "predict", true, predict));
    }

    private TitledPane fitPane() {
        GridPane g = form();
        g.addRow(0, new Label("Evaluations"), field(vm.directFit().fitEvaluationsProperty(), Numbers.integer(), "fit-evaluations",
                "CMA-ES evaluation budget"));
        g.addRow(1, new Label("Chains"), field(vm.directFit().fitChainsProperty(), Numbers.integer(), "fit-chains",
                "K, chains averaged per evaluation (each evaluation runs them in parallel)"));
        Button fit = new Button("Fit this period");
        fit.setId("fit");
        fit.setTooltip(new Tooltip("Minimises the distance between simulated and observed end of the chosen period within its bounds"
                + " (CMA-ES); the result goes to the sliders"));
        fit.setOnAction(e -> vm.directFit().fitPeriod());
        return step("4 · Fit the chosen period directly", g, job(vm.directFit().job(), "fit", true, fit));
    }

    private static TitledPane step(String title, Node... content) {
        VBox box = new VBox(6, content);
        TitledPane pane = new TitledPane(title, box);
        pane.setCollapsible(false);
        return pane;
    }

    private static GridPane form() {
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(4);
        ColumnConstraints label = new ColumnConstraints(Region.USE_PREF_SIZE, Region.USE_COMPUTED_SIZE, Region.USE_PREF_SIZE);
        ColumnConstraints value = new ColumnConstraints(80, 120, Double.MAX_VALUE);
        value.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(label, value);
        return g;
    }

    /** A number field; text that is not a number is put back and said so in its tooltip. */
    private static TextField field(Property<Number> p, StringConverter<Number> converter, String id, String tip) {
        NumberField f = new NumberField(id, "", null, converter, p);
        Tooltip t = new Tooltip(tip);
        t.textProperty().bind(Bindings.when(f.noteProperty().isEmpty()).then(tip).otherwise(f.noteProperty()));
        f.setTooltip(t);
        f.noteProperty().addListener((o, a, b) -> f.setStyle(b.isEmpty() ? "" : "-fx-border-color: #b35c00;"));
        return f;
    }

    /** Decimals as typed, without rounding (learning rates like 0.00003). */
    private static StringConverter<Number> plainDecimal() {
        StringConverter<Number> read = Numbers.decimal();
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n == null ? "" : BigDecimal.valueOf(n.doubleValue()).stripTrailingZeros().toPlainString();
            }

            @Override
            public Number fromString(String s) {
                return read.fromString(s);
            }
        };
    }

    /** A job's row: its buttons, a progress bar and (if it can stop) Cancel, with its message below. */
    private VBox job(StepJob job, String id, boolean cancellable, Button... actions) {
        for (Button b : actions) {
            if (!b.disableProperty().isBound()) {
                b.disableProperty().bind(vm.state().busyProperty());
            }
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        ProgressBar bar = new ProgressBar(0);
        bar.setId(id + "-progress");
        bar.progressProperty().bind(job.progressProperty());
        if (!cancellable) {
            bar.visibleProperty().bind(job.runningProperty());
        }
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setMinWidth(60);
        HBox.setHgrow(bar, Priority.ALWAYS);
        HBox row = new HBox(6);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getChildren().addAll(actions);
        row.getChildren().add(bar);
        if (cancellable) {
            Button cancel = new Button("Cancel");
            cancel.setId(id + "-cancel");
            cancel.setMinWidth(Region.USE_PREF_SIZE);
            cancel.setOnAction(e -> job.cancel());
            cancel.disableProperty().bind(job.runningProperty().not());
            row.getChildren().add(cancel);
        }
        Label message = new Label();
        message.setId(id + "-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(job.messageProperty());
        message.styleProperty().bind(Bindings.when(job.failedProperty()).then(ERROR_STYLE).otherwise(""));
        return new VBox(4, row, message);
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    // ---- files ----

    private void chooseFolder() {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("Folder of the training set");
        Path current = vm.state().folderProperty().get();
        if (current != null && Files.isDirectory(current)) {
            c.setInitialDirectory(current.toFile());
        }
        File dir = c.showDialog(getScene().getWindow());
        if (dir != null) {
            vm.state().chosenFolderProperty().set(dir.toPath());
        }
    }

    private FileChooser modelChooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("IceIsing CNN (*" + LearnState.MODEL_SUFFIX + ")",
                "*" + LearnState.MODEL_SUFFIX));
        Path models = LearnState.modelFolder();
        if (Files.isDirectory(models)) {
            c.setInitialDirectory(models.toFile());
        }
        return c;
    }

    private void saveModel() {
        FileChooser c = modelChooser("Save the model");
        c.setInitialFileName("iceising-cnn" + LearnState.MODEL_SUFFIX);
        File f = c.showSaveDialog(getScene().getWindow());
        if (f != null) {
            vm.network().saveModel(f.toPath());
        }
    }

    private void loadModel() {
        File f = modelChooser("Load a model").showOpenDialog(getScene().getWindow());
        if (f != null) {
            vm.network().loadModel(f.toPath());
        }
    }

    // ---- the loss chart ----

    private JFreeChart lossChart() {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(minibatchLoss);
        data.addSeries(trainingLoss);
        data.addSeries(validationLoss);
        JFreeChart chart = ChartFactory.createXYLineChart("Training and validation loss", "Epoch", null, data,
                PlotOrientation.VERTICAL, true, true, false);
        XYPlot plot = ChartStyle.apply(chart, 14);
        plot.setNoDataMessage("Train the CNN to see its loss here, epoch by epoch");
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setAutoRangeIncludesZero(true);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        LogAxis y = new LogAxis("MSE, standardised parameters (log scale)");
        y.setSmallestValue(1e-6);
        y.setNumberFormatOverride(new DecimalFormat("0.###"));
        plot.setRangeAxis(y);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(MINIBATCH, new Color(0x9ECAE1));
        r.setSeriesShapesVisible(MINIBATCH, false);
        r.setSeriesStroke(MINIBATCH, new BasicStroke(1f));
        r.setSeriesPaint(TRAINING, new Color(0x08306B));
        r.setSeriesStroke(TRAINING, new BasicStroke(2f));
        r.setSeriesPaint(VALIDATION, new Color(0xD94801));
        r.setSeriesStroke(VALIDATION, new BasicStroke(2f));
        plot.setRenderer(r);
        return chart;
    }

    private void showLoss() {
        append(minibatchLoss, vm.network().batchLoss(), NetworkViewModel.LossPoint::epoch, NetworkViewModel.LossPoint::loss);
        List<CnnTrainer.Epoch> epochs = vm.network().epochLoss();
        append(trainingLoss, epochs, CnnTrainer.Epoch::epoch, CnnTrainer.Epoch::trainLoss);
        append(validationLoss, epochs, CnnTrainer.Epoch::epoch, CnnTrainer.Epoch::validationLoss);
    }

    /** Brings a series up to date with an append-only list that may be cleared. */
    private static <T> void append(XYSeries s, List<T> points, ToDoubleFunction<T> x, ToDoubleFunction<T> y) {
        if (points.size() < s.getItemCount()) {
            s.clear();
        }
        for (int i = s.getItemCount(); i < points.size(); i++) {
            T p = points.get(i);
            s.add(x.applyAsDouble(p), y.applyAsDouble(p), i == points.size() - 1);
        }
    }

    // ---- the results table ----

    private TableView<SeasonEvaluation.Period> resultsTable(Consumer<SemiMonthlyPeriod> open) {
        TableView<SeasonEvaluation.Period> t = new TableView<>(vm.prediction().evaluation());
        t.setId("evaluation-table");
        Label placeholder = new Label("Predict the season to fill this table: the parameters of every observed period (the study's Table 1),"
                + " and its re-simulation against the observation and the persistence baseline.");
        placeholder.setWrapText(true);
        placeholder.setPadding(new Insets(12));
        t.setPlaceholder(placeholder);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<SeasonEvaluation.Period, String> period = column("Period", "The period's start and end",
                p -> SeasonViewModel.span(p.period()));
        period.setMinWidth(115);
        period.setStyle("");
        t.getColumns().add(period);
        String[] decimals = {"%.3f", "%.2f", "%.2f", "%.2f", "%.2f"};
        for (int k = 0; k < IsingParams.NAMES.length; k++) {
            int index = k;
            t.getColumns().add(column(IsingParams.NAMES[k], "Predicted " + IsingParams.NAMES[k],
                    p -> String.format(Locale.ROOT, decimals[index], p.params().toArray()[index])));
        }
        t.getColumns().add(group("Coverage %", "Mean ice concentration of the focus area",
                List.of(percent("obs.", "Observed at the period's end", SeasonEvaluation.Period::coverageObserved),
                        percent("sim.", "Re-simulated (mean of the chains)", SeasonEvaluation.Period::coverageSimulated),
                        percent("pers.", "Persistence: the observed start", SeasonEvaluation.Period::coverageStart))));
        t.getColumns().add(group("Extent %", "Share of cells with at least 15 % ice",
                List.of(percent("obs.", "Observed at the period's end", SeasonEvaluation.Period::extentObserved),
                        percent("sim.", "Re-simulated (mean of the chains)", SeasonEvaluation.Period::extentSimulated),
                        percent("pers.", "Persistence: the observed start", SeasonEvaluation.Period::extentStart))));
        t.getColumns().add(group("Distance", "Mean |w_sim − w_obs| to the observed end",
                List.of(column("sim.", "Re-simulated (mean of the chains)", p -> String.format(Locale.ROOT, "%.4f", p.distanceSimulated())),
                        column("pers.", "Persistence: the observed start", p -> String.format(Locale.ROOT, "%.4f", p.distancePersistence())))));
        t.setRowFactory(v -> {
            TableRow<SeasonEvaluation.Period> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    open.accept(row.getItem().period());
                }
            });
            return row;
        });
        return t;
    }

    private static TableColumn<SeasonEvaluation.Period, String> percent(String name, String tip, ToDoubleFunction<SeasonEvaluation.Period> v) {
        return column(name, tip, p -> String.format(Locale.ROOT, "%.1f", 100 * v.applyAsDouble(p)));
    }

    private static TableColumn<SeasonEvaluation.Period, String> column(String name, String tip, Function<SeasonEvaluation.Period, String> text) {
        TableColumn<SeasonEvaluation.Period, String> c = new TableColumn<>();
        Label header = new Label(name);
        header.setTooltip(new Tooltip(tip));
        c.setGraphic(header);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setSortable(false);
        c.setReorderable(false);
        return c;
    }

    private static TableColumn<SeasonEvaluation.Period, String> group(String name, String tip,
                                                                     List<TableColumn<SeasonEvaluation.Period, String>> columns) {
        TableColumn<SeasonEvaluation.Period, String> g = column(name, tip, p -> "");
        g.setCellValueFactory(null);
        g.getColumns().addAll(columns);
        return g;
    }
}
