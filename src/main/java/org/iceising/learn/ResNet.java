package org.iceising.learn;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/**
 * torchvision's ResNet50 (v1.5: the stride of a down-sampling bottleneck sits in its 3 × 3
 * convolution) as a Deeplearning4j computation graph, for a rows × cols × 2 input: a 7 × 7 / 2
 * convolution for 2 channels, batch norm, ReLU, 3 × 3 / 2 max pooling, four stages of bottleneck
 * blocks (1 × 1, 3 × 3, 1 × 1 convolutions, each with batch norm; the last widens 4 ×; a 1 × 1
 * projection with batch norm on the shortcut where the shape changes), global average pooling,
 * torchvision's fc layer (2048 → 1000) with ReLU, and a new linear layer to the five parameters.
 * Convolutions have no biases, as in torchvision. For 60 × 60 the spatial sizes are
 * 60 → 30 → 15 → 15 → 8 → 4 → 2 and the network has 25,558,901 trainable parameters.
 *
 * <p>Layer names follow torchvision's module names ({@code conv1}, {@code bn1},
 * {@code layer2.0.conv2}, {@code layer2.0.downsample.0}, {@code fc}) so that its weights map by
 * name; the new last layer is {@code head}. Activations are NCHW (the layout DL4J's batch norm and
 * global pooling know best); {@link GraphNetwork} turns the NHWC features round. "Same" padding
 * gives torchvision's output sizes; for stride 2 it pads bottom-right where torchvision pads both
 * sides, a one-pixel shift that fine-tuning absorbs.
 *
 * <p>Training: MSE, SGD with Nesterov momentum 0.9 (DL4J has no plain-momentum SGD), learning
 * rate decayed ×0.1 every 7 epochs (torchvision's fine-tuning recipe, which the study's lr 1e-3
 * follows), He-normal weights.
 */
public final class ResNet {
    /** Epochs between two learning-rate decays. */
    public static final int DECAY_EVERY_EPOCHS = 7;
    /** Factor of each learning-rate decay. */
    public static final double DECAY = 0.1;
    /** SGD momentum. */
    public static final double MOMENTUM = 0.9;
    private static final int EXPANSION = 4;
    private static final double BN_EPS = 1e-5;
    /** torchvision's batch-norm momentum 0.1 is DL4J's decay 0.9. */
    private static final double BN_DECAY = 0.9;

    private ResNet() {
    }

    /**
     * A ResNet of the torchvision family.
     *
     * @param blocks bottleneck blocks per stage (ResNet50: 3, 4, 6, 3)
     * @param width  channels of the stem and of the first stage's bottleneck (ResNet50: 64; doubles per stage)
     * @param fc     width of the fc layer before the head (torchvision: 1000, its ImageNet classes)
     */
    public record Shape(int[] blocks, int width, int fc) implements Architecture {
        /** The study's ResNet50. */
        public static final Shape RESNET50 = new Shape(new int[] {3, 4, 6, 3}, 64, 1000);

        public Shape {
            if (blocks.length == 0 || Arrays.stream(blocks).anyMatch(b -> b < 1) || width < 1 || fc < 1) {
                throw new IllegalArgumentException("a ResNet needs at least one stage of at least one block and positive widths");
            }
            blocks = blocks.clone();
        }

        @Override
        public int[] blocks() {
            return blocks.clone();
        }

        @Override
        public Network network() {
            return Network.RESNET50;
        }

        @Override
        public InverseNetwork create(int rows, int cols, double learningRate, long seed) {
            ComputationGraph graph = new ComputationGraph(configuration(this, rows, cols, learningRate, seed));
            graph.init();
            return new GraphNetwork(graph);
        }

        @Override
        public String describe() {
            return "ResNet " + Arrays.stream(blocks).mapToObj(Integer::toString).collect(Collectors.joining("-"))
                    + ", width " + width + ", fc " + fc;
        }

        /** Trainable parameters (independent of the lattice size: global pooling ends the convolutions). */
        public long trainableParameters() {
            long n = 7L * 7 * IceCnn.CHANNELS * width + 2L * width; // stem conv + bn
            int in = width;
            for (int stage = 0; stage < blocks.length; stage++) {
                int w = width << stage;
                for (int b = 0; b < blocks[stage]; b++) {
                    n += (long) in * w + 2L * w + 9L * w * w + 2L * w + (long) w * EXPANSION * w + 2L * EXPANSION * w;
                    if (b == 0) {
                        n += (long) in * EXPANSION * w + 2L * EXPANSION * w;
                    }
                    in = EXPANSION * w;
                }
            }
            return n + (long) in * fc + fc + (long) fc * IceCnn.OUTPUTS + IceCnn.OUTPUTS;
        }
    }

    /** The graph's configuration for a rows × cols lattice. */
    static ComputationGraphConfiguration configuration(Shape shape, int rows, int cols, double learningRate, long seed) {
        Backend.init();
        int downsampling = 4 << (shape.blocks.length - 1);
        if (rows < downsampling || cols < downsampling) {
            throw new IllegalArgumentException("this ResNet halves the lattice " + (shape.blocks.length + 1) + " times and needs at least "
                    + downsampling + " x " + downsampling + ", got " + rows + " x " + cols);
        }
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Nesterovs(new StepSchedule(ScheduleType.EPOCH, learningRate, DECAY, DECAY_EVERY_EPOCHS), MOMENTUM))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .graphBuilder()
                .addInputs("input")
                .setInputTypes(InputType.convolutional(rows, cols, IceCnn.CHANNELS));
        String x = convBn(g, "conv1", "bn1", "input", IceCnn.CHANNELS, shape.width, 7, 2);
        g.addLayer("relu", new ActivationLayer(Activation.RELU), x);
        g.addLayer("maxpool", new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(3, 3).stride(2, 2).build(), "relu");
        x = "maxpool";
        int in = shape.width;
        for (int stage = 0; stage < shape.blocks.length; stage++) {
            int w = shape.width << stage;
            for (int b = 0; b < shape.blocks[stage]; b++) {
                x = bottleneck(g, "layer" + (stage + 1) + "." + b, x, in, w, b == 0 && stage > 0 ? 2 : 1, b == 0);
                in = EXPANSION * w;
            }
        }
        g.addLayer("avgpool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), x);
        g.addLayer("fc", new DenseLayer.Builder().nIn(in).nOut(shape.fc).activation(Activation.RELU).weightInit(WeightInit.XAVIER).build(), "avgpool");
        g.addLayer("head", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(shape.fc).nOut(IceCnn.OUTPUTS)
                .activation(Activation.IDENTITY).weightInit(WeightInit.XAVIER).build(), "fc");
        return g.setOutputs("head").build();
    }

    /** A bottleneck block named like torchvision's ({@code layer1.0}); returns its output vertex. */
    private static String bottleneck(ComputationGraphConfiguration.GraphBuilder g, String name, String input, int in, int w, int stride,
                                     boolean project) {
        String x = convBn(g, name + ".conv1", name + ".bn1", input, in, w, 1, 1);
        g.addLayer(name + ".relu1", new ActivationLayer(Activation.RELU), x);
        x = convBn(g, name + ".conv2", name + ".bn2", name + ".relu1", w, w, 3, stride);
        g.addLayer(name + ".relu2", new ActivationLayer(Activation.RELU), x);
        x = convBn(g, name + ".conv3", name + ".bn3", name + ".relu2", w, EXPANSION * w, 1, 1);
        String shortcut = project ? convBn(g, name + ".downsample.0", name + ".downsample.1", input, in, EXPANSION * w, 1, stride) : input;
        g.addVertex(name + ".add", new ElementWiseVertex(ElementWiseVertex.Op.Add), x, shortcut);
        g.addLayer(name + ".relu", new ActivationLayer(Activation.RELU), name + ".add");
        return name + ".relu";
    }

    private static String convBn(ComputationGraphConfiguration.GraphBuilder g, String conv, String bn, String input, int in, int out,
                                 int kernel, int stride) {
        g.addLayer(conv, new ConvolutionLayer.Builder(kernel, kernel).stride(stride, stride).nIn(in).nOut(out).hasBias(false)
                .activation(Activation.IDENTITY).build(), input);
        g.addLayer(bn, new BatchNormalization.Builder().nOut(out).eps(BN_EPS).decay(BN_DECAY).useLogStd(false).build(), conv);
        return bn;
    }
}
