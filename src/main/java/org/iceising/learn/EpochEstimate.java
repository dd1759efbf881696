package org.iceising.learn;

import java.util.Locale;
import org.iceising.model.ProgressMonitor;
import org.nd4j.linalg.dataset.DataSet;

/**
 * What one epoch of training would cost, measured before a long run: a fresh network of the
 * configuration trains on a few minibatches of the training set (one more first, untimed, for the
 * native library's warm-up) and the time per sample is scaled to the training split.
 *
 * @param network           the network measured
 * @param trainableParameters its trainable parameter count
 * @param gpuClass          whether it is a GPU-class network ({@link Network#gpuClass()})
 * @param onGpu             whether ND4J runs on a GPU
 * @param samplesTimed      samples in the timed minibatches
 * @param millisPerSample   training time per sample
 * @param trainSamples      samples in the training split (one epoch)
 */
public record EpochEstimate(Network network, long trainableParameters, boolean gpuClass, boolean onGpu, int samplesTimed,
                            double millisPerSample, int trainSamples) {

    /** Estimated wall-clock time of one epoch, in milliseconds. */
    public double epochMillis() {
        return millisPerSample * trainSamples;
    }

    /** True when the network is GPU-class and ND4J runs on the CPU: the run will be very slow. */
    public boolean needsGpu() {
        return gpuClass && !onGpu;
    }

    /** One line for a status bar: network, size, time per epoch, and a plain warning where one is due. */
    public String text() {
        String s = String.format(Locale.ROOT, "%s: %,d trainable parameters, %.1f ms/sample, about %s per epoch of %,d samples",
                network, trainableParameters, millisPerSample, duration(epochMillis()), trainSamples);
        return needsGpu() ? s + "; this network is GPU-class and no GPU is in use" : s;
    }

    /**
     * Times {@code batches} minibatches (after one warm-up minibatch) of {@code config} on {@code set}.
     *
     * @throws IllegalArgumentException if {@code batches} is below 1 or the training split holds fewer than batches + 1 minibatches
     */
    public static EpochEstimate measure(TrainingSet set, CnnTrainer.Config config, int batches, ProgressMonitor monitor) {
        if (batches < 1) {
            throw new IllegalArgumentException("time at least one minibatch, got " + batches);
        }
        CnnTrainer.Start start = CnnTrainer.start(set, config, CnnTrainer.Listener.NONE);
        int trainSamples = start.split().train().length;
        if (trainSamples < (long) (batches + 1) * config.batchSize()) {
            throw new IllegalArgumentException("timing " + batches + " minibatches of " + config.batchSize() + " after a warm-up one needs "
                    + (batches + 1) * config.batchSize() + " training samples, the set has " + trainSamples);
        }
        InverseNetwork net = start.net();
        net.fit(start.train().next());
        long t0 = System.nanoTime();
        int samples = 0;
        for (int b = 0; b < batches; b++) {
            monitor.checkCancelled();
            DataSet batch = start.train().next();
            net.fit(batch);
            samples += batch.numExamples();
            monitor.progress(b + 1, batches, "timing minibatch " + (b + 1) + " of " + batches);
        }
        double perSample = (System.nanoTime() - t0) / 1e6 / samples;
        return new EpochEstimate(net.network(), net.trainableParameters(), net.network().gpuClass(), Backend.isCuda(), samples, perSample,
                trainSamples);
    }

    private static String duration(double millis) {
        double s = millis / 1000;
        if (s < 120) {
            return String.format(Locale.ROOT, "%.0f s", s);
        }
        if (s < 7200) {
            return String.format(Locale.ROOT, "%.0f min", s / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", s / 3600);
    }
}
