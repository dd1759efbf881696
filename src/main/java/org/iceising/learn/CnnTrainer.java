package org.iceising.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.iceising.model.CancelledException;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.SemiMonthlyPeriod;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Trains one of the study's networks ({@link Network}: the CNN, ResNet50 or the ViT, or a reduced
 * {@link Architecture} of their families) on a training set streamed from disk (MODEL.md §6):
 * targets standardised per parameter over the training split, a random share held out for
 * validation, MSE, the network's own updater, minibatches in a new random order each epoch.
 * Progress is reported per minibatch and a cancel takes effect between two minibatches.
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
        TrainingSet.Split split = set.split(config.validationFraction(), config.seed());
        Standardisation standardisation = Standardisation.of(set, split.train());
        InverseNetwork net = config.architecture().create(set.rows(), set.cols(), config.learningRate(), config.seed());
        if (config.pretrained() != null) {
            try {
                listener.pretrained(config.pretrained().applyTo(net));
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
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
        Start start = start(set, config, listener);
        InverseNetwork net = start.net();
        TrainingSet.Split split = start.split();
        TrainingSetIterator train = start.train();
        long batchesPerEpoch = (split.train().length + config.batchSize() - 1) / config.batchSize();
        long total = batchesPerEpoch * config.epochs();
        long iteration = 0;
        List<Epoch> history = new ArrayList<>();
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
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
            listener.epoch(e);
        }
        SortedMap<SemiMonthlyPeriod, ParameterBounds> periods = new TreeMap<>();
        for (TrainingSetFile f : set.files()) {
            periods.put(f.header().period(), f.header().bounds());
        }
        ModelMetadata metadata = new ModelMetadata(set.rows(), set.cols(), periods, start.standardisation(),
                set.files().get(0).header().seed(), set.size(), config.validationFraction(), config.seed(), config.epochs(),
                Backend.describe(), net.network(), config.architecture().describe(), net.trainableParameters(),
                config.pretrained() == null ? "" : config.pretrained().source().getFileName().toString());
        return new Result(new InverseModel(net, metadata), history, split.heldOut());
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
