package org.iceising.app.learn;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.iceising.app.parameters.ParametersViewModel;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.app.task.Job;
import org.iceising.app.task.JobRunner;
import org.iceising.app.task.Work;
import org.iceising.data.FocusArea;
import org.iceising.data.GridCache;
import org.iceising.data.UserDataFolder;
import org.iceising.learn.InverseModel;
import org.iceising.learn.Network;
import org.iceising.learn.ObservedSeason;
import org.iceising.learn.ParameterBounds;
import org.iceising.learn.SeasonBounds;
import org.iceising.learn.TrainingSetGenerator;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.Season;
import org.iceising.model.SimulationSettings;

/**
 * What the inverse problem's steps share: the open season and the knobs, the seed, the melting and
 * freezing boxes, the training-set folder, the model, and the one runner their jobs take turns on.
 */
public final class LearnState {
    /** The folder under the user data folder that holds the default training-set folders. */
    public static final String TRAINING_SETS = "training-sets";
    /** The folder under the user data folder offered for models. */
    public static final String MODELS = "models";
    /** The model file extension. */
    public static final String MODEL_SUFFIX = ".icecnn";
    /** What a step says when another step's job runs. */
    static final String BUSY = "Another job is running: wait for it or cancel it.";

    private final SeasonViewModel season;
    private final ParametersViewModel parameters;
    private final JobRunner runner;
    private final List<StepJob> jobs = new ArrayList<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    private final IntegerProperty samplesPerPeriod = new SimpleIntegerProperty(this, "samplesPerPeriod",
            TrainingSetGenerator.Settings.STUDY_SAMPLES_PER_PERIOD);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", ParametersViewModel.DEFAULT_SEED);
    private final DoubleProperty[][][] bounds = new DoubleProperty[2][2][IsingParams.NAMES.length];
    private final StringBinding boundsError;
    private final ObjectProperty<Path> chosenFolder = new SimpleObjectProperty<>(this, "chosenFolder");
    private final ObjectBinding<Path> folder;
    private final ReadOnlyObjectWrapper<InverseModel> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ObjectProperty<Network> network = new SimpleObjectProperty<>(this, "network", Network.CNN);

    public LearnState(SeasonViewModel season, ParametersViewModel parameters, JobRunner runner) {
        this.season = season;
        this.parameters = parameters;
        this.runner = runner;
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
    }

    /**
     * The default folder of a training set: {@value #TRAINING_SETS} under the user data folder,
     * named by season, focus area, samples per period and seed, and a short hash of the bounds,
     * steps and simulation settings written out number by number (never a record's text form,
     * which may change), so that the same settings always meet (and continue) the same set and
     * other settings never collide with it.
     */
    static Path defaultFolder(Path userData, int year, FocusArea area, TrainingSetGenerator.Settings s) {
        StringBuilder rest = new StringBuilder();
        for (ParameterBounds box : List.of(s.bounds().melt(), s.bounds().freeze())) {
            for (int k = 0; k < IsingParams.NAMES.length; k++) {
                rest.append(Double.toString(box.lower(k))).append(',').append(Double.toString(box.upper(k))).append(';');
            }
        }
        SimulationSettings sim = s.simulation();
        rest.append(s.stepsPer3600()).append(';').append(Double.toString(sim.temperature())).append(';')
                .append(sim.spins().name()).append(';').append(sim.boundary().name());
        String hash;
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(rest.toString().getBytes(StandardCharsets.UTF_8));
            hash = HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        return userData.resolve(TRAINING_SETS).resolve(String.format(Locale.ROOT, "season-%d_area-%d-%d-%dx%d_N%d_seed%d_%s",
                year, area.row0(), area.col0(), area.rows(), area.cols(), s.samplesPerPeriod(), s.seed(), hash));
    }

    /** Where models are offered to be saved and loaded from: {@value #MODELS} under the user data folder. */
    public static Path modelFolder() {
        return UserDataFolder.directory().resolve(MODELS);
    }

    SeasonViewModel season() {
        return season;
    }

    ParametersViewModel parameters() {
        return parameters;
    }

    /** A step's job, counted in {@link #busyProperty()}. */
    StepJob job(String cancelled) {
        StepJob j = new StepJob(cancelled);
        jobs.add(j);
        j.runningProperty().addListener((o, a, b) -> busy.set(jobs.stream().anyMatch(x -> x.runningProperty().get())));
        return j;
    }

    /** Runs a step's work unless another step's job runs (one at a time); then the step's message says so. */
    <T> void start(StepJob job, String title, Work<T> work, Function<T, String> done) {
        if (busy.get()) {
            job.refuse(BUSY);
            return;
        }
        job.start(runner, title, work, done);
    }

    /**
     * Runs a short computation that is no step of its own (a network's size) on the steps' runner;
     * {@code done} takes its result, or null and the one line saying why it failed.
     */
    <T> void compute(String title, Work<T> work, BiConsumer<T, String> done) {
        runner.run(Job.of(title, work).onSuccess(v -> done.accept(v, "")).onFailure(why -> done.accept(null, why)));
    }

    /** Hands something from a job's work to the UI thread. */
    void onUiThread(Runnable action) {
        runner.onUiThread(action);
    }

    /**
     * The observed lattices of a season's period boundaries in the focus area, read through the
     * grid cache; {@code cache} and {@code area} are taken on the UI thread, this runs in the job.
     */
    static ObservedSeason observedSeason(GridCache cache, Season s, FocusArea area, ProgressMonitor monitor) {
        SortedMap<LocalDate, Lattice> lattices = cache.lattices(s.dates(), area, monitor.unmeasured());
        return new ObservedSeason(s, lattices);
    }

    /** True while any step's job runs (only one runs at a time). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

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

    /** What a training set is generated with: samples, seed, the boxes, and the simulation panel's steps and temperature. */
    TrainingSetGenerator.Settings generatorSettings() {
        return new TrainingSetGenerator.Settings(samplesPerPeriod.get(), seed.get(), parameters.stepsPer3600Property().get(), bounds(),
                parameters.settings());
    }

    /** The network that is trained, estimated and reproduced with (the study's CNN unless chosen). */
    public ObjectProperty<Network> networkProperty() {
        return network;
    }

    /** The trained or loaded model, or null. */
    public ReadOnlyObjectProperty<InverseModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    void setModel(InverseModel m) {
        model.set(m);
    }

    /** Cancels every step's job. */
    void cancelAll() {
        jobs.forEach(StepJob::cancel);
    }
}
