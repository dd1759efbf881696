package org.iceising.learn;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** The ResNet: a Deeplearning4j computation graph on NCHW activations; NHWC features are turned round on the way in. */
final class GraphNetwork implements InverseNetwork {
    private final ComputationGraph graph;

    GraphNetwork(ComputationGraph graph) {
        this.graph = graph;
        Backend.attachHelpers(graph.getLayers());
    }

    @Override
    public Network network() {
        return Network.RESNET50;
    }

    @Override
    public double fit(DataSet batch) {
        graph.fit(nchw(batch));
        return graph.score();
    }

    @Override
    public double loss(DataSet batch) {
        return graph.score(nchw(batch), false);
    }

    @Override
    public INDArray output(INDArray features) {
        return graph.outputSingle(false, nchw(features));
    }

    @Override
    public void endEpoch() {
        graph.incrementEpochCount();
    }

    @Override
    public long trainableParameters() {
        return LayerNetwork.trainableParameters(graph.getLayers());
    }

    @Override
    public String summary() {
        long all = graph.numParams();
        long trainable = trainableParameters();
        return graph.summary() + String.format(Locale.ROOT,
                "(Deeplearning4j counts batch norm's running means and variances, %,d values, among the parameters; they are not trained)%n",
                all - trainable) + LayerNetwork.countLine(trainable);
    }

    @Override
    public void write(OutputStream out) throws IOException {
        ModelSerializer.writeModel(graph, out, true);
    }

    @Override
    public Map<String, INDArray> weights() {
        return graph.paramTable();
    }

    private static DataSet nchw(DataSet batch) {
        return new DataSet(nchw(batch.getFeatures()), batch.getLabels());
    }

    private static INDArray nchw(INDArray nhwc) {
        return nhwc.permute(0, 3, 1, 2).dup('c');
    }
}
