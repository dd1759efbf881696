package org.iceising.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.iceising.data.IoWords;
import org.iceising.model.CancelledException;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.SemiMonthlyPeriod;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains one of the study's networks ({@link Network}: the CNN, ResNet50 or the ViT, or a reduced
 * {@link Architecture} of their families) on a training set streamed from disk (MODEL.md §6):
 * targets standardised per parameter over the training split, a random share held out for
 * validation, MSE, the network's own updater, minibatches in a new random order each epoch.
 * Progress is reported per minibatch and a cancel takes effect between two minibatches.
 * Dropout draws from a random stream seeded afresh at the start of every epoch (from the seed and
 * the epoch's number), so an epoch's outcome depends only on the network it starts from: training
 * with a checkpoint can be stopped after any epoch and resumed to the same network.
 */
public final class CnnTrainer {

    /**
     * How to train.
     *
     * @param architecture       which network (the full-size {@link Network#architecture()} or a reduced one)
     * @param epochs             passes over the training split (the study: CNN 20, ResNet50 30, ViT 3)
     * @param batchSize          samples per minibatch (the study's CNN: 100)
     * @param validationFraction share of the samples held out for validation (the study: 1 %)
     * @param learningRate       the updater's (initial) learning rate (the study's CNN: Adam 1e-4)
     * @param seed               seeds the split, the weights, dropout and the batch order
     * @param pretrained         weights to start from (ResNet and ViT only), or null for fresh ones
     */
    public record Config(Architecture architecture, int epochs, int batchSize, double validationFraction, double learningRate, long seed,
                         PretrainedWeights pretrained) {
        public Config {
            if (epochs < 1 || batchSize < 1) {
                throw new IllegalArgumentException("epochs and batch size must be >= 1, got " + epochs + " and " + batchSize);
            }
            if (!(validationFraction > 0 && validationFraction < 1)) {
                throw new IllegalArgumentException("validation fraction must be in (0, 1), got " + validationFraction);
            }
            if (!(learningRate > 0)) {
                throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
            }
        }

        /** The CNN, freshly initialised. */
        public Config(int epochs, int batchSize, double validationFraction, double learningRate, long seed) {
            this(Network.CNN.architecture(), epochs, batchSize, validationFraction, learningRate, seed, null);
        }

        /** The study's settings for the CNN: 20 epochs, batch 100, 1 % validation, Adam 1e-4. */
        public static Config study(long seed) {
            return study(Network.CNN, seed);
        }

        /** The study's settings for {@code network}: its epochs, default batch and learning rate, 1 % validation. */
        public static Config study(Network network, long seed) {
            return new Config(network.architecture(), network.studyEpochs(), network.defaultBatchSize(), 0.01, network.defaultLearningRate(),
                    seed, null);
        }

        public Config withEpochs(int n) {
            return new Config(architecture, n, batchSize, validationFraction, learningRate, seed, pretrained);
        }

        public Config withPretrained(PretrainedWeights weights) {
            return new Config(architecture, epochs, batchSize, validationFraction, learningRate, seed, weights);
        }
    }

    /**
     * One finished epoch.
     *
     * @param trainLoss      mean minibatch loss (MSE of the standardised targets, dropout on) over the epoch
     * @param validationLoss MSE of the standardised targets on the held-out samples, dropout off
     * @param millis         wall-clock time of the epoch's training (validation excluded)
     */
    public record Epoch(int epoch, double trainLoss, double validationLoss, long millis, int samples) {
        /** Training time per sample in milliseconds. */
        public double millisPerSample() {
            return (double) millis / samples;
        }
    }

    /** Hears about training as it goes (called on the training thread). */
    public interface Listener {
        /** After every minibatch: its loss. */
        default void batch(int epoch, long iteration, double loss) {
        }

        /** After every epoch. */
        default void epoch(Epoch epoch) {
        }

        /** Before the first minibatch, if training starts from pretrained weights: what was loaded. */
        default void pretrained(PretrainedWeights.Report report) {
        }

        Listener NONE = new Listener() {
        };
    }

    /**
     * The outcome of training.
     *
     * @param heldOut indices (into the training set) of the validation samples, for recovery checks
     */
    public record Result(InverseModel model, List<Epoch> history, int[] heldOut) {
    }

    /** A fresh network, its standardisation and the iterators over the split, ready for the first minibatch. */
    record Start(InverseNetwork net, Standardisation standardisation, TrainingSet.Split split, TrainingSetIterator train,
                 TrainingSetIterator validation) {
    }

    /** Splits {@code set}, standardises, builds the network (loading pretrained weights if asked) and its iterators. */
    static Start start(TrainingSet set, Config config, Listener listener) {
        return start(set, config, listener, null);
    }

    /**
     * As {@link #start(TrainingSet, Config, Listener)}, but with {@code resumed}, a network read from
     * a checkpoint, when it is not null: a fresh network (and for ResNet50 or the ViT its pretrained
     * weights, as much memory again) is then not built only to be replaced.
     */
    private static Start start(TrainingSet set, Config config, Listener listener, InverseNetwork resumed) {
        TrainingSet.Split split = set.split(config.validationFraction(), config.seed());
        Standardisation standardisation = Standardisation.of(set, split.train());
        InverseNetwork net = resumed;
        if (net == null) {
            net = config.architecture().create(set.rows(), set.cols(), config.learningRate(), config.seed());
            if (config.pretrained() != null) {
                try {
                    listener.pretrained(config.pretrained().applyTo(net));
                } catch (IOException e) {
                    throw new UncheckedIOException(e.getMessage(), e);
                }
            }
        }
        TrainingSetIterator train = new TrainingSetIterator(set, split.train(), config.batchSize(), standardisation, true, config.seed());
        TrainingSetIterator validation = new TrainingSetIterator(set, split.heldOut(), config.batchSize(), standardisation, false, config.seed());
        return new Start(net, standardisation, split, train, validation);
    }

    private CnnTrainer() {
    }

    /**
     * Trains a fresh network on {@code set}.
     *
     * @throws CancelledException if the monitor is cancelled
     */
    public static Result train(TrainingSet set, Config config, ProgressMonitor monitor, Listener listener) {
        return train(set, config, null, monitor, listener);
    }

    /**
     * Trains on {@code set}, saving the network to {@code checkpoint} (a model file, its metadata
     * counting the epochs done) after every epoch. If {@code checkpoint} already holds a run of
     * these settings, training resumes after its last epoch and ends with the network an
     * uninterrupted run would have; the history then holds the epochs trained in this call.
     *
     * @param checkpoint where to keep the network between epochs, or null for none
     * @throws CancelledException if the monitor is cancelled (the checkpoint keeps the last whole epoch)
     * @throws ModelFileException if {@code checkpoint} is damaged or holds a run of other settings
     */
    public static Result train(TrainingSet set, Config config, Path checkpoint, ProgressMonitor monitor, Listener listener) {
        InverseModel saved = checkpoint != null && Files.exists(checkpoint) ? InverseModel.load(checkpoint) : null;
        Start start = start(set, config, listener, saved == null ? null : saved.network());
        InverseNetwork net = start.net();
        TrainingSet.Split split = start.split();
        TrainingSetIterator train = start.train();
        int done = 0;
        if (saved != null) {
            requireResumable(saved, checkpoint, metadata(set, config, start.standardisation(), net, 0), config.epochs());
            done = saved.metadata().epochs();
            for (int e = 0; e < done; e++) {
                train.reset();
            }
        }
        long batchesPerEpoch = (split.train().length + config.batchSize() - 1) / config.batchSize();
        long total = batchesPerEpoch * config.epochs();
        long iteration = batchesPerEpoch * done;
        List<Epoch> history = new ArrayList<>();
        for (int epoch = done + 1; epoch <= config.epochs(); epoch++) {
            Nd4j.getRandom().setSeed(config.seed() + 0x9E3779B97F4A7C15L * epoch);
            long t0 = System.nanoTime();
            double lossSum = 0;
            int seen = 0;
            while (train.hasNext()) {
                monitor.checkCancelled();
                DataSet batch = train.next();
                double loss = net.fit(batch);
                int n = batch.numExamples();
                lossSum += loss * n;
                seen += n;
                iteration++;
                listener.batch(epoch, iteration, loss);
                monitor.progress(iteration, total, "epoch " + epoch + " of " + config.epochs() + ", loss " + String.format(Locale.ROOT, "%.4f", loss));
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;
            train.reset();
            net.endEpoch();
            Epoch e = new Epoch(epoch, lossSum / seen, validationLoss(net, start.validation()), millis, seen);
            history.add(e);
            if (checkpoint != null && epoch < config.epochs()) {
                save(new InverseModel(net, metadata(set, config, start.standardisation(), net, epoch)), checkpoint);
            }
            listener.epoch(e);
        }
        return new Result(new InverseModel(net, metadata(set, config, start.standardisation(), net, config.epochs())), history, split.heldOut());
    }

    private static ModelMetadata metadata(TrainingSet set, Config config, Standardisation standardisation, InverseNetwork net, int epochs) {
        SortedMap<SemiMonthlyPeriod, ParameterBounds> periods = new TreeMap<>();
        for (TrainingSetFile f : set.files()) {
            periods.put(f.header().period(), f.header().bounds());
        }
        return new ModelMetadata(set.rows(), set.cols(), periods, standardisation,
                set.files().get(0).header().seed(), set.size(), config.validationFraction(), config.seed(), epochs,
                Backend.describe(), net.network(), config.architecture().describe(), net.trainableParameters(),
                config.pretrained() == null ? "" : config.pretrained().source().getFileName().toString());
    }

    /** Refuses the checkpoint unless it is a run of the settings {@code wanted} describes with fewer than {@code epochs} epochs done. */
    private static void requireResumable(InverseModel saved, Path checkpoint, ModelMetadata wanted, int epochs) {
        if (!settings(saved.metadata()).equals(settings(wanted))) {
            throw new ModelFileException(checkpoint + " holds training of another set or other settings; delete it to train from the start");
        }
        if (saved.metadata().epochs() >= epochs) {
            throw new ModelFileException(checkpoint + " has " + saved.metadata().epochs() + " epochs done, this training asks for " + epochs
                    + "; delete it to train from the start");
        }
    }

    /** What a checkpoint must share with the run resuming it: everything but the epochs done and the machine's backend. */
    private static Properties settings(ModelMetadata m) {
        Properties p = m.toProperties();
        p.remove("epochs");
        p.remove("backend");
        return p;
    }

    private static void save(InverseModel model, Path checkpoint) {
        try {
            model.save(checkpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + checkpoint + " (" + IoWords.of(e) + ")", e);
        }
    }

    /** MSE of the standardised targets over all samples the iterator serves, dropout off. */
    static double validationLoss(InverseNetwork net, TrainingSetIterator it) {
        it.reset();
        double sum = 0;
        int n = 0;
        while (it.hasNext()) {
            DataSet ds = it.next();
            sum += net.loss(ds) * ds.numExamples();
            n += ds.numExamples();
        }
        it.reset();
        return sum / n;
    }
}
