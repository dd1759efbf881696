package org.iceising.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.iceising.model.CancelledException;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.SemiMonthlyPeriod;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Trains the study's CNN on a training set streamed from disk (MODEL.md §6): targets standardised
 * per parameter over the training split, a random share held out for validation, Adam, MSE,
 * minibatches in a new random order each epoch. Progress is reported per minibatch and a cancel
 * takes effect between two minibatches.
 */
public final class CnnTrainer {

    /**
     * How to train.
     *
     * @param epochs             passes over the training split (the study: 20)
     * @param batchSize          samples per minibatch (the study: 100)
     * @param validationFraction share of the samples held out for validation (the study: 1 %)
     * @param learningRate       Adam's learning rate (the study: 1e-4)
     * @param seed               seeds the split, the weights, dropout and the batch order
     */
    public record Config(int epochs, int batchSize, double validationFraction, double learningRate, long seed) {
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

        /** The study's settings: 20 epochs, batch 100, 1 % validation, Adam 1e-4. */
        public static Config study(long seed) {
            return new Config(20, 100, 0.01, 1e-4, seed);
        }

        public Config withEpochs(int n) {
            return new Config(n, batchSize, validationFraction, learningRate, seed);
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

    private CnnTrainer() {
    }

    /**
     * Trains a fresh network on {@code set}.
     *
     * @throws CancelledException if the monitor is cancelled
     */
    public static Result train(TrainingSet set, Config config, ProgressMonitor monitor, Listener listener) {
        TrainingSet.Split split = set.split(config.validationFraction(), config.seed());
        Standardisation standardisation = Standardisation.of(set, split.train());
        MultiLayerNetwork net = IceCnn.create(set.rows(), set.cols(), config.learningRate(), config.seed());
        TrainingSetIterator train = new TrainingSetIterator(set, split.train(), config.batchSize(), standardisation, true, config.seed());
        TrainingSetIterator validation = new TrainingSetIterator(set, split.heldOut(), config.batchSize(), standardisation, false, config.seed());
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
                net.fit(batch);
                double loss = net.score();
                int n = batch.numExamples();
                lossSum += loss * n;
                seen += n;
                iteration++;
                listener.batch(epoch, iteration, loss);
                monitor.progress(iteration, total, "epoch " + epoch + " of " + config.epochs() + ", loss " + String.format(Locale.ROOT, "%.4f", loss));
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;
            train.reset();
            Epoch e = new Epoch(epoch, lossSum / seen, validationLoss(net, validation), millis, seen);
            history.add(e);
            listener.epoch(e);
        }
        SortedMap<SemiMonthlyPeriod, ParameterBounds> periods = new TreeMap<>();
        for (TrainingSetFile f : set.files()) {
            periods.put(f.header().period(), f.header().bounds());
        }
        ModelMetadata metadata = new ModelMetadata(set.rows(), set.cols(), periods, standardisation,
                set.files().get(0).header().seed(), set.size(), config.validationFraction(), config.seed(), config.epochs(),
                Backend.describe());
        return new Result(new InverseModel(net, metadata), history, split.heldOut());
    }

    /** MSE of the standardised targets over all samples the iterator serves, dropout off. */
    static double validationLoss(MultiLayerNetwork net, TrainingSetIterator it) {
        it.reset();
        double sum = 0;
        int n = 0;
        while (it.hasNext()) {
            DataSet ds = it.next();
            sum += net.score(ds, false) * ds.numExamples();
            n += ds.numExamples();
        }
        it.reset();
        return sum / n;
    }
}
