package org.iceising.app.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.iceising.app.parameters.ParametersViewModel;
import org.iceising.learn.CnnTrainer;
import org.iceising.learn.DirectFitter;
import org.iceising.learn.Network;
import org.iceising.learn.ObservedSeason;
import org.iceising.learn.Reproduction;
import org.iceising.learn.ResNet;
import org.iceising.learn.SeasonBounds;
import org.iceising.learn.TrainingSet;
import org.iceising.model.Ensemble;
import org.iceising.model.Measures;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.Season;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network step's choice, size, GPU note, estimate and model files, and the reproduce step, on
 * the same-thread runner over the sample data's 2018 season, at tiny scales.
 */
class NetworkAndReproductionStepsTest extends SampleSeasonSteps {
    /** A training set of {@code n} samples for each observed period start of 2018. */
    private Path trainingSet(Path dir, int n) {
        TrainingSetViewModel step = new TrainingSetViewModel(state);
        state.samplesPerPeriodProperty().set(n);
        state.chosenFolderProperty().set(dir);
        step.generate();
        assertFalse(step.job().failedProperty().get(), step.job().messageProperty().get());
        return dir;
    }

    @Test
    void choosingANetworkBringsItsScheduleItsCountedSizeAndAPlainGpuNote() {
        NetworkViewModel step = new NetworkViewModel(state);
        assertEquals(Network.CNN, step.networkProperty().get());
        assertEquals("", step.sizeProperty().get(), "nothing is counted (nor Deeplearning4j started) before the size is shown");
        step.showSize();
        assertEquals("213,101 trainable parameters for the 60 × 60 lattice", step.sizeProperty().get());
        assertEquals("", step.gpuNoteProperty().get());
        assertEquals(20, step.epochsProperty().get());
        assertEquals(100, step.batchSizeProperty().get());

        step.networkProperty().set(Network.RESNET50);
        // torchvision's ResNet50 with a 2-channel stem and a 1000 → 5 head: the study's count
        assertEquals("25,558,901 trainable parameters for the 60 × 60 lattice", step.sizeProperty().get());
        assertEquals(30, step.epochsProperty().get());
        assertEquals(32, step.batchSizeProperty().get());
        assertEquals(1e-3, step.learningRateProperty().get());
        assertTrue(step.scheduleProperty().get().startsWith("ResNet50 (bottleneck 3-4-6-3"), step.scheduleProperty().get());
        assertTrue(step.scheduleProperty().get().endsWith("Defaults: batch 32, 30 epochs, learning rate 0.001"), step.scheduleProperty().get());
        assertEquals("", step.gpuNoteProperty().get(), "ResNet50 trains on a CPU");

        step.networkProperty().set(Network.VIT);
        // ViT-Base on 15 × 15 patches of 4 × 4: the study's count; counting it also started the backend
        assertEquals("85,259,525 trainable parameters for the 60 × 60 lattice", step.sizeProperty().get());
        assertEquals(3, step.epochsProperty().get());
        assertEquals(Boolean.FALSE, step.onGpuProperty().get(), "the tests run on ND4J's CPU backend");
        assertTrue(step.backendProperty().get().startsWith("ND4J CPU backend"), step.backendProperty().get());
        String note = step.gpuNoteProperty().get();
        assertTrue(note.startsWith("ViT-Base (768 wide, 12 blocks, 12 heads, patch 4) is a GPU-class network"), note);
        assertTrue(note.contains("no GPU is in use here"), note);
    }

    @Test
    void anEstimateTimesAFewMinibatchesOfTheChosenNetworkAndATooSmallSetIsRefusedInOneLine(@TempDir Path dir) throws Exception {
        Path set = trainingSet(dir.resolve("set"), 4);
        NetworkViewModel step = new NetworkViewModel(state);
        step.batchSizeProperty().set(2);
        step.estimate();
        String said = step.estimateJob().messageProperty().get();
        assertFalse(step.estimateJob().failedProperty().get(), said);
        int train;
        try (TrainingSet s = TrainingSet.open(set)) {
            train = s.size() - s.split(NetworkViewModel.VALIDATION, state.seedProperty().get()).heldOut().length;
        }
        assertTrue(said.startsWith("cnn: 213,101 trainable parameters, "), said);
        assertTrue(said.contains(String.format(Locale.ROOT, " per epoch of %,d samples", train)), said);
        assertFalse(said.contains("GPU-class"), said);
        assertEquals(1.0, step.estimateJob().progressProperty().get());
        assertEquals(Boolean.FALSE, step.onGpuProperty().get());

        // three timed minibatches of 100 after a warm-up one need 400 samples; the set has 51
        step.batchSizeProperty().set(100);
        step.estimate();
        said = step.estimateJob().messageProperty().get();
        assertTrue(step.estimateJob().failedProperty().get());
        assertEquals("Estimating an epoch of the CNN failed: Timing 3 minibatches of 100 after a warm-up one needs 400 training samples, "
                + "the set has " + train, said);
        assertEquals(0.0, step.estimateJob().progressProperty().get());
    }

    @Test
    void aLoadedModelSaysWhichNetworkItHoldsAndTheChoiceFollowsIt(@TempDir Path dir) throws Exception {
        Path set = trainingSet(dir.resolve("set"), 2);
        ResNet.Shape small = new ResNet.Shape(new int[] {1, 1, 1}, 4, 8);
        Path file = dir.resolve("resnet" + LearnState.MODEL_SUFFIX);
        try (TrainingSet s = TrainingSet.open(set)) {
            CnnTrainer.train(s, new CnnTrainer.Config(small, 1, 8, 0.1, 1e-3, 5, null), ProgressMonitor.NONE, CnnTrainer.Listener.NONE)
                    .model().save(file);
        }
        NetworkViewModel step = new NetworkViewModel(state);
        step.loadModel(file);
        assertFalse(step.fileJob().failedProperty().get(), step.fileJob().messageProperty().get());
        assertEquals(Network.RESNET50, step.networkProperty().get());
        assertEquals(Network.RESNET50, state.modelProperty().get().metadata().network());
        assertTrue(step.modelDescriptionProperty().get().startsWith("resnet50 (" + small.describe() + ") · "
                + String.format(Locale.ROOT, "%,d", small.trainableParameters()) + " parameters · 60 × 60 lattice"), step.modelDescriptionProperty().get());
        assertTrue(step.fileJob().messageProperty().get().startsWith("Loaded " + file + ": ResNet50 (" + small.describe() + "), trained with ND4J CPU backend"),
                step.fileJob().messageProperty().get());
    }

    /** The protocol at a tiny scale: a few samples, one epoch, a short refinement, two chains. */
    static Reproduction.Config tiny(int chains) {
        return new Reproduction.Config(4, 1, 0.25, 2, "cnn", "wide", SeasonBounds.wide(),
                new DirectFitter.Config(1, 4, 2, 0.3, 3, ParametersViewModel.MIN_STEPS, SimulationSettings.study()), chains, 3, 2);
    }

    @Test
    void theDefaultSettingsAreTheReproduceCommandsAndNameTheirOwnFolder() {
        ReproductionViewModel step = new ReproductionViewModel(state, simulation, charts);
        parameters.stepsPer3600Property().set(SemiMonthlyPeriod.STUDY_STEPS);
        // reproduce --season 2018 with its defaults: quick, cnn, wide boxes, K = 8, seed 1, 50,000 steps
        assertEquals(Reproduction.Config.of(Reproduction.Scale.QUICK, "cnn", "wide", SeasonBounds.wide(), 8, 1, 50_000,
                Ensemble.defaultThreads()), step.config());
        Path folder = step.folderProperty().get();
        assertTrue(folder.toString().endsWith(ReproductionViewModel.REPRODUCTIONS + "/season-2018_area-" + season.focusAreaProperty().get().row0()
                + "-" + season.focusAreaProperty().get().col0() + "-60x60_quick_cnn_wide_K8_seed1_steps50000"), folder.toString());
        step.scaleProperty().set(Reproduction.Scale.STUDY);
        step.boxesProperty().set(ReproductionViewModel.Boxes.STUDY);
        state.networkProperty().set(Network.RESNET50);
        assertEquals(Reproduction.Config.of(Reproduction.Scale.STUDY, "resnet50", "study", SeasonBounds.study(), 8, 1, 50_000,
                Ensemble.defaultThreads()), step.config());
        assertTrue(step.folderProperty().get().getFileName().toString().endsWith("_study_resnet50_study_K8_seed1_steps50000"));
        step.chainsProperty().set(0);
        step.reproduce();
        assertTrue(step.job().failedProperty().get());
        assertTrue(step.job().messageProperty().get().startsWith("need >= 2 samples, >= 1 epoch, >= 1 chain"), step.job().messageProperty().get());
    }

    @Test
    void aCancelledReproductionContinuesInItsFolderAndShowsTheTableAndFigures(@TempDir Path dir) throws Exception {
        ReproductionViewModel step = new ReproductionViewModel(state, simulation, charts);
        Path run = dir.resolve("run");
        step.chosenFolderProperty().set(run);
        // cancel as soon as training is over: the next stage stops at its first look at the monitor
        step.stages().addListener((javafx.collections.ListChangeListener<ReproductionViewModel.Stage>) c -> {
            for (ReproductionViewModel.Stage s : step.stages()) {
                if (s.name().equals("train") && s.status() == ReproductionViewModel.Status.DONE && step.job().runningProperty().get()) {
                    step.job().cancel();
                }
            }
        });
        step.reproduce(tiny(2));
        assertFalse(step.job().failedProperty().get(), step.job().messageProperty().get());
        assertTrue(step.job().messageProperty().get().startsWith("Reproduction cancelled; the stages that finished are kept"));
        List<ReproductionViewModel.Status> first = step.stages().stream().map(ReproductionViewModel.Stage::status).toList();
        assertEquals(List.of(ReproductionViewModel.Status.DONE, ReproductionViewModel.Status.DONE, ReproductionViewModel.Status.STOPPED,
                ReproductionViewModel.Status.WAITING, ReproductionViewModel.Status.WAITING, ReproductionViewModel.Status.WAITING,
                ReproductionViewModel.Status.WAITING), first);
        assertTrue(step.rows().isEmpty());
        assertTrue(Files.isRegularFile(run.resolve("model.zip")));
        assertFalse(Files.exists(run.resolve("table.csv")));

        // again: the finished stages are skipped (with the time they took then), the rest run
        Map<String, String> took = Reproduction.stageTimes(run);
        step.reproduce(tiny(2));
        assertFalse(step.job().failedProperty().get(), step.job().messageProperty().get());
        List<ReproductionViewModel.Stage> stages = List.copyOf(step.stages());
        assertEquals(Reproduction.STAGES, stages.stream().map(ReproductionViewModel.Stage::name).toList());
        assertEquals(ReproductionViewModel.Status.SKIPPED, stages.get(0).status());
        assertEquals(ReproductionViewModel.Status.SKIPPED, stages.get(1).status());
        assertEquals(Double.parseDouble(took.get("train")), stages.get(1).seconds());
        assertTrue(stages.get(1).text().startsWith("skipped: already complete ("), stages.get(1).text());
        for (ReproductionViewModel.Stage s : stages.subList(2, stages.size())) {
            assertEquals(ReproductionViewModel.Status.DONE, s.status(), s.name());
            assertTrue(s.seconds() >= 0, s.name());
        }

        // the table: one row per period observed at both ends, as table.csv holds it, measured against the real files
        ObservedSeason observed = ObservedSeason.load(season.catalogueProperty().get(), Season.study(2018), season.focusAreaProperty().get());
        assertEquals(observed.observedPeriods().size(), step.rows().size());
        assertEquals(12, step.rows().size());
        List<String> lines = Files.readAllLines(run.resolve("table.csv"));
        assertEquals(Reproduction.TABLE_HEADER, lines.get(0));
        for (int i = 0; i < step.rows().size(); i++) {
            Reproduction.Row r = step.rows().get(i);
            String[] v = lines.get(i + 1).split(",");
            assertEquals(r.period().start().toString(), v[0]);
            ObservedSeason.Pair pair = observed.pair(r.period());
            assertEquals(100 * Measures.coverage(pair.end()), Double.parseDouble(v[13]), 1e-3);
            assertEquals(100 * Measures.coverage(pair.end()), 100 * r.coverageObs(), 1e-9);
            assertEquals(Measures.distance(pair.start(), pair.end()), r.distancePersistence(), 1e-12);
            assertEquals(Double.parseDouble(v[21]), r.distanceSim(), 1e-5);
        }
        // the season charts re-run with the refined parameters, and draw their spreads as combined bands
        for (Reproduction.Row r : step.rows()) {
            assertEquals(r.params(), parameters.perPeriod().get(r.period()), r.period().toString());
            assertArrayEquals(r.sd(), parameters.perPeriodSpread().get(r.period()), 0.0, r.period().toString());
            assertTrue(charts.bands().get(r.period().end()).hasCombined(), r.period() + " has a combined band");
        }
        assertTrue(charts.noteProperty().get().contains("12 with their parameters' spread"), charts.noteProperty().get());
        assertEquals(Reproduction.summary(step.rows()), step.summaryProperty().get());
        assertTrue(step.summaryProperty().get().startsWith("Over 12 periods: mean |coverage error| "));
        assertEquals(run, step.reportFolderProperty().get());
        assertTrue(Files.readString(run.resolve("report.md")).contains("| train | " + took.get("train") + " |"),
                "the report keeps the time of the sitting that trained");
        assertEquals(Reproduction.FIGURES.stream().map(run::resolve).toList(), step.figures());
        for (Path f : step.figures()) {
            assertTrue(ImageIO.read(f.toFile()).getWidth() > 100, f.toString());
        }
        assertTrue(step.job().messageProperty().get().startsWith("Reproduced 12 periods; table.csv, the figures and report.md are in " + run));

        // the folder holds a run of these settings: another K is refused before anything runs, in one line
        step.reproduce(tiny(3));
        assertTrue(step.job().failedProperty().get());
        String said = step.job().messageProperty().get();
        assertTrue(said.startsWith("Reproducing the 2018 season failed: " + run + " holds a reproduction with other settings ("), said);
        assertFalse(said.contains("Exception") || said.contains("\n"), said);
        assertEquals(ReproductionViewModel.Status.STOPPED, step.stages().get(0).status());
    }
}
