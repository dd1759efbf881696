package org.iceising.learn;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** The study's CNN: a Deeplearning4j layer stack fed NHWC features as they come. */
final class LayerNetwork implements InverseNetwork {
    private final MultiLayerNetwork net;

    LayerNetwork(MultiLayerNetwork net) {
        this.net = net;
        Backend.attachHelpers(net.getLayers());
    }

    MultiLayerNetwork net() {
        return net;
    }

    @Override
    public Network network() {
        return Network.CNN;
    }

    @Override
    public double fit(DataSet batch) {
        net.fit(batch);
        return net.score();
    }

    @Override
    public double loss(DataSet batch) {
        return net.score(batch, false);
    }

    @Override
    public INDArray output(INDArray features) {
        return net.output(features, false);
    }

    @Override
    public void endEpoch() {
        net.incrementEpochCount();
    }

    @Override
    public long trainableParameters() {
        return trainableParameters(net.getLayers());
    }

    @Override
    public String summary() {
        return net.summary() + countLine(trainableParameters());
    }

    @Override
    public void write(OutputStream out) throws IOException {
        ModelSerializer.writeModel(net, out, true);
    }

    @Override
    public Map<String, INDArray> weights() {
        return net.paramTable();
    }

    /** Parameters of {@code layers} the optimiser trains: all but batch norm's running mean and variance. */
    static long trainableParameters(Layer[] layers) {
        long n = 0;
        for (Layer layer : layers) {
            for (Map.Entry<String, INDArray> p : layer.paramTable().entrySet()) {
                if (!isRunningStatistic(layer, p.getKey())) {
                    n += p.getValue().length();
                }
            }
        }
        return n;
    }

    static boolean isRunningStatistic(Layer layer, String param) {
        return layer instanceof org.deeplearning4j.nn.layers.normalization.BatchNormalization
                && (param.equals(BatchNormalizationParamInitializer.GLOBAL_MEAN) || param.equals(BatchNormalizationParamInitializer.GLOBAL_VAR)
                || param.equals(BatchNormalizationParamInitializer.GLOBAL_LOG_STD));
    }

    /** The closing line of every network's summary. */
    static String countLine(long trainable) {
        return String.format(Locale.ROOT, "trainable parameters: %,d%n", trainable);
    }
}
