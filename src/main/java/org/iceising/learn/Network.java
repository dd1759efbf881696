package org.iceising.learn;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * The study's three networks for the inverse problem (MODEL.md §6) and what the command line, the
 * model file and the workbench need to know of each: its name, its full-size architecture, the
 * study's training schedule, whether it is GPU-class, and how a saved one is read back.
 */
public enum Network {
    /** The small CNN of 213,101 parameters (Keras in the study). */
    CNN("cnn", "the study's CNN (4 conv blocks, dense 100)", false, 20, 100, 1e-4),
    /** torchvision's ResNet50 for 2 channels with a 1000 → 5 head: 25,558,901 trainable parameters. */
    RESNET50("resnet50", "ResNet50 (bottleneck 3-4-6-3, fc 1000, linear 5)", false, 30, 32, 1e-3),
    /** ViT-Base for 60 × 60 × 2 images in 4 × 4 patches: 85,259,525 trainable parameters. */
    VIT("vit", "ViT-Base (768 wide, 12 blocks, 12 heads, patch 4)", true, 3, 8, 5e-5);

    private final String id;
    private final String description;
    private final boolean gpuClass;
    private final int epochs;
    private final int batchSize;
    private final double learningRate;

    Network(String id, String description, boolean gpuClass, int epochs, int batchSize, double learningRate) {
        this.id = id;
        this.description = description;
        this.gpuClass = gpuClass;
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.learningRate = learningRate;
    }

    /** The name on the command line and in model files: cnn, resnet50, vit. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /**
     * True for a network whose training is impractical on a CPU: the ViT costs about 100 GFLOP per
     * sample and training step (see docs/PERFORMANCE.md).
     */
    public boolean gpuClass() {
        return gpuClass;
    }

    /** The study's epochs: CNN 20, ResNet50 30, ViT 3. */
    public int studyEpochs() {
        return epochs;
    }

    /** Default minibatch size: the study's 100 for the CNN; for the others what fits the memory of docs/PERFORMANCE.md. */
    public int defaultBatchSize() {
        return batchSize;
    }

    /**
     * Default learning rate: Adam 1e-4 (CNN), SGD with Nesterov momentum 1e-3 decayed ×0.1 every 7
     * epochs (ResNet50), Adam 5e-5 (ViT).
     */
    public double defaultLearningRate() {
        return learningRate;
    }

    /** The full-size network of the study. */
    public Architecture architecture() {
        return switch (this) {
            case CNN -> IceCnn.ARCHITECTURE;
            case RESNET50 -> ResNet.Shape.RESNET50;
            case VIT -> VisionTransformer.Shape.VIT_BASE;
        };
    }

    /** Trainable parameters of the full-size network for a rows × cols lattice. */
    public long trainableParameters(int rows, int cols) {
        return switch (this) {
            case CNN -> IceCnn.parameterCount(rows, cols);
            case RESNET50 -> ResNet.Shape.RESNET50.trainableParameters();
            case VIT -> VisionTransformer.Shape.VIT_BASE.trainableParameters(rows, cols);
        };
    }

    /** Reads back a network written by {@link InverseNetwork#write}. */
    InverseNetwork restore(byte[] bytes) throws IOException {
        Backend.init();
        return switch (this) {
            case CNN -> {
                MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes), true);
                yield new LayerNetwork(net);
            }
            case RESNET50 -> {
                ComputationGraph graph = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(bytes), true);
                yield new GraphNetwork(graph);
            }
            case VIT -> SameDiffNetwork.read(bytes);
        };
    }

    /** The network called {@code name} (cnn, resnet50, vit; any case). */
    public static Network parse(String name) {
        for (Network n : values()) {
            if (n.id.equalsIgnoreCase(name.trim())) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown network '" + name + "'; choose one of " + names());
    }

    /** "cnn, resnet50, vit". */
    public static String names() {
        return Arrays.stream(values()).map(Network::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
