package org.iceising.learn;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The ViT: a SameDiff graph with placeholders for the NHWC features and the standardised targets.
 * Saved as SameDiff's FlatBuffers form with the weights only: Adam's moments of ViT-Base would
 * triple a file of 341 MB, and a saved model is for prediction (fine-tuning it again starts Adam afresh).
 */
final class SameDiffNetwork implements InverseNetwork {
    private final SameDiff sd;

    SameDiffNetwork(SameDiff sd) {
        this.sd = sd;
    }

    static SameDiffNetwork read(byte[] bytes) throws IOException {
        SameDiff sd = SameDiff.fromFlatBuffers(ByteBuffer.wrap(bytes), false);
        if (!sd.hasVariable(VisionTransformer.OUTPUT) || !sd.hasVariable(VisionTransformer.LOSS)) {
            throw new IOException("the graph has no '" + VisionTransformer.OUTPUT + "' or '" + VisionTransformer.LOSS + "'");
        }
        return new SameDiffNetwork(sd);
    }

    @Override
    public Network network() {
        return Network.VIT;
    }

    /**
     * One Adam step. The loss returned is the minibatch's at the weights the step starts from (what
     * DL4J's score gives for the other networks): SameDiff's fit on one DataSet reports none, so it is
     * computed by a forward pass first (no dropout or batch norm here, so training and inference agree).
     */
    @Override
    public double fit(DataSet batch) {
        double before = loss(batch);
        if (!sd.hasGradientFunction()) {
            createGradientsQuietly(sd);
        }
        sd.fit(batch);
        releaseSessionArrays();
        return before;
    }

    /**
     * SameDiff (unlike DL4J's layers) runs without workspaces here: each step leaves its
     * activations and gradients, off the Java heap, to be freed when the garbage collector finds
     * their small Java handles, which a heap with little else on it does rarely. For ViT-Base at batch
     * 8 that is about a gigabyte a step: 18 minutes of training grew past 22 GB and was killed on a
     * 24 GiB machine. A collection after each step (milliseconds, against seconds for the step)
     * frees them and keeps the process at its working size (docs/PERFORMANCE.md).
     */
    private static void releaseSessionArrays() {
        System.gc();
    }

    /**
     * SameDiff prints a line to standard output for every op when it first builds the gradient graph
     * ("Added differentiated op ..."), through no logger that could be turned off; a command's output
     * and the test logs are not the place for them, so they are dropped. Standard output is swapped
     * for the build only, under one lock.
     */
    private static void createGradientsQuietly(SameDiff sd) {
        synchronized (SameDiffNetwork.class) {
            PrintStream out = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                sd.createGradFunction();
            } finally {
                System.setOut(out);
            }
        }
    }

    @Override
    public double loss(DataSet batch) {
        return sd.output(Map.of(VisionTransformer.INPUT, batch.getFeatures(), VisionTransformer.LABEL, batch.getLabels()),
                VisionTransformer.LOSS).get(VisionTransformer.LOSS).getDouble(0);
    }

    @Override
    public INDArray output(INDArray features) {
        return sd.output(Map.of(VisionTransformer.INPUT, features), VisionTransformer.OUTPUT).get(VisionTransformer.OUTPUT);
    }

    @Override
    public void endEpoch() {
        // Adam at a constant rate: nothing steps per epoch
    }

    @Override
    public long trainableParameters() {
        return weights().values().stream().mapToLong(INDArray::length).sum();
    }

    @Override
    public String summary() {
        StringBuilder sb = new StringBuilder();
        String rule = "=".repeat(92) + System.lineSeparator();
        sb.append(rule).append(String.format(Locale.ROOT, "%-64s %-16s %10s%n", "variable", "shape", "parameters")).append(rule);
        for (Map.Entry<String, INDArray> e : weights().entrySet()) {
            sb.append(String.format(Locale.ROOT, "%-64s %-16s %,10d%n", e.getKey(), shape(e.getValue().shape()), e.getValue().length()));
        }
        return sb.append(rule).append(LayerNetwork.countLine(trainableParameters())).toString();
    }

    @Override
    public void write(OutputStream out) throws IOException {
        ByteBuffer b = sd.asFlatBuffers(false);
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        out.write(bytes);
    }

    @Override
    public Map<String, INDArray> weights() {
        Map<String, INDArray> m = new LinkedHashMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                m.put(v.name(), v.getArr());
            }
        }
        return m;
    }

    private static String shape(long[] shape) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < shape.length; k++) {
            sb.append(k > 0 ? " x " : "").append(shape[k]);
        }
        return sb.toString();
    }
}
