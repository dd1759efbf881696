package org.iceising.learn;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Run in a separate JVM by {@link BackendTest}: trains the study's CNN for two minibatches and
 * predicts once, then prints the backend, the layers' helpers and the loss, one per line.
 */
public final class OneDnnProbe {
    private OneDnnProbe() {
    }

    public static void main(String[] args) {
        MultiLayerNetwork net = IceCnn.create(60, 60, 1e-4, 3);
        Nd4j.getRandom().setSeed(3);
        DataSet batch = new DataSet(Nd4j.rand(DataType.FLOAT, 8, 60, 60, 2), Nd4j.rand(DataType.FLOAT, 8, 5));
        net.fit(batch);
        net.fit(batch);
        net.output(batch.getFeatures(), false);
        System.out.println("describe=" + Backend.describe());
        System.out.println("helpers=" + Backend.helpers(net));
        System.out.println("loss=" + net.score(batch, false));
    }
}
