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
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import org.iceising.learn.Network;
import org.iceising.learn.Reproduction;
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
 * The Learn tab: on the left the steps of the inverse problem (training set, network, prediction,
 * direct fit, the whole protocol), each with its settings, a progress bar, Cancel and what came of
 * it; on the right, in one tab, the live training and validation loss and the per-period results
 * table (the study's Table 1 with the re-simulation against the observation and the persistence
 * baseline), in the other the last reproduction's table and the report's figures.
 */
public final class LearnPane extends SplitPane {
    private static final String ERROR_STYLE = "-fx-text-fill: #b00020;";
    private static final String WARNING_STYLE = "-fx-text-fill: #9a4a00;";
    private static final int MINIBATCH = 0;
    private static final int TRAINING = 1;
    private static final int VALIDATION = 2;

    private final LearnViewModel vm;
    private final XYSeries minibatchLoss = new XYSeries("Minibatch loss", false);
    private final XYSeries trainingLoss = new XYSeries("Training loss (epoch mean)", false);
    private final XYSeries validationLoss = new XYSeries("Validation loss", false);
    final ChartViewer lossChart;
    final TableView<SeasonEvaluation.Period> table;
    final TableView<Reproduction.Row> reproductionTable;
    /** The last reproduction's figures, one image with its file name each. */
    final VBox figures;

    public LearnPane(LearnViewModel vm, Consumer<SemiMonthlyPeriod> open) {
        this.vm = vm;
        setId("learn-pane");

        VBox steps = new VBox(6, trainingSetPane(), networkPane(), predictPane(), fitPane(), reproducePane());
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
        hint.setMinHeight(Region.USE_PREF_SIZE);
        VBox training = new VBox(6, lossChart, table, summary, hint);
        training.setPadding(new Insets(6));
        VBox.setVgrow(lossChart, Priority.SOMETIMES);
        VBox.setVgrow(table, Priority.ALWAYS);

        reproductionTable = reproductionTable(open);
        figures = new VBox(12);
        figures.setId("reproduction-figures");
        figures.setPadding(new Insets(6));
        ScrollPane figureScroll = new ScrollPane(figures);
        figureScroll.setFitToWidth(true);
        figureScroll.setMinHeight(160);
        vm.reproduction().figures().addListener((ListChangeListener<Path>) c -> showFigures(figureScroll));
        figureScroll.viewportBoundsProperty().addListener((o, a, b) -> fitFigures(b.getWidth()));
        showFigures(figureScroll);
        Label reproductionSummary = note("reproduction-summary", vm.reproduction().summaryProperty());
        TextField report = new TextField();
        report.setId("report-folder");
        report.setEditable(false);
        report.setPromptText("Reproduce to see the run's table and the report's figures here");
        report.textProperty().bind(Bindings.createStringBinding(() -> vm.reproduction().reportFolderProperty().get() == null ? ""
                : vm.reproduction().reportFolderProperty().get().resolve("report.md").toString(), vm.reproduction().reportFolderProperty()));
        HBox.setHgrow(report, Priority.ALWAYS);
        Button openFolder = new Button("Open folder");
        openFolder.setId("open-report-folder");
        openFolder.setMinWidth(Region.USE_PREF_SIZE);
        openFolder.setTooltip(new Tooltip("Opens the folder of report.md, table.csv and the figures"));
        openFolder.disableProperty().bind(vm.reproduction().reportFolderProperty().isNull().or(vm.state().busyProperty()));
        openFolder.setOnAction(e -> vm.reproduction().openReportFolder());
        Label opened = note("open-report-message", vm.reproduction().openNoteProperty());
        opened.managedProperty().bind(vm.reproduction().openNoteProperty().isNotEmpty());
        HBox reportBar = new HBox(6, new Label("Report"), report, openFolder);
        reportBar.setAlignment(Pos.CENTER_LEFT);
        SplitPane results = new SplitPane(reproductionTable, figureScroll);
        results.setOrientation(Orientation.VERTICAL);
        results.setDividerPositions(0.45);
        VBox reproduction = new VBox(6, reportBar, opened, reproductionSummary, results);
        reproduction.setPadding(new Insets(6));
        VBox.setVgrow(results, Priority.ALWAYS);

        Tab trainingTab = new Tab("Training & prediction", training);
        Tab reproductionTab = new Tab("Reproduction", reproduction);
        reproductionTab.setId("reproduction-tab");
        TabPane right = new TabPane(trainingTab, reproductionTab);
        right.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // each run shows where its results go
        vm.reproduction().job().runningProperty().addListener((o, a, running) -> {
            if (running) {
                right.getSelectionModel().select(reproductionTab);
            }
        });
        for (StepJob j : List.of(vm.network().job(), vm.prediction().job())) {
            j.runningProperty().addListener((o, a, running) -> {
                if (running) {
                    right.getSelectionModel().select(trainingTab);
                }
            });
        }

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
        // in a narrow window the words wrap and the button keeps its name
        Label boundsLabel = new Label("Sampling bounds (also the direct fit's)");
        boundsLabel.setWrapText(true);
        boundsLabel.setMinHeight(Region.USE_PREF_SIZE);
        study.setMinWidth(Region.USE_PREF_SIZE);
        HBox boundsBar = new HBox(6, boundsLabel, spacer(), study);
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
        choose.setOnAction(e -> chooseFolder("Folder of the training set", vm.state().folderProperty().get(),
                vm.state().chosenFolderProperty()::set));
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
        NetworkViewModel net = vm.network();
        ChoiceBox<Network> choice = new ChoiceBox<>(FXCollections.observableArrayList(Network.values()));
        choice.setId("learn-network");
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Network n) {
                return n == null ? "" : NetworkViewModel.name(n);
            }

            @Override
            public Network fromString(String s) {
                return Network.parse(s);
            }
        });
        choice.valueProperty().bindBidirectional(net.networkProperty());
        choice.disableProperty().bind(vm.state().busyProperty());
        choice.setTooltip(new Tooltip("The study's three networks (MODEL.md §6); a loaded model chooses its own"));
        Label schedule = note("network-schedule", net.scheduleProperty());
        Label size = note("network-size", net.sizeProperty());
        Label gpu = note("gpu-note", net.gpuNoteProperty());
        gpu.setStyle(WARNING_STYLE);
        gpu.visibleProperty().bind(net.gpuNoteProperty().isNotEmpty());
        gpu.managedProperty().bind(gpu.visibleProperty());
        net.showSize();

        GridPane g = form();
        g.addRow(0, new Label("Network"), choice);
        g.addRow(1, new Label("Epochs"), field(net.epochsProperty(), Numbers.integer(), "learn-epochs",
                "Passes over the training set (the study: CNN 20, ResNet50 30, ViT 3)"));
        g.addRow(2, new Label("Batch size"), field(net.batchSizeProperty(), Numbers.integer(), "learn-batch",
                "Samples per minibatch (the study's CNN: 100; the others what fits in memory)"));
        g.addRow(3, new Label("Learning rate"), field(net.learningRateProperty(), plainDecimal(), "learn-rate",
                "The network's updater's learning rate (choosing a network sets its default)"));
        Button estimate = new Button("Estimate");
        estimate.setId("estimate");
        estimate.setTooltip(new Tooltip("Trains a fresh network on " + NetworkViewModel.ESTIMATE_BATCHES + " minibatches of the training set"
                + " (after a warm-up one) and scales the time to one epoch"));
        estimate.setOnAction(e -> net.estimate());
        Button train = new Button("Train");
        train.setId("train");
        train.setTooltip(new Tooltip("Trains the chosen network on the training set in the folder above; 1 % is held out for validation"));
        train.setOnAction(e -> net.train());

        Label model = new Label();
        model.setId("model-description");
        model.setWrapText(true);
        model.textProperty().bind(net.modelDescriptionProperty());
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
        backend.textProperty().bind(Bindings.concat("Backend: ", net.backendProperty()));
        return step("2 · The network", g, schedule, size, gpu, job(net.estimateJob(), "estimate", true, estimate),
                job(net.job(), "train", true, train), new Label("Model"), model, job(net.fileJob(), "model-file", false, save, load), backend);
    }

    /** A wrapping label showing a text property. */
    private static Label note(String id, ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.textProperty().bind(text);
        return l;
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

    private TitledPane reproducePane() {
        ReproductionViewModel r = vm.reproduction();
        ChoiceBox<Reproduction.Scale> scale = new ChoiceBox<>(FXCollections.observableArrayList(Reproduction.Scale.values()));
        scale.setId("reproduce-scale");
        scale.setConverter(new StringConverter<>() {
            @Override
            public String toString(Reproduction.Scale s) {
                return s == null ? "" : s.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public Reproduction.Scale fromString(String text) {
                return Reproduction.Scale.valueOf(text.toUpperCase(Locale.ROOT));
            }
        });
        scale.valueProperty().bindBidirectional(r.scaleProperty());
        ChoiceBox<ReproductionViewModel.Boxes> boxes = new ChoiceBox<>(FXCollections.observableArrayList(ReproductionViewModel.Boxes.values()));
        boxes.setId("reproduce-boxes");
        boxes.valueProperty().bindBidirectional(r.boxesProperty());
        boxes.setTooltip(new Tooltip("wide: J 0..5, B0 −20..20, Bx and By −15..15, I 0..20 for every period; study: the study's melt and"
                + " freeze boxes"));
        for (Control c : new Control[] {scale, boxes}) {
            c.disableProperty().bind(vm.state().busyProperty());
            c.setMaxWidth(Double.MAX_VALUE);
        }
        GridPane g = form();
        g.addRow(0, new Label("Scale"), scale);
        g.addRow(1, new Label("Boxes"), boxes);
        g.addRow(2, new Label("Chains per period"), field(r.chainsProperty(), Numbers.integer(), "reproduce-chains",
                "K, re-simulations of each period with the refined parameters"));
        Label uses = note("reproduce-uses", Bindings.createStringBinding(() -> String.format(Locale.ROOT,
                "%,d samples per period and %d epochs of the %s chosen above, seed %d and the simulation panel's steps: as the reproduce"
                        + " command, whose folders it continues and which continues its folders.", r.scaleProperty().get().samples(),
                r.scaleProperty().get().epochs(), NetworkViewModel.name(vm.state().networkProperty().get()), vm.state().seedProperty().get()),
                r.scaleProperty(), vm.state().networkProperty(), vm.state().seedProperty()));
        uses.setStyle("-fx-font-size: 11px;");

        TextField folder = new TextField();
        folder.setId("reproduce-folder");
        folder.setEditable(false);
        folder.textProperty().bind(Bindings.createStringBinding(() -> r.folderProperty().get() == null ? "" : r.folderProperty().get().toString(),
                r.folderProperty()));
        folder.setTooltip(new Tooltip("The run's folder: each stage whose output in it is complete is skipped"));
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> chooseFolder("Folder of the reproduction", r.folderProperty().get(), r.chosenFolderProperty()::set));
        Button defaults = new Button("Default");
        defaults.setTooltip(new Tooltip("The default folder for these settings under the user data folder"));
        defaults.setOnAction(e -> r.chosenFolderProperty().set(null));
        defaults.disableProperty().bind(r.chosenFolderProperty().isNull());
        HBox folderBar = new HBox(6, folder, choose, defaults);
        folderBar.setAlignment(Pos.CENTER_LEFT);

        Button reproduce = new Button("Reproduce");
        reproduce.setId("reproduce");
        reproduce.setTooltip(new Tooltip("generate → train → calibrate → predict → refine → re-simulate → report, on the open season;"
                + " a cancelled run continues where it stopped"));
        reproduce.setOnAction(e -> r.reproduce());

        GridPane stageGrid = new GridPane();
        stageGrid.setId("reproduce-stages");
        stageGrid.setHgap(10);
        stageGrid.setVgap(2);
        Runnable showStages = () -> {
            stageGrid.getChildren().clear();
            for (int i = 0; i < r.stages().size(); i++) {
                ReproductionViewModel.Stage st = r.stages().get(i);
                Label status = new Label(st.text());
                status.setWrapText(true);
                if (st.status() == ReproductionViewModel.Status.RUNNING) {
                    status.setStyle("-fx-font-weight: bold;");
                }
                Label name = new Label(st.name());
                name.setMinWidth(Region.USE_PREF_SIZE);
                stageGrid.addRow(i, name, status);
            }
        };
        r.stages().addListener((ListChangeListener<ReproductionViewModel.Stage>) c -> showStages.run());
        showStages.run();
        return step("5 · Reproduce the study", g, uses, new Label("Folder"), folderBar, job(r.job(), "reproduce", true, reproduce), stageGrid);
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

    private void chooseFolder(String title, Path current, Consumer<Path> chosen) {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle(title);
        if (current != null && Files.isDirectory(current)) {
            c.setInitialDirectory(current.toFile());
        }
        File dir = c.showDialog(getScene().getWindow());
        if (dir != null) {
            chosen.accept(dir.toPath());
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
        LogAxis y = new LogAxis("MSE, standardised (log scale)");
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
        t.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<SeasonEvaluation.Period, String> period = column("Period", "The period's start and end",
                (SeasonEvaluation.Period p) -> SeasonViewModel.span(p.period()));
        minWidth(period, 115);
        period.setStyle("");
        t.getColumns().add(period);
        String[] decimals = {"%.3f", "%.2f", "%.2f", "%.2f", "%.2f"};
        for (int k = 0; k < IsingParams.NAMES.length; k++) {
            int index = k;
            t.getColumns().add(minWidth(column(IsingParams.NAMES[k], "Predicted " + IsingParams.NAMES[k],
                    (SeasonEvaluation.Period p) -> String.format(Locale.ROOT, decimals[index], p.params().toArray()[index])), 50));
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
                List.of(decimal4("sim.", "Re-simulated (mean of the chains)", SeasonEvaluation.Period::distanceSimulated),
                        decimal4("pers.", "Persistence: the observed start", SeasonEvaluation.Period::distancePersistence))));
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

    private TableView<Reproduction.Row> reproductionTable(Consumer<SemiMonthlyPeriod> open) {
        TableView<Reproduction.Row> t = new TableView<>(vm.reproduction().rows());
        t.setId("reproduction-table");
        Label placeholder = new Label("Reproduce the study to fill this table: per period observed at both ends the refined parameters ± their"
                + " spread, and the re-simulation with K chains against the observation, persistence and a uniform shift (table.csv).");
        placeholder.setWrapText(true);
        placeholder.setPadding(new Insets(12));
        t.setPlaceholder(placeholder);
        t.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<Reproduction.Row, String> period = column("Period", "The period's start and end; melt or freeze",
                r -> SeasonViewModel.span(r.period()));
        minWidth(period, 115);
        t.getColumns().add(period);
        for (int k = 0; k < IsingParams.NAMES.length; k++) {
            int index = k;
            t.getColumns().add(minWidth(column(IsingParams.NAMES[k], IsingParams.NAMES[k] + " ± its calibrated spread (sd)",
                    r -> plusMinus("%.2f", r.params().toArray()[index], r.sd()[index])), 84));
        }
        t.getColumns().add(group("Coverage %", "Mean ice concentration of the focus area",
                List.of(percent("obs.", "Observed at the period's end", Reproduction.Row::coverageObs),
                        spread("sim. ± sd", "Re-simulated: mean of the K chains ± the spread of chains with drawn parameters",
                                Reproduction.Row::coverageSim, Reproduction.Row::coverageSimSd),
                        percent("pers.", "Persistence: the observed start", Reproduction.Row::coveragePersistence))));
        t.getColumns().add(group("Extent %", "Share of cells with at least 15 % ice",
                List.of(percent("obs.", "Observed at the period's end", Reproduction.Row::extentObs),
                        spread("sim. ± sd", "Re-simulated: mean of the K chains ± the spread of chains with drawn parameters",
                                Reproduction.Row::extentSim, Reproduction.Row::extentSimSd),
                        percent("pers.", "Persistence: the observed start", Reproduction.Row::extentPersistence))));
        t.getColumns().add(group("Distance", "Mean |w_sim − w_obs| to the observed end",
                List.of(decimal4("sim.", "Mean over the K chains of each chain's distance (the study's measure)", Reproduction.Row::distanceSim),
                        decimal4("ens.", "Distance of the K chains' mean lattice", Reproduction.Row::distanceEnsemble),
                        decimal4("pers.", "Persistence: the observed start", Reproduction.Row::distancePersistence),
                        decimal4("shift", "The observed start shifted uniformly to the observed end's coverage", Reproduction.Row::distanceShift))));
        t.setRowFactory(v -> {
            TableRow<Reproduction.Row> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    open.accept(row.getItem().period());
                }
            });
            return row;
        });
        return t;
    }

    /** One image per figure of the last run, with its file name, as wide as the view allows (never wider than drawn). */
    private void showFigures(ScrollPane scroll) {
        figures.getChildren().clear();
        for (Path f : vm.reproduction().figures()) {
            ImageView view = new ImageView(new Image(f.toUri().toString(), true));
            view.setPreserveRatio(true);
            view.setSmooth(true);
            view.setId("figure-" + f.getFileName().toString().replace(".png", ""));
            Label name = new Label(f.getFileName().toString());
            name.setStyle("-fx-font-size: 11px;");
            figures.getChildren().add(new VBox(2, name, view));
        }
        if (figures.getChildren().isEmpty()) {
            Label none = new Label("The report's figures (Figures 3–6 and Table 1 of the study) show here after a reproduction.");
            none.setWrapText(true);
            figures.getChildren().add(none);
        }
        fitFigures(scroll.getViewportBounds().getWidth());
    }

    private void fitFigures(double width) {
        for (Node n : figures.getChildren()) {
            if (n instanceof VBox box && box.getChildren().get(1) instanceof ImageView view) {
                Image img = view.getImage();
                Runnable fit = () -> view.setFitWidth(Math.max(100, Math.min(img.getWidth() > 0 ? img.getWidth() : width, width - 16)));
                fit.run();
                if (img.getProgress() < 1) {
                    img.progressProperty().addListener((o, a, p) -> {
                        if (p.doubleValue() >= 1) {
                            fit.run();
                        }
                    });
                }
            }
        }
    }

    private static <T> TableColumn<T, String> percent(String name, String tip, ToDoubleFunction<T> v) {
        return minWidth(column(name, tip, p -> String.format(Locale.ROOT, "%.1f", 100 * v.applyAsDouble(p))), 48);
    }

    private static <T> TableColumn<T, String> spread(String name, String tip, ToDoubleFunction<T> v, ToDoubleFunction<T> sd) {
        return minWidth(column(name, tip, p -> plusMinus("%.1f", 100 * v.applyAsDouble(p), 100 * sd.applyAsDouble(p))), 82);
    }

    /** "2.50 ± 0.12"; a spread the calibration could not bound (too few samples) reads ± ∞. */
    private static String plusMinus(String format, double value, double sd) {
        return String.format(Locale.ROOT, format, value) + " ± " + (Double.isFinite(sd) ? String.format(Locale.ROOT, format, sd) : "∞");
    }

    private static <T> TableColumn<T, String> decimal4(String name, String tip, ToDoubleFunction<T> v) {
        return minWidth(column(name, tip, p -> String.format(Locale.ROOT, "%.4f", v.applyAsDouble(p))), 62);
    }

    /** Columns keep room for their numbers; a table narrower than its columns scrolls sideways. */
    private static <T> TableColumn<T, String> minWidth(TableColumn<T, String> c, double width) {
        c.setMinWidth(width);
        c.setPrefWidth(width);
        return c;
    }

    private static <T> TableColumn<T, String> column(String name, String tip, Function<T, String> text) {
        TableColumn<T, String> c = new TableColumn<>();
        Label header = new Label(name);
        header.setTooltip(new Tooltip(tip));
        c.setGraphic(header);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setSortable(false);
        c.setReorderable(false);
        return c;
    }

    private static <T> TableColumn<T, String> group(String name, String tip, List<TableColumn<T, String>> columns) {
        TableColumn<T, String> g = column(name, tip, p -> "");
        g.setCellValueFactory(null);
        g.getColumns().addAll(columns);
        return g;
    }
}
