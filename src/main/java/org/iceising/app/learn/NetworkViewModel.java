package org.iceising.app.learn;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iceising.data.FocusArea;
import org.iceising.data.RegularFiles;
import org.iceising.learn.Backend;
import org.iceising.learn.CnnTrainer;
import org.iceising.learn.EpochEstimate;
import org.iceising.learn.InverseModel;
import org.iceising.learn.ModelMetadata;
import org.iceising.learn.Network;
import org.iceising.learn.ParameterRecovery;
import org.iceising.learn.TrainingSet;
import org.iceising.model.IsingParams;
import org.iceising.model.Season;

/**
 * Step 2 of the inverse problem: choose one of the study's networks (the CNN, ResNet50, the ViT),
 * see its size and measure what an epoch of it costs, train it on the training set with a live loss
 * history, or load a saved model of any of them; save it.
 */
public final class NetworkViewModel {
    /** Share of the training set held out for validation: the study's 1 %. */
    static final double VALIDATION = 0.01;
    /** Minibatches timed by an estimate (after one untimed warm-up minibatch). */
    static final int ESTIMATE_BATCHES = 3;
    /** Loss points of the live chart: at most one per this many milliseconds within an epoch. */
    private static final long LOSS_POINT_MILLIS = 150;

    /** One point of the minibatch loss curve: the mean loss of the minibatches since the last point, at a fractional epoch. */
    public record LossPoint(double epoch, double loss) {
    }

    private final LearnState state;
    private final StepJob job;
    private final StepJob estimateJob;
    private final StepJob fileJob;
    private final IntegerProperty epochs;
    private final IntegerProperty batchSize;
    private final DoubleProperty learningRate;
    private final ObservableList<LossPoint> batchLoss = FXCollections.observableArrayList();
    private final ObservableList<CnnTrainer.Epoch> epochLoss = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Path> modelFile = new ReadOnlyObjectWrapper<>(this, "modelFile");
    private final ReadOnlyStringWrapper modelDescription = new ReadOnlyStringWrapper(this, "modelDescription", "No model yet: train one or load one.");
    private final ReadOnlyStringWrapper backend = new ReadOnlyStringWrapper(this, "backend",
            "Not loaded yet: Deeplearning4j starts when a model is trained, loaded or used.");
    /** Whether ND4J runs on a GPU; null until the backend has been loaded. */
    private final ReadOnlyObjectWrapper<Boolean> onGpu = new ReadOnlyObjectWrapper<>(this, "onGpu");
    private final ReadOnlyStringWrapper size = new ReadOnlyStringWrapper(this, "size", "");
    private final StringBinding schedule;
    private final StringBinding gpuNote;
    private boolean sizeShown;

    NetworkViewModel(LearnState state) {
        this.state = state;
        job = state.job("Training cancelled; no model was made.");
        estimateJob = state.job("Estimate cancelled.");
        fileJob = state.job("Cancelled.");
        Network chosen = state.networkProperty().get();
        epochs = new SimpleIntegerProperty(this, "epochs", chosen.studyEpochs());
        batchSize = new SimpleIntegerProperty(this, "batchSize", chosen.defaultBatchSize());
        learningRate = new SimpleDoubleProperty(this, "learningRate", chosen.defaultLearningRate());
        ObjectProperty<Network> network = state.networkProperty();
        network.addListener((o, a, n) -> {
            // a network comes with its own schedule
            epochs.set(n.studyEpochs());
            batchSize.set(n.defaultBatchSize());
            learningRate.set(n.defaultLearningRate());
            countParameters();
        });
        state.season().focusAreaProperty().addListener((o, a, b) -> countParameters());
        schedule = Bindings.createStringBinding(() -> {
            Network n = network.get();
            String d = n.description();
            return String.format(Locale.ROOT, "%s. Defaults: batch %d, %d epochs, learning rate %s", Character.toUpperCase(d.charAt(0))
                    + d.substring(1), n.defaultBatchSize(), n.studyEpochs(), BigDecimal.valueOf(n.defaultLearningRate()).stripTrailingZeros().toPlainString());
        }, network);
        gpuNote = Bindings.createStringBinding(() -> {
            Network n = network.get();
            Boolean gpu = onGpu.get();
            if (!n.gpuClass() || Boolean.TRUE.equals(gpu)) {
                return "";
            }
            String what = n.description() + " is a GPU-class network (about 100 GFLOP per sample and training step)";
            return gpu == null ? what + "; whether a GPU is in use shows once Deeplearning4j has started."
                    : what + " and no GPU is in use here: training it on this CPU is very slow. Estimate measures how slow.";
        }, network, onGpu);
    }

    /** The network's short name: CNN, ResNet50, ViT. */
    public static String name(Network n) {
        return switch (n) {
            case CNN -> "CNN";
            case RESNET50 -> "ResNet50";
            case VIT -> "ViT";
        };
    }

    /** The network chosen: what is trained, estimated and reproduced with. */
    public ObjectProperty<Network> networkProperty() {
        return state.networkProperty();
    }

    /** The chosen network's trainable parameters for the focus area's lattice, counted from its layers; "" until shown. */
    public ReadOnlyStringProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }

    /** The chosen network in words with its default batch, epochs and learning rate. */
    public StringBinding scheduleProperty() {
        return schedule;
    }

    /** A plain warning when the chosen network is GPU-class and no GPU is in use (or none is known yet); else "". */
    public StringBinding gpuNoteProperty() {
        return gpuNote;
    }

    /** True once the backend is known to run on a GPU, false once it is known not to; null before Deeplearning4j has started. */
    public ReadOnlyObjectProperty<Boolean> onGpuProperty() {
        return onGpu.getReadOnlyProperty();
    }

    /**
     * Counts the chosen network's trainable parameters off its layers for the focus area's lattice,
     * in the background, and from now on again whenever the network or the area changes; for a
     * GPU-class network it also starts Deeplearning4j to learn whether a GPU is in use. (Nothing is
     * counted before the first call, so that the workbench starts without Deeplearning4j.)
     */
    public void showSize() {
        sizeShown = true;
        countParameters();
    }

    private void countParameters() {
        if (!sizeShown) {
            return;
        }
        Network n = state.networkProperty().get();
        FocusArea area = state.season().focusAreaProperty().get();
        size.set("Counting the parameters of the " + name(n) + "…");
        state.compute("Counting the parameters of the " + name(n), m -> {
            long count = n.trainableParameters(area.rows(), area.cols());
            if (n.gpuClass()) {
                describeBackend();
            }
            return count;
        }, (count, why) -> {
            if (n == state.networkProperty().get() && area.equals(state.season().focusAreaProperty().get())) {
                size.set(count == null ? "Could not count the parameters: " + why
                        : String.format(Locale.ROOT, "%,d trainable parameters for the %d × %d lattice", count, area.rows(), area.cols()));
            }
        });
    }

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

    /** The model in one line: parameters, lattice, what it was trained on. */
    public ReadOnlyStringProperty modelDescriptionProperty() {
        return modelDescription.getReadOnlyProperty();
    }

    /** The ND4J backend in this program ({@link Backend#describe()}) once it has been loaded. */
    public ReadOnlyStringProperty backendProperty() {
        return backend.getReadOnlyProperty();
    }

    /** Training. */
    public StepJob job() {
        return job;
    }

    /** Estimating the time of an epoch. */
    public StepJob estimateJob() {
        return estimateJob;
    }

    /** Saving and loading models. */
    public StepJob fileJob() {
        return fileJob;
    }

    /** The training set's folder, or null after saying there is none. */
    private Path folder(StepJob step) {
        Path dir = state.folderProperty().get();
        if (dir == null) {
            step.refuse("No training-set folder: generate a training set or choose its folder.");
        }
        return dir;
    }

    /** How the chosen network trains with the fields' epochs, batch and learning rate, or null after saying what is wrong. */
    private CnnTrainer.Config config(StepJob step) {
        try {
            return new CnnTrainer.Config(state.networkProperty().get().architecture(), epochs.get(), batchSize.get(), VALIDATION,
                    learningRate.get(), state.seedProperty().get(), null);
        } catch (IllegalArgumentException e) {
            step.refuse(e.getMessage());
            return null;
        }
    }

    /**
     * Measures what an epoch of the chosen network costs: a fresh one trains on
     * {@value #ESTIMATE_BATCHES} minibatches of the training set (after a warm-up one), and the
     * time per sample is scaled to the training split.
     */
    public void estimate() {
        Path dir = folder(estimateJob);
        CnnTrainer.Config config = dir == null ? null : config(estimateJob);
        if (config == null) {
            return;
        }
        state.start(estimateJob, "Estimating an epoch of the " + name(config.architecture().network()), m -> {
            m.progress(-1, 1, "starting Deeplearning4j");
            describeBackend();
            try (TrainingSet set = TrainingSet.open(dir)) {
                return EpochEstimate.measure(set, config, ESTIMATE_BATCHES, m);
            }
        }, EpochEstimate::text);
    }

    /** Trains the chosen network on the training set in the state's folder. */
    public void train() {
        Path dir = folder(job);
        CnnTrainer.Config config = dir == null ? null : config(job);
        if (config == null) {
            return;
        }
        batchLoss.clear();
        epochLoss.clear();
        state.start(job, "Training the " + name(config.architecture().network()), m -> {
            m.progress(-1, 1, "starting Deeplearning4j");
            describeBackend();
            try (TrainingSet set = TrainingSet.open(dir)) {
                int trainSamples = set.size() - set.split(config.validationFraction(), config.seed()).heldOut().length;
                CnnTrainer.Result r = CnnTrainer.train(set, config, m, new LossFeed((trainSamples + config.batchSize() - 1) / config.batchSize()));
                ParameterRecovery recovery = r.heldOut().length >= 2 ? ParameterRecovery.evaluate(r.model(), set, r.heldOut()) : null;
                return new Trained(r, recovery);
            }
        }, t -> {
            setModel(t.result().model());
            modelFile.set(null);
            CnnTrainer.Epoch last = t.result().history().get(t.result().history().size() - 1);
            return String.format(Locale.ROOT, "Trained %d epochs on %,d samples (%,d held out): training loss %.4f, validation loss %.4f, "
                    + "%.2f ms per sample%s", t.result().history().size(), last.samples(), t.result().heldOut().length, last.trainLoss(),
                    last.validationLoss(), last.millisPerSample(), t.recovery() == null ? ""
                    : ". Held-out R²: " + recovery(t.recovery()));
        });
    }

    private record Trained(CnnTrainer.Result result, ParameterRecovery recovery) {
    }

    private static String recovery(ParameterRecovery r) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < IsingParams.NAMES.length; k++) {
            sb.append(k > 0 ? ", " : "").append(IsingParams.NAMES[k]).append(' ').append(String.format(Locale.ROOT, "%.2f", r.r2()[k]));
        }
        return sb.toString();
    }

    /** Hands the trainer's losses to the UI thread: every epoch, and a minibatch point at most every {@value #LOSS_POINT_MILLIS} ms. */
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
                state.onUiThread(() -> batchLoss.add(p));
                sum = 0;
                count = 0;
                lastPoint = now;
            }
        }

        @Override
        public void epoch(CnnTrainer.Epoch e) {
            state.onUiThread(() -> epochLoss.add(e));
        }
    }

    private void describeBackend() {
        String b = Backend.describe();
        boolean gpu = Backend.isCuda();
        state.onUiThread(() -> {
            backend.set(b);
            onGpu.set(gpu);
        });
    }

    private void setModel(InverseModel m) {
        state.setModel(m);
        ModelMetadata meta = m.metadata();
        Season s = meta.season();
        modelDescription.set(String.format(Locale.ROOT, "%s (%s) · %,d parameters · %d × %d lattice · trained on %,d samples of %d periods "
                + "(%s → %s, seed %d), %d epochs", meta.network(), meta.architecture(), m.parameterCount(), meta.rows(), meta.cols(), meta.trainingSize(),
                meta.periods().size(), s.start(), s.end(), meta.trainingSeed(), meta.epochs()));
    }

    /** The file the model was last loaded from or saved to; null for a model trained and not saved. */
    public ReadOnlyObjectProperty<Path> modelFileProperty() {
        return modelFile.getReadOnlyProperty();
    }

    /** Saves the model (under a temporary name, then renamed). */
    public void saveModel(Path file) {
        InverseModel m = state.modelProperty().get();
        if (m == null) {
            fileJob.refuse("No model to save: train one first.");
            return;
        }
        state.start(fileJob, "Saving the model", monitor -> {
            monitor.progress(-1, 1, "writing " + file.getFileName());
            m.save(file);
            return file;
        }, f -> {
            modelFile.set(f);
            return "Saved the model to " + f;
        });
    }

    /**
     * Loads a model; a file that is not one of ours, is damaged, or is not a regular file (a pipe,
     * a device) is reported in the job's message. Nothing is read on the UI thread.
     */
    public void loadModel(Path file) {
        state.start(fileJob, "Loading the model", monitor -> {
            monitor.progress(-1, 1, "reading " + file.getFileName());
            InverseModel m = InverseModel.load(RegularFiles.require(file, "model"));
            describeBackend();
            return m;
        }, m -> {
            setModel(m);
            modelFile.set(file);
            batchLoss.clear();
            epochLoss.clear();
            // the file says which network it holds; the choice follows it
            state.networkProperty().set(m.metadata().network());
            return "Loaded " + file + ": " + name(m.metadata().network()) + " (" + m.metadata().architecture() + "), trained with "
                    + m.metadata().backend();
        });
    }
}
