package org.iceising.learn;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.iceising.model.IsingParams;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Streams minibatches of a {@link TrainingSet} from disk: features NHWC (sample, row, column,
 * channel; channels start w and end w) and standardised targets. Only one batch is in memory at a
 * time. With shuffling, every {@link #reset()} draws a new order from the seed and the epoch number,
 * so a run is reproducible.
 */
public final class TrainingSetIterator implements DataSetIterator {
    private static final long serialVersionUID = 1L;

    private final transient TrainingSet set;
    private final int[] indices;
    private final int batch;
    private final Standardisation standardisation;
    private final boolean shuffle;
    private final long seed;
    private final transient Map<TrainingSetFile, float[]> startWater = new HashMap<>();
    private int[] order;
    private int cursor;
    private int epoch;
    private transient DataSetPreProcessor preProcessor;

    /**
     * @param indices which samples of {@code set} to serve
     * @param shuffle whether to visit them in a new random order each epoch (else in the order given)
     */
    public TrainingSetIterator(TrainingSet set, int[] indices, int batch, Standardisation standardisation,
                               boolean shuffle, long seed) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batch);
        }
        if (indices.length == 0) {
            throw new IllegalArgumentException("no samples to iterate over");
        }
        Backend.init();
        this.set = set;
        this.indices = indices.clone();
        this.batch = batch;
        this.standardisation = standardisation;
        this.shuffle = shuffle;
        this.seed = seed;
        for (TrainingSetFile f : set.files()) {
            startWater.put(f, Inputs.water(f.header().start()));
        }
        reset();
    }

    /** Number of samples served per epoch. */
    public int size() {
        return indices.length;
    }

    @Override
    public boolean hasNext() {
        return cursor < order.length;
    }

    @Override
    public DataSet next() {
        return next(batch);
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) {
            throw new NoSuchElementException("the epoch has no more samples");
        }
        int n = Math.min(num, order.length - cursor);
        int cells = set.rows() * set.cols();
        float[] features = new float[n * cells * IceCnn.CHANNELS];
        float[] labels = new float[n * 5];
        double[] params = new double[5];
        short[] end = new short[cells];
        for (int s = 0; s < n; s++) {
            int index = order[cursor + s];
            TrainingSetFile file = set.fileOf(index);
            file.read(set.localIndex(index), params, end);
            Inputs.put(features, s, startWater.get(file), Inputs.water(end, file.header().start()));
            double[] z = standardisation.forward(IsingParams.fromArray(params));
            for (int k = 0; k < 5; k++) {
                labels[s * 5 + k] = (float) z[k];
            }
        }
        cursor += n;
        DataSet ds = new DataSet(Nd4j.create(features, new long[] {n, set.rows(), set.cols(), IceCnn.CHANNELS}, 'c'),
                Nd4j.create(labels, new long[] {n, 5}, 'c'));
        if (preProcessor != null) {
            preProcessor.preProcess(ds);
        }
        return ds;
    }

    @Override
    public int inputColumns() {
        return set.rows() * set.cols() * IceCnn.CHANNELS;
    }

    @Override
    public int totalOutcomes() {
        return 5;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return true;
    }

    @Override
    public void reset() {
        order = indices.clone();
        if (shuffle) {
            SplittableRandom r = new SplittableRandom(seed + 0x9E3779B97F4A7C15L * ++epoch);
            for (int i = order.length - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        cursor = 0;
    }

    @Override
    public int batch() {
        return batch;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return List.of(IsingParams.NAMES);
    }
}
