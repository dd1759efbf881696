package org.iceising.app.learn;

import static org.iceising.app.WorkbenchAppTest.fx;
import static org.iceising.app.WorkbenchAppTest.observed;
import static org.iceising.app.WorkbenchAppTest.waitFor;
import static org.iceising.app.WorkbenchAppTest.waitLoaded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import org.iceising.learn.Network;
import org.iceising.learn.Reproduction;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.iceising.data.FocusArea;
import org.iceising.data.UserDataFolder;
import org.iceising.learn.SeasonBounds;
import org.iceising.learn.SeasonEvaluation;
import org.iceising.learn.TrainingSetFile;
import org.iceising.learn.TrainingSetGenerator;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.Measures;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.iceising.app.parameters.ParametersViewModel;
import org.iceising.app.WorkbenchApp;
import org.iceising.app.WorkbenchViewModel;
import org.iceising.model.Ensemble;
import org.iceising.model.Seeds;

/** The Learn tab on the sample season, with training sets small enough to run in seconds. */
@ExtendWith(ApplicationExtension.class)
class LearnViewTest {
    private static final LocalDate JUNE_16 = LocalDate.of(2018, 6, 16);
    private WorkbenchApp app;
    private WorkbenchViewModel vm;
    private LearnViewModel learn;

    @Start
    void start(Stage stage) {
        app = new WorkbenchApp();
        app.start(stage);
        vm = app.viewModel();
        learn = vm.learn();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> app.stop()).get();
    }

    /** Opens the Learn tab and returns its pane. */
    private LearnPane openLearnTab(FxRobot robot) {
        waitLoaded(vm, JUNE_16);
        robot.clickOn("Learn");
        LearnPane pane = robot.lookup("#learn-pane").queryAs(LearnPane.class);
        assertNotNull(pane);
        assertTrue(fx(() -> robot.lookup("#generate").queryButton().isVisible()));
        return pane;
    }

    /** Presses a button of the Learn tab (it may be scrolled out of sight), which must be enabled. */
    private void press(FxRobot robot, String id) {
        fx(() -> {
            Button b = robot.lookup(id).queryButton();
            assertFalse(b.isDisabled(), id + " is enabled");
            b.fire();
            return null;
        });
    }

    private void waitIdle(String what, StepJob job) {
        waitFor(what, 120, () -> !learn.state().busyProperty().get());
        assertFalse(fx(() -> job.failedProperty().get()), () -> what + ": " + fx(() -> job.messageProperty().get()));
    }

    private static String message(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private static long completeFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(TrainingSetFile.SUFFIX)).count();
        }
    }

    @Test
    void generateTrainPredictFitAndModelFilesOnTheSampleSeason(FxRobot robot, @TempDir Path dir) throws IOException {
        LearnPane pane = openLearnTab(robot);
        Path setDir = dir.resolve("set");
        assertTrue(fx(() -> learn.state().folderProperty().get()).startsWith(UserDataFolder.directory().resolve(LearnState.TRAINING_SETS)),
                "the default folder is under the user data folder");
        fx(() -> {
            vm.parameters().stepsPer3600Property().set(1_000);
            learn.state().samplesPerPeriodProperty().set(4);
            learn.state().chosenFolderProperty().set(setDir);
            learn.network().epochsProperty().set(1);
            learn.prediction().evaluationChainsProperty().set(1);
            learn.directFit().fitEvaluationsProperty().set(12);
            learn.directFit().fitChainsProperty().set(1);
            return null;
        });

        // a training set: 4 samples for each of the 13 periods whose start is observed
        robot.clickOn("#generate");
        waitIdle("the training set is generated", learn.trainingSet().job());
        assertTrue(message(robot, "#generate-message").startsWith("Training set complete: 13 periods × 4 = 52 samples"),
                message(robot, "#generate-message"));
        assertEquals(13, completeFiles(setDir));
        Lattice june16 = observed("nt_20180616_f18_nrt_n.bin", FocusArea.STUDY);
        try (TrainingSetFile f = TrainingSetFile.open(TrainingSetGenerator.fileFor(setDir, new SemiMonthlyPeriod(JUNE_16)))) {
            assertEquals(4, f.size());
            assertEquals(june16, f.header().start(), "each period starts from its observed lattice");
            assertEquals(SemiMonthlyPeriod.stepsFor(june16.activeCount(), 1_000), f.header().steps());
            assertEquals(SeasonBounds.study().melt(), f.header().bounds());
        }

        // one epoch: the loss chart gets its training and validation point
        robot.clickOn("#train");
        waitIdle("the network is trained", learn.network().job());
        assertEquals(1, fx(() -> learn.network().epochLoss().size()));
        XYSeriesCollection loss = (XYSeriesCollection) fx(() -> pane.lossChart.getChart().getXYPlot().getDataset());
        assertEquals(1, fx(() -> loss.getSeries(1).getItemCount()));
        assertEquals(fx(() -> learn.network().epochLoss().get(0).trainLoss()), fx(() -> loss.getSeries(1).getY(0).doubleValue()));
        assertEquals(fx(() -> learn.network().epochLoss().get(0).validationLoss()), fx(() -> loss.getSeries(2).getY(0).doubleValue()));
        assertTrue(fx(() -> loss.getSeries(0).getItemCount()) >= 1, "minibatch losses are drawn");
        assertTrue(message(robot, "#model-description").startsWith("cnn (") && message(robot, "#model-description")
                .contains(") · 213,101 parameters · 60 × 60 lattice · trained on 52 samples"), message(robot, "#model-description"));
        assertTrue(message(robot, "#learn-backend").startsWith("Backend: ND4J "), message(robot, "#learn-backend"));

        // prediction: one row per period observed at both ends, measured against the real files
        press(robot, "#predict");
        waitIdle("the season is predicted", learn.prediction().job());
        TableView<SeasonEvaluation.Period> table = pane.table;
        assertEquals(12, fx(() -> table.getItems().size()), "the last period has no observed end");
        SemiMonthlyPeriod sept16 = new SemiMonthlyPeriod(LocalDate.of(2018, 9, 16));
        List<String> row = fx(() -> cells(table, 6));
        assertEquals("16 Sep → 1 Oct", row.get(0));
        Lattice start = observed("nt_20180916_f18_nrt_n.bin", FocusArea.STUDY);
        Lattice end = observed("nt_20181001_f18_nrt_n.bin", FocusArea.STUDY);
        assertEquals(String.format(Locale.ROOT, "%.1f", 100 * Measures.coverage(end)), row.get(6), "observed coverage");
        assertEquals(String.format(Locale.ROOT, "%.1f", 100 * Measures.coverage(start)), row.get(8), "persistence coverage");
        assertEquals(String.format(Locale.ROOT, "%.1f", 100 * Measures.extentFraction(end)), row.get(9), "observed extent");
        assertEquals(String.format(Locale.ROOT, "%.4f", Measures.distance(start, end)), row.get(13), "persistence distance");
        IsingParams predicted = fx(() -> table.getItems().get(6).params());
        assertEquals(String.format(Locale.ROOT, "%.3f", predicted.j()), row.get(1));
        assertFalse(message(robot, "#evaluation-summary").isEmpty());

        // the season now runs with the predicted parameters, and the sliders hold the chosen period's
        assertEquals(12, fx(() -> vm.parameters().perPeriod().size()));
        IsingParams june = fx(() -> table.getItems().get(0).params());
        assertEquals(june, fx(() -> vm.parameters().params()));
        waitFor("the season charts ran", () -> vm.charts().simulated().size() == 13 && !vm.charts().busyProperty().get());
        // the charts' point: the mean of their K = 8 chains, chain k seeded by Seeds.forRun(Seeds.forRun(seed, start day), k)
        double expected = Ensemble.run(start, predicted, SimulationSettings.study(), SemiMonthlyPeriod.stepsFor(start.activeCount(), 1_000), 8,
                Seeds.forRun(ParametersViewModel.DEFAULT_SEED, sept16.start().toEpochDay()), 1, ProgressMonitor.NONE).stream()
                .mapToDouble(Measures::coverage).sum() / 8;
        assertEquals(expected, fx(() -> vm.charts().simulated().get(sept16.end()).coverage()), 1e-12);
        fx(() -> {
            vm.season().periodProperty().set(sept16);
            return null;
        });
        assertEquals(predicted, fx(() -> vm.parameters().params()), "choosing a period puts its own parameters on the sliders");

        // a direct fit of the chosen period goes to the sliders, within its box
        waitLoaded(vm, sept16.start());
        press(robot, "#fit");
        waitIdle("the period is fitted", learn.directFit().job());
        IsingParams fitted = fx(() -> vm.parameters().params());
        assertTrue(SeasonBounds.study().freeze().contains(fitted), fitted.toString());
        assertEquals(fitted, fx(() -> vm.parameters().perPeriod().get(sept16)));
        assertTrue(message(robot, "#fit-message").startsWith("Fitted 2018-09-16"), message(robot, "#fit-message"));

        // the model saved and loaded back; a damaged copy is refused with a message that names it
        Path model = dir.resolve("model" + LearnState.MODEL_SUFFIX);
        fx(() -> {
            learn.network().saveModel(model);
            return null;
        });
        waitIdle("the model is saved", learn.network().fileJob());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(model, setDir), files.sorted().toList(), "no temporary file is left");
        }
        byte[] bytes = Files.readAllBytes(model);
        for (int i = bytes.length / 3; i < bytes.length / 3 + 64; i++) {
            bytes[i] ^= 0x5A;
        }
        Path damaged = dir.resolve("damaged" + LearnState.MODEL_SUFFIX);
        Files.write(damaged, bytes);
        String before = message(robot, "#model-description");
        fx(() -> {
            learn.network().loadModel(damaged);
            return null;
        });
        waitFor("the damaged model is refused", 60, () -> !learn.state().busyProperty().get());
        String error = message(robot, "#model-file-message");
        assertTrue(fx(() -> learn.network().fileJob().failedProperty().get()));
        assertTrue(error.startsWith("Loading the model failed: " + damaged + " is damaged"), error);
        assertFalse(error.contains("Exception") || error.contains("\tat "), "a message, not a stack trace: " + error);
        assertEquals(before, message(robot, "#model-description"), "the model in use stays");

        fx(() -> {
            learn.network().loadModel(model);
            return null;
        });
        waitIdle("the model is loaded", learn.network().fileJob());
        assertEquals(before, message(robot, "#model-description"));
        assertTrue(message(robot, "#model-file-message").startsWith("Loaded " + model));
    }

    @Test
    void theNetworkPickerSaysSizeAndGpuClassAndAReproductionShowsItsStagesTableAndFigures(FxRobot robot, @TempDir Path dir) {
        LearnPane pane = openLearnTab(robot);
        waitFor("the CNN's size is counted", 60, () -> message(robot, "#network-size").startsWith("213,101 trainable parameters"));
        assertFalse(fx(() -> robot.lookup("#gpu-note").queryAs(Label.class).isVisible()));
        fx(() -> {
            robot.lookup("#learn-network").queryAs(ChoiceBox.class).getSelectionModel().select(Network.VIT);
            return null;
        });
        assertEquals(Network.VIT, fx(() -> learn.state().networkProperty().get()));
        assertEquals("3", fx(() -> robot.lookup("#learn-epochs").queryAs(TextField.class).getText()), "the ViT's 3 epochs");
        assertTrue(fx(() -> robot.lookup("#gpu-note").queryAs(Label.class).isVisible()));
        waitFor("the backend is known", 120, () -> message(robot, "#gpu-note").contains("no GPU is in use here"));
        waitFor("the ViT's size is counted", 60, () -> message(robot, "#network-size").startsWith("85,259,525 trainable parameters"));
        fx(() -> {
            learn.state().networkProperty().set(Network.CNN);
            return null;
        });
        assertFalse(fx(() -> robot.lookup("#gpu-note").queryAs(Label.class).isVisible()));

        Path run = dir.resolve("run");
        fx(() -> {
            vm.parameters().stepsPer3600Property().set(ParametersViewModel.MIN_STEPS);
            learn.reproduction().chosenFolderProperty().set(run);
            learn.reproduction().reproduce(NetworkAndReproductionStepsTest.tiny(2));
            return null;
        });
        waitIdle("the reproduction finishes", learn.reproduction().job());
        assertTrue(fx(() -> robot.lookup("#reproduction-tab").queryAs(javafx.scene.Node.class) != null));
        assertEquals(12, fx(() -> pane.reproductionTable.getItems().size()));
        assertTrue(fx(() -> pane.reproductionTable.isVisible() && pane.reproductionTable.getScene() != null), "the Reproduction tab is shown");
        Reproduction.Row june = fx(() -> pane.reproductionTable.getItems().get(0));
        List<String> cells = fx(() -> pane.reproductionTable.getVisibleLeafColumns().stream()
                .map((TableColumn<Reproduction.Row, ?> c) -> String.valueOf(c.getCellData(june))).toList());
        assertEquals(16, cells.size());
        assertEquals("16 Jun → 1 Jul", cells.get(0));
        assertTrue(cells.get(1).startsWith(String.format(Locale.ROOT, "%.2f ± ", june.params().j())), cells.get(1));
        Lattice july1 = observed("nt_20180701_f18_nrt_n.bin", FocusArea.STUDY);
        assertEquals(String.format(Locale.ROOT, "%.1f", 100 * Measures.coverage(july1)), cells.get(6), "observed coverage");
        assertEquals(String.format(Locale.ROOT, "%.4f", Measures.distance(observed("nt_20180616_f18_nrt_n.bin", FocusArea.STUDY), july1)),
                cells.get(14), "persistence distance");
        // every stage is listed with what it took
        List<String> stageTexts = fx(() -> robot.lookup("#reproduce-stages").queryAs(GridPane.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).toList());
        assertEquals(2 * Reproduction.STAGES.size(), stageTexts.size());
        for (int i = 0; i < Reproduction.STAGES.size(); i++) {
            assertEquals(Reproduction.STAGES.get(i), stageTexts.get(2 * i));
            assertTrue(stageTexts.get(2 * i + 1).matches("\\d+\\.\\d s"), stageTexts.get(2 * i + 1));
        }
        // the report's six figures, drawn
        assertEquals(Reproduction.FIGURES.size(), fx(() -> pane.figures.getChildren().size()));
        for (String f : Reproduction.FIGURES) {
            String id = "#figure-" + f.replace(".png", "");
            waitFor(f + " is loaded", 60, () -> robot.lookup(id).queryAs(ImageView.class).getImage().getProgress() >= 1);
            ImageView view = robot.lookup(id).queryAs(ImageView.class);
            assertFalse(fx(() -> view.getImage().isError()), f);
            assertTrue(fx(() -> view.getImage().getWidth() > 100 && view.getFitWidth() >= 100), f);
        }
        assertEquals(run.resolve("report.md").toString(), fx(() -> robot.lookup("#report-folder").queryAs(TextField.class).getText()));
        assertTrue(message(robot, "#reproduction-summary").startsWith("Over 12 periods"));
        // without a desktop to open folders (this test's) the tab says where the report is
        press(robot, "#open-report-folder");
        waitFor("opening is answered", 60, () -> !message(robot, "#open-report-message").isEmpty());
        assertEquals("This desktop cannot open folders; the report is in " + run, message(robot, "#open-report-message"));
    }

    /** The texts of a table row as shown, one per leaf column. */
    private static List<String> cells(TableView<SeasonEvaluation.Period> table, int row) {
        SeasonEvaluation.Period p = table.getItems().get(row);
        return table.getVisibleLeafColumns().stream().map((TableColumn<SeasonEvaluation.Period, ?> c) -> String.valueOf(c.getCellData(p))).toList();
    }

    @Test
    void cancelKeepsWhatWasGeneratedAndGeneratingAgainContinues(FxRobot robot, @TempDir Path dir) throws IOException {
        openLearnTab(robot);
        // reversed bounds are refused before anything runs
        fx(() -> {
            learn.state().boundProperty(false, false, 1).set(10);
            return null;
        });
        assertTrue(message(robot, "#bounds-error").contains("melting periods: bounds of B0 are reversed"), message(robot, "#bounds-error"));
        press(robot, "#generate");
        assertTrue(fx(() -> learn.trainingSet().job().failedProperty().get()));
        fx(() -> {
            learn.state().resetBounds();
            return null;
        });
        assertEquals("", message(robot, "#bounds-error"));

        // two blocks per period, so that a period is committed well before the whole set
        int n = 300;
        fx(() -> {
            vm.parameters().stepsPer3600Property().set(10_000);
            learn.state().samplesPerPeriodProperty().set(n);
            learn.state().chosenFolderProperty().set(dir);
            return null;
        });
        double firstPeriod = (double) n / (13 * n);
        robot.clickOn("#generate");
        waitFor("the first period is written", 60, () -> learn.trainingSet().job().progressProperty().get() > 1.2 * firstPeriod);
        press(robot, "#generate-cancel");
        waitFor("generation stops", 60, () -> !learn.state().busyProperty().get());
        assertTrue(message(robot, "#generate-message").startsWith("Generation cancelled; the samples written so far are kept"));
        long kept = completeFiles(dir);
        assertTrue(kept >= 1 && kept < 13, kept + " periods complete");

        AtomicReference<Double> lowest = new AtomicReference<>(Double.POSITIVE_INFINITY);
        fx(() -> {
            learn.trainingSet().job().progressProperty().addListener((o, a, b) -> {
                if (b.doubleValue() >= 0) {
                    lowest.set(Math.min(lowest.get(), b.doubleValue()));
                }
            });
            learn.trainingSet().generate();
            return null;
        });
        waitIdle("generation completes", learn.trainingSet().job());
        assertEquals(13, completeFiles(dir));
        assertTrue(lowest.get() >= firstPeriod - 1e-9, "the second run starts where the first stopped, not from zero: " + lowest.get());
        for (SemiMonthlyPeriod p : fx(() -> List.copyOf(vm.season().periods()))) {
            try (TrainingSetFile f = TrainingSetFile.open(TrainingSetGenerator.fileFor(dir, p))) {
                assertEquals(n, f.size());
            }
        }
    }
}
