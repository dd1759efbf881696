package org.iceising.app.learn;

import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iceising.data.RegularFiles;
import org.iceising.learn.Backend;
import org.iceising.learn.CnnTrainer;
import org.iceising.learn.InverseModel;
import org.iceising.learn.ModelMetadata;
import org.iceising.learn.ParameterRecovery;
import org.iceising.learn.TrainingSet;
import org.iceising.model.IsingParams;
import org.iceising.model.Season;

/**
 * Step 2 of the inverse problem: train the study's CNN on the training set with a live loss
 * history, or load a saved model; save it.
 */
public final class NetworkViewModel {
    /** Share of the training set held out for validation: the study's 1 %. */
    static final double VALIDATION = 0.01;
    /** Loss points of the live chart: at most one per this many milliseconds within an epoch. */
    private static final long LOSS_POINT_MILLIS = 150;

    /** One point of the minibatch loss curve: the mean loss of the minibatches since the last point, at a fractional epoch. */
    public record LossPoint(double epoch, double loss) {
    }

    private final LearnState state;
    private final StepJob job;
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

    NetworkViewModel(LearnState state) {
        this.state = state;
        job = state.job("Training cancelled; no model was made.");
        fileJob = state.job("Cancelled.");
        CnnTrainer.Config studyTraining = CnnTrainer.Config.study(state.seedProperty().get());
        epochs = new SimpleIntegerProperty(this, "epochs", studyTraining.epochs());
        batchSize = new SimpleIntegerProperty(this, "batchSize", studyTraining.batchSize());
        learningRate = new SimpleDoubleProperty(this, "learningRate", studyTraining.learningRate());
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

    /** Saving and loading models. */
    public StepJob fileJob() {
        return fileJob;
    }

    /** Trains the study's CNN on the training set in the state's folder. */
    public void train() {
        Path dir = state.folderProperty().get();
        if (dir == null) {
            job.refuse("No training-set folder: generate a training set or choose its folder.");
            return;
        }
        CnnTrainer.Config config;
        try {
            config = new CnnTrainer.Config(epochs.get(), batchSize.get(), VALIDATION, learningRate.get(), state.seedProperty().get());
        } catch (IllegalArgumentException e) {
            job.refuse(e.getMessage());
            return;
        }
        batchLoss.clear();
        epochLoss.clear();
        state.start(job, "Training the CNN", m -> {
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
        state.onUiThread(() -> backend.set(b));
    }

    private void setModel(InverseModel m) {
        state.setModel(m);
        ModelMetadata meta = m.metadata();
        Season s = meta.season();
        modelDescription.set(String.format(Locale.ROOT, "%,d parameters · %d × %d lattice · trained on %,d samples of %d periods "
                + "(%s → %s, seed %d), %d epochs", m.parameterCount(), meta.rows(), meta.cols(), meta.trainingSize(),
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
            return "Loaded " + file + " (trained with " + m.metadata().backend() + ")";
        });
    }
}
