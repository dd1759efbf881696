package org.iceising.app.learn;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.iceising.data.FocusArea;
import org.iceising.data.UserDataFolder;
import org.iceising.learn.Backend;
import org.iceising.learn.CnnTrainer;
import org.iceising.learn.DirectFitter;
import org.iceising.learn.InverseModel;
import org.iceising.learn.ModelMetadata;
import org.iceising.learn.ObservedSeason;
import org.iceising.learn.ParameterBounds;
import org.iceising.learn.ParameterRecovery;
import org.iceising.learn.SeasonBounds;
import org.iceising.learn.SeasonEvaluation;
import org.iceising.learn.TrainingSet;
import org.iceising.learn.TrainingSetGenerator;
import org.iceising.model.Ensemble;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.Season;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;
import org.iceising.app.controls.Numbers;
import org.iceising.app.charts.SeasonChartsViewModel;
import org.iceising.app.simulation.SimulationViewModel;
import org.iceising.app.parameters.ParametersViewModel;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.app.task.MonitoredTask;

/**
 * The inverse problem in the workbench (MODEL.md §6) as observable state over the learn services:
 * generate a training set for the open season, train the study's CNN on it with a live loss
 * history, save or load a model, predict every observed period and re-simulate it against the
 * observation and the persistence baseline, and fit the chosen period directly. Each is a
 * cancellable background job on a thread of its own, one at a time.
 *
 * <p>Deeplearning4j and ND4J load only when a job that needs them runs (training, loading or
 * saving a model, predicting), so the workbench starts without them.
 */
public final class LearnViewModel implements AutoCloseable {
    /** Share of the training set held out for validation: the study's 1 %. */
    static final double VALIDATION = 0.01;
    /** The folder under the user data folder that holds the default training-set folders. */
    static final String TRAINING_SETS = "training-sets";
    /** The folder under the user data folder offered for models. */
    static final String MODELS = "models";
    /** The model file extension. */
    static final String MODEL_SUFFIX = ".icecnn";
    /** Loss points of the live chart: at most one per this many milliseconds within an epoch. */
    private static final long LOSS_POINT_MILLIS = 150;

    /** A kind of job (generate, train, ...): its task while it runs, its progress and what came of its last run. */
    public static final class Job {
        private final String cancelled;
        private final ReadOnlyObjectWrapper<Task<?>> task = new ReadOnlyObjectWrapper<>(this, "task");
        private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
        private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
        private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
        private final BooleanBinding running = task.isNotNull();

        Job(String cancelled) {
            this.cancelled = cancelled;
        }

        private void begin(Task<?> t) {
            failed.set(false);
            progress.bind(t.progressProperty());
            message.bind(t.messageProperty());
            task.set(t);
        }

        private void end(String text, boolean error, double at) {
            task.set(null);
            progress.unbind();
            progress.set(at);
            message.unbind();
            message.set(text);
            failed.set(error);
        }

        /** Says something without running (a setting that is wrong, nothing to work on). */
        private void refuse(String text) {
            end(text, true, 0);
        }

        /** The task while the job runs, else null. */
        public ReadOnlyObjectProperty<Task<?>> taskProperty() {
            return task.getReadOnlyProperty();
        }

        public BooleanBinding runningProperty() {
            return running;
        }

        /** 0..1 while running (−1 while the amount is unknown); 1 after success. */
        public ReadOnlyDoubleProperty progressProperty() {
            return progress.getReadOnlyProperty();
        }

        /** The task's message while it runs; afterwards what came of it. */
        public ReadOnlyStringProperty messageProperty() {
            return message.getReadOnlyProperty();
        }

        /** True if the last run failed or was refused: {@link #messageProperty()} says why. */
        public ReadOnlyBooleanProperty failedProperty() {
            return failed.getReadOnlyProperty();
        }

        /** Cancels the job if it runs. */
        public void cancel() {
            Task<?> t = task.get();
            if (t != null) {
                t.cancel();
            }
        }
    }

    /** One point of the minibatch loss curve: the mean loss of the minibatches since the last point, at a fractional epoch. */
    public record LossPoint(double epoch, double loss) {
    }

    private final SeasonViewModel season;
    private final ParametersViewModel parameters;
    private final SimulationViewModel simulation;
    private final SeasonChartsViewModel charts;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "iceising-learn");
        t.setDaemon(true);
        return t;
    });

    private final Job generate = new Job("Generation cancelled; the samples written so far are kept: Generate again with the same"
            + " settings to continue.");
    private final Job train = new Job("Training cancelled; no model was made.");
    private final Job modelFile = new Job("Cancelled.");
    private final Job predict = new Job("Prediction cancelled.");
    private final Job fit = new Job("Direct fit cancelled.");
    private final List<Job> jobs = List.of(generate, train, modelFile, predict, fit);
    private final BooleanBinding busy;

    private final IntegerProperty samplesPerPeriod = new SimpleIntegerProperty(this, "samplesPerPeriod", 10_000);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", ParametersViewModel.DEFAULT_SEED);
    private final DoubleProperty[][][] bounds = new DoubleProperty[2][2][IsingParams.NAMES.length];
    private final StringBinding boundsError;
    private final ObjectProperty<Path> chosenFolder = new SimpleObjectProperty<>(this, "chosenFolder");
    private final ObjectBinding<Path> folder;
    private final StringBinding simulationNote;

    private final IntegerProperty epochs;
    private final IntegerProperty batchSize;
    private final DoubleProperty learningRate;
    private final ObservableList<LossPoint> batchLoss = FXCollections.observableArrayList();
    private final ObservableList<CnnTrainer.Epoch> epochLoss = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<InverseModel> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyStringWrapper modelDescription = new ReadOnlyStringWrapper(this, "modelDescription", "No model yet: train one or load one.");
    private final ReadOnlyStringWrapper backend = new ReadOnlyStringWrapper(this, "backend",
            "Not loaded yet: Deeplearning4j starts when a model is trained, loaded or used.");

    private final IntegerProperty evaluationChains;
    private final ObservableList<SeasonEvaluation.Period> evaluation = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper evaluationSummary = new ReadOnlyStringWrapper(this, "evaluationSummary", "");

    private final IntegerProperty fitEvaluations;
    private final IntegerProperty fitChains;

    public LearnViewModel(SeasonViewModel season, ParametersViewModel parameters, SimulationViewModel simulation,
                          SeasonChartsViewModel charts) {
        this.season = season;
        this.parameters = parameters;
        this.simulation = simulation;
        this.charts = charts;
        busy = Bindings.createBooleanBinding(() -> jobs.stream().anyMatch(j -> j.running.get()),
                jobs.stream().map(j -> j.running).toArray(BooleanBinding[]::new));

        for (DoubleProperty[][] regime : bounds) {
            for (DoubleProperty[] end : regime) {
                Arrays.setAll(end, k -> new SimpleDoubleProperty(this, "bound"));
            }
        }
        resetBounds();
        Observable[] allBounds = Arrays.stream(bounds).flatMap(Arrays::stream).flatMap(Arrays::stream).toArray(Observable[]::new);
        boundsError = Bindings.createStringBinding(() -> {
            try {
                bounds();
                return "";
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }, allBounds);

        Observable[] folderInputs = Stream.concat(Arrays.stream(allBounds), Stream.of(chosenFolder, samplesPerPeriod, seed,
                season.yearProperty(), season.focusAreaProperty(), parameters.stepsPer3600Property(), parameters.settingsProperty()))
                .toArray(Observable[]::new);
        folder = Bindings.createObjectBinding(() -> {
            if (chosenFolder.get() != null) {
                return chosenFolder.get();
            }
            Integer year = season.yearProperty().get();
            try {
                return year == null ? null : defaultFolder(UserDataFolder.directory(), year, season.focusAreaProperty().get(), generatorSettings());
            } catch (IllegalArgumentException settingsNotValid) {
                return null;
            }
        }, folderInputs);

        simulationNote = Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%,d steps per period for 3,600 cells, T = %s",
                parameters.stepsPer3600Property().get(), Numbers.trim(parameters.settings().temperature(), 3)),
                parameters.stepsPer3600Property(), parameters.settingsProperty());

        CnnTrainer.Config studyTraining = CnnTrainer.Config.study(seed.get());
        epochs = new SimpleIntegerProperty(this, "epochs", studyTraining.epochs());
        batchSize = new SimpleIntegerProperty(this, "batchSize", studyTraining.batchSize());
        learningRate = new SimpleDoubleProperty(this, "learningRate", studyTraining.learningRate());
        DirectFitter.Config fitDefaults = DirectFitter.Config.defaults(seed.get());
        fitEvaluations = new SimpleIntegerProperty(this, "fitEvaluations", fitDefaults.maxEvaluations());
        fitChains = new SimpleIntegerProperty(this, "fitChains", fitDefaults.seeds());
        evaluationChains = new SimpleIntegerProperty(this, "evaluationChains", fitDefaults.seeds());

        // a prediction belongs to one season and focus area
        season.yearProperty().addListener((o, a, b) -> clearEvaluation());
        season.focusAreaProperty().addListener((o, a, b) -> clearEvaluation());
    }

    /**
     * The default folder of a training set: {@value #TRAINING_SETS} under the user data folder,
     * named by season, focus area, samples per period and seed, and a short hash of the bounds,
     * steps and simulation settings, so that the same settings always meet (and continue) the
     * same set and other settings never collide with it.
     */
    static Path defaultFolder(Path userData, int year, FocusArea area, TrainingSetGenerator.Settings s) {
        String rest = s.bounds().melt() + ";" + s.bounds().freeze() + ";" + s.stepsPer3600() + ";" + s.simulation();
        String hash;
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(rest.getBytes(StandardCharsets.UTF_8));
            hash = HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        return userData.resolve(TRAINING_SETS).resolve(String.format(Locale.ROOT, "season-%d_area-%d-%d-%dx%d_N%d_seed%d_%s",
                year, area.row0(), area.col0(), area.rows(), area.cols(), s.samplesPerPeriod(), s.seed(), hash));
    }

    /** Where models are offered to be saved and loaded from: {@value #MODELS} under the user data folder. */
    static Path modelFolder() {
        return UserDataFolder.directory().resolve(MODELS);
    }

    // ---- training set ----

    public IntegerProperty samplesPerPeriodProperty() {
        return samplesPerPeriod;
    }

    /** Seeds the training set and the network's training. */
    public LongProperty seedProperty() {
        return seed;
    }

    /**
     * One end of one parameter's range.
     *
     * @param freezing the freezing box (periods from 15 September) rather than the melting box
     * @param upper    the upper end rather than the lower
     * @param k        the parameter, in {@link IsingParams#NAMES} order
     */
    public DoubleProperty boundProperty(boolean freezing, boolean upper, int k) {
        return bounds[freezing ? 1 : 0][upper ? 1 : 0][k];
    }

    /**
     * The melting and freezing boxes as edited.
     *
     * @throws IllegalArgumentException if a range is reversed
     */
    public SeasonBounds bounds() {
        return new SeasonBounds(box(0, "melting"), box(1, "freezing"));
    }

    private ParameterBounds box(int regime, String name) {
        double[] lo = new double[IsingParams.NAMES.length];
        double[] hi = new double[IsingParams.NAMES.length];
        for (int k = 0; k < lo.length; k++) {
            lo[k] = bounds[regime][0][k].get();
            hi[k] = bounds[regime][1][k].get();
        }
        try {
            return new ParameterBounds(IsingParams.fromArray(lo), IsingParams.fromArray(hi));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " periods: " + e.getMessage(), e);
        }
    }

    /** What is wrong with the bounds, or "". */
    public StringBinding boundsErrorProperty() {
        return boundsError;
    }

    /** Back to the study's boxes (MODEL.md §6). */
    public void resetBounds() {
        SeasonBounds study = SeasonBounds.study();
        for (int k = 0; k < IsingParams.NAMES.length; k++) {
            boundProperty(false, false, k).set(study.melt().lower(k));
            boundProperty(false, true, k).set(study.melt().upper(k));
            boundProperty(true, false, k).set(study.freeze().lower(k));
            boundProperty(true, true, k).set(study.freeze().upper(k));
        }
    }

    /** A folder the user chose for the training set, or null for the default. */
    public ObjectProperty<Path> chosenFolderProperty() {
        return chosenFolder;
    }

    /** The training set's folder: the chosen one or the default for these settings (null while there is none). */
    public ObjectBinding<Path> folderProperty() {
        return folder;
    }

    /** The steps and temperature a training set is simulated with: the simulation panel's, in words. */
    public StringBinding simulationNoteProperty() {
        return simulationNote;
    }

    private TrainingSetGenerator.Settings generatorSettings() {
        return new TrainingSetGenerator.Settings(samplesPerPeriod.get(), seed.get(), parameters.stepsPer3600Property().get(), bounds(),
                parameters.settings());
    }

    /**
     * Generates (or continues) the training set of the open season in {@link #folderProperty()}:
     * samples per period from every observed period start, with the steps and temperature of the
     * simulation panel.
     */
    public void generate() {
        Integer year = season.yearProperty().get();
        if (year == null) {
            generate.refuse("No season is open.");
            return;
        }
        TrainingSetGenerator.Settings settings;
        try {
            settings = generatorSettings();
        } catch (IllegalArgumentException e) {
            generate.refuse(e.getMessage());
            return;
        }
        Path dir = folder.get();
        FocusArea area = season.focusAreaProperty().get();
        start(generate, "Generating the training set", m -> {
            ObservedSeason observed = observedSeason(Season.study(year), area);
            if (observed.starts().isEmpty()) {
                throw new IllegalStateException("no period of the " + year + " season has an observed start in the data folder");
            }
            return new TrainingSetGenerator(settings, Ensemble.defaultThreads()).generate(observed.starts(), dir, m);
        }, files -> String.format(Locale.ROOT, "Training set complete: %d periods × %,d = %,d samples in %s", files.size(),
                settings.samplesPerPeriod(), (long) files.size() * settings.samplesPerPeriod(), dir));
    }

    /** The observed lattices of a season's period boundaries in the focus area, read through the grid cache (any thread). */
    private ObservedSeason observedSeason(Season s, FocusArea area) {
        SortedMap<LocalDate, Lattice> lattices = new TreeMap<>();
        for (LocalDate d : s.dates()) {
            if (season.isPresent(d)) {
                lattices.put(d, area.lattice(season.grid(d, area)));
            }
        }
        return new ObservedSeason(s, lattices);
    }

    // ---- the network ----

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public DoubleProperty learningRateProperty() {
        return learningRate;
    }

    /** The minibatch losses of the training in progress or last run, a point every fraction of an epoch. */
    public ObservableList<LossPoint> batchLoss() {
        return batchLoss;
    }

    /** The finished epochs of the training in progress or last run: training and validation loss. */
    public ObservableList<CnnTrainer.Epoch> epochLoss() {
        return epochLoss;
    }

    /** The trained or loaded model, or null. */
    public ReadOnlyObjectProperty<InverseModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    /** The model in one line: parameters, lattice, what it was trained on. */
    public ReadOnlyStringProperty modelDescriptionProperty() {
        return modelDescription.getReadOnlyProperty();
    }

    /** The ND4J backend in this program ({@link Backend#describe()}) once it has been loaded. */
    public ReadOnlyStringProperty backendProperty() {
        return backend.getReadOnlyProperty();
    }

    /** Trains the study's CNN on the training set in {@link #folderProperty()}. */
    public void train() {
        Path dir = folder.get();
        if (dir == null) {
            train.refuse("No training-set folder: generate a training set or choose its folder.");
            return;
        }
        CnnTrainer.Config config;
        try {
            config = new CnnTrainer.Config(epochs.get(), batchSize.get(), VALIDATION, learningRate.get(), seed.get());
        } catch (IllegalArgumentException e) {
            train.refuse(e.getMessage());
            return;
        }
        batchLoss.clear();
        epochLoss.clear();
        start(train, "Training the CNN", m -> {
            m.progress(-1, 1, "starting Deeplearning4j");
            describeBackend();
            try (TrainingSet set = TrainingSet.open(dir)) {
                int trainSamples = set.size() - set.split(config.validationFraction(), config.seed()).heldOut().length;
                CnnTrainer.Result r = CnnTrainer.train(set, config, m, new LossFeed((trainSamples + config.batchSize() - 1) / config.batchSize()));
                ParameterRecovery recovery = r.heldOut().length >= 2 ? ParameterRecovery.evaluate(r.model(), set, r.heldOut()) : null;
                return new Trained(r, recovery, set.size());
            }
        }, t -> {
            setModel(t.result().model());
            CnnTrainer.Epoch last = t.result().history().get(t.result().history().size() - 1);
            return String.format(Locale.ROOT, "Trained %d epochs on %,d samples (%,d held out): training loss %.4f, validation loss %.4f, "
                    + "%.2f ms per sample%s", t.result().history().size(), last.samples(), t.result().heldOut().length, last.trainLoss(),
                    last.validationLoss(), last.millisPerSample(), t.recovery() == null ? ""
                    : ". Held-out R²: " + recovery(t.recovery()));
        });
    }

    private record Trained(CnnTrainer.Result result, ParameterRecovery recovery, int samples) {
    }

    private static String recovery(ParameterRecovery r) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < IsingParams.NAMES.length; k++) {
            sb.append(k > 0 ? ", " : "").append(IsingParams.NAMES[k]).append(' ').append(String.format(Locale.ROOT, "%.2f", r.r2()[k]));
        }
        return sb.toString();
    }

    /** Hands the trainer's losses to the FX thread: every epoch, and a minibatch point at most every {@value #LOSS_POINT_MILLIS} ms. */
    private final class LossFeed implements CnnTrainer.Listener {
        private final long batchesPerEpoch;
        private double sum;
        private int count;
        private long lastPoint = System.nanoTime();

        LossFeed(long batchesPerEpoch) {
            this.batchesPerEpoch = batchesPerEpoch;
        }

        @Override
        public void batch(int epoch, long iteration, double loss) {
            sum += loss;
            count++;
            long now = System.nanoTime();
            if (iteration % batchesPerEpoch == 0 || now - lastPoint >= LOSS_POINT_MILLIS * 1_000_000) {
                LossPoint p = new LossPoint((double) iteration / batchesPerEpoch, sum / count);
                Platform.runLater(() -> batchLoss.add(p));
                sum = 0;
                count = 0;
                lastPoint = now;
            }
        }

        @Override
        public void epoch(CnnTrainer.Epoch e) {
            Platform.runLater(() -> epochLoss.add(e));
        }
    }

    private void describeBackend() {
        String b = Backend.describe();
        Platform.runLater(() -> backend.set(b));
    }

    private void setModel(InverseModel m) {
        model.set(m);
        ModelMetadata meta = m.metadata();
        Season s = meta.season();
        modelDescription.set(String.format(Locale.ROOT, "%,d parameters · %d × %d lattice · trained on %,d samples of %d periods "
                + "(%s → %s, seed %d), %d epochs", m.parameterCount(), meta.rows(), meta.cols(), meta.trainingSize(),
                meta.periods().size(), s.start(), s.end(), meta.trainingSeed(), meta.epochs()));
    }

    /** Saves the model (under a temporary name, then renamed). */
    public void saveModel(Path file) {
        InverseModel m = model.get();
        if (m == null) {
            modelFile.refuse("No model to save: train one first.");
            return;
        }
        start(modelFile, "Saving the model", monitor -> {
            monitor.progress(-1, 1, "writing " + file.getFileName());
            m.save(file);
            return file;
        }, f -> "Saved the model to " + f);
    }

    /** Loads a model; a file that is not one of ours, or is damaged, is reported in the job's message. */
    public void loadModel(Path file) {
        start(modelFile, "Loading the model", monitor -> {
            monitor.progress(-1, 1, "reading " + file.getFileName());
            InverseModel m = InverseModel.load(file);
            describeBackend();
            return m;
        }, m -> {
            setModel(m);
            batchLoss.clear();
            epochLoss.clear();
            return "Loaded " + file + " (trained with " + m.metadata().backend() + ")";
        });
    }

    // ---- prediction ----

    /** K, the chains each period is re-simulated with after a prediction. */
    public IntegerProperty evaluationChainsProperty() {
        return evaluationChains;
    }

    /** The evaluated periods of the last prediction: parameters and measures, in period order. */
    public ObservableList<SeasonEvaluation.Period> evaluation() {
        return evaluation;
    }

    /** Mean errors of the last prediction against persistence, in one line, or "". */
    public ReadOnlyStringProperty evaluationSummaryProperty() {
        return evaluationSummary.getReadOnlyProperty();
    }

    private void clearEvaluation() {
        evaluation.clear();
        evaluationSummary.set("");
    }

    /**
     * Predicts the parameters of every observed period of the open season with the model,
     * re-simulates each period from its observed start with K chains and measures the result; then
     * gives the periods their predicted parameters (the knobs take the chosen period's, the live
     * simulation restarts with them) and runs the season charts with them.
     */
    public void predict() {
        InverseModel m = model.get();
        Integer year = season.yearProperty().get();
        if (m == null || year == null) {
            predict.refuse(m == null ? "No model: train one or load one first." : "No season is open.");
            return;
        }
        FocusArea area = season.focusAreaProperty().get();
        int chains = evaluationChains.get();
        long runSeed = parameters.seedProperty().get();
        long steps = parameters.stepsPer3600Property().get();
        SimulationSettings settings = parameters.settings();
        start(predict, "Predicting the season", monitor -> {
            ObservedSeason observed = observedSeason(Season.study(year), area);
            monitor.progress(-1, 1, "predicting the parameters of " + observed.observedPeriods().size() + " periods");
            SortedMap<SemiMonthlyPeriod, IsingParams> params = SeasonEvaluation.predict(m, observed);
            return SeasonEvaluation.evaluate(observed, params, chains, runSeed, steps, settings, Ensemble.defaultThreads(), monitor);
        }, r -> {
            evaluation.setAll(r.periods());
            double[] c = r.meanAbsoluteCoverageError();
            double[] e = r.meanAbsoluteExtentError();
            double[] d = r.meanDistance();
            evaluationSummary.set(String.format(Locale.ROOT, "Mean over %d periods (re-simulation vs persistence): |coverage error| %.2f vs %.2f pp,"
                    + " |extent error| %.2f vs %.2f pp, distance %.4f vs %.4f", r.periods().size(), c[0], c[1], e[0], e[1], d[0], d[1]));
            parameters.usePerPeriod(r.params(), season.periodProperty().get());
            simulation.reset();
            charts.cancel();
            charts.runSeason();
            return String.format(Locale.ROOT, "Predicted %d periods and re-simulated each with %d chains; the season charts now run with"
                    + " these parameters, and choosing a period puts its own on the sliders.", r.periods().size(), chains);
        });
    }

    // ---- direct fit ----

    /** The CMA-ES evaluation budget of a direct fit. */
    public IntegerProperty fitEvaluationsProperty() {
        return fitEvaluations;
    }

    /** K, the chains averaged per evaluation of a direct fit. */
    public IntegerProperty fitChainsProperty() {
        return fitChains;
    }

    /**
     * Fits the chosen period directly (CMA-ES within its box of the bounds above); the result goes
     * to the sliders, and replaces the period's own parameters if it has some.
     */
    public void fitPeriod() {
        SeasonViewModel.PeriodData data = season.periodDataProperty().get();
        Integer year = season.yearProperty().get();
        if (data == null || year == null || data.start() == null || data.end() == null) {
            fit.refuse(data == null || year == null ? "No period is loaded."
                    : "The period " + data.period() + " has no observed " + (data.start() == null ? "start" : "end") + " to fit.");
            return;
        }
        SemiMonthlyPeriod p = data.period();
        ParameterBounds box;
        DirectFitter.Config config;
        try {
            box = bounds().forPeriod(p);
            DirectFitter.Config d = DirectFitter.Config.defaults(parameters.seedProperty().get());
            config = new DirectFitter.Config(fitChains.get(), fitEvaluations.get(), d.populationSize(), d.sigma(), d.seed(),
                    parameters.stepsPer3600Property().get(), parameters.settings());
        } catch (IllegalArgumentException e) {
            fit.refuse(e.getMessage());
            return;
        }
        Map<LocalDate, Lattice> ends = Map.of(p.start(), data.start(), p.end(), data.end());
        start(fit, "Fitting " + p + " directly", monitor -> {
            ObservedSeason.Pair pair = new ObservedSeason(Season.study(year), new TreeMap<>(ends)).pair(p);
            return DirectFitter.fit(pair.start(), pair.end(), box, config, Ensemble.defaultThreads(), monitor);
        }, r -> {
            boolean shown = p.equals(season.periodProperty().get());
            if (parameters.perPeriod().containsKey(p)) {
                parameters.perPeriod().put(p, r.params());
            }
            if (shown) {
                parameters.apply(r.params());
            }
            return String.format(Locale.ROOT, "Fitted %s: %s; mean distance %.4f over %d chains after %d evaluations%s", p,
                    ParametersViewModel.describe(r.params(), config.simulation()), r.distance(), config.seeds(), r.evaluations(),
                    shown ? "; now on the sliders" : " (another period is shown: the sliders were left alone)");
        });
    }

    // ---- jobs ----

    public Job generateJob() {
        return generate;
    }

    public Job trainJob() {
        return train;
    }

    /** Saving and loading models. */
    public Job modelFileJob() {
        return modelFile;
    }

    public Job predictJob() {
        return predict;
    }

    public Job fitJob() {
        return fit;
    }

    /** True while any job runs (only one runs at a time). */
    public BooleanBinding busyProperty() {
        return busy;
    }

    /** Runs {@code work} as {@code job} on the learning thread; {@code done} turns its result into the job's message (FX thread). */
    private <T> void start(Job job, String title, MonitoredTask.Work<T> work, Function<T, String> done) {
        if (busy.get()) {
            job.refuse("Another job is running: wait for it or cancel it.");
            return;
        }
        MonitoredTask<T> task = new MonitoredTask<>(title, work);
        long t0 = System.nanoTime();
        job.begin(task);
        task.setOnSucceeded(e -> {
            String text;
            boolean error = false;
            try {
                text = done.apply(task.getValue()) + String.format(Locale.ROOT, " (%.1f s)", (System.nanoTime() - t0) / 1e9);
            } catch (RuntimeException ex) {
                text = title + " failed: " + message(ex);
                error = true;
            }
            job.end(text, error, 1);
        });
        task.setOnCancelled(e -> job.end(job.cancelled, false, job.progress.get()));
        task.setOnFailed(e -> job.end(title + " failed: " + message(task.getException()), true, 0));
        executor.execute(task);
    }

    /** What went wrong, in words: the exception's message (they name the file and the problem), else its kind. */
    static String message(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    @Override
    public void close() {
        jobs.forEach(Job::cancel);
        executor.shutdownNow();
    }
}
