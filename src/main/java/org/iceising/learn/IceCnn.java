package org.iceising.learn;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The study's CNN (MODEL.md §6) in Deeplearning4j: input rows × cols × 2 (start w, end w; NHWC),
 * four blocks of 3×3 convolution with "same" padding and LeakyReLU(0.3) each followed by 2×2 max
 * pooling (16, 32, 64, 128 filters; the pooling floors, 60 → 30 → 15 → 7 → 3), a dense layer of 100
 * with LeakyReLU(0.3), dropout 0.2 and a linear dense output of the five parameters. For 60 × 60
 * that is 213,101 trainable parameters. Loss MSE, Adam with the given learning rate and Keras's
 * defaults otherwise (β₁ 0.9, β₂ 0.999, ε 1e-7), Glorot-uniform weights and zero biases as Keras
 * initialises them.
 *
 * <p>Layout and caching are chosen for speed on the CPU (see {@link Backend}): NHWC activations,
 * {@link CacheMode#DEVICE} so that backpropagation reuses the forward convolution, and
 * {@link DenseLeakyRelu}.
 */
public final class IceCnn {
    /** Number of outputs: J, B0, Bx, By, I. */
    public static final int OUTPUTS = 5;
    /** Input channels: start w and end w. */
    public static final int CHANNELS = 2;
    /** LeakyReLU slope below zero. */
    public static final double LEAKY_ALPHA = 0.3;
    /** Probability of dropping a unit of the dense layer during training. */
    public static final double DROPOUT = 0.2;
    private static final int[] FILTERS = {16, 32, 64, 128};
    private static final int DENSE = 100;

    /** The CNN as one of the study's {@link Network}s. */
    static final Architecture ARCHITECTURE = new Architecture() {
        @Override
        public Network network() {
            return Network.CNN;
        }

        @Override
        public InverseNetwork create(int rows, int cols, double learningRate, long seed) {
            return new LayerNetwork(IceCnn.create(rows, cols, learningRate, seed));
        }

        @Override
        public String describe() {
            return "CNN 16-32-64-128, dense " + DENSE;
        }
    };

    private IceCnn() {
    }

    /** The network's configuration for a rows × cols lattice. */
    public static MultiLayerConfiguration configuration(int rows, int cols, double learningRate, long seed) {
        Backend.init();
        if (rows < 16 || cols < 16) {
            throw new IllegalArgumentException("the CNN's four 2x2 poolings need a lattice of at least 16 x 16, got " + rows + " x " + cols);
        }
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate, 0.9, 0.999, 1e-7))
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .biasInit(0)
                .cacheMode(CacheMode.DEVICE)
                .list();
        int in = CHANNELS;
        for (int filters : FILTERS) {
            b.layer(new ConvolutionLayer.Builder(3, 3).stride(1, 1).nIn(in).nOut(filters)
                    .convolutionMode(ConvolutionMode.Same).dataFormat(CNN2DFormat.NHWC)
                    .activation(new DenseLeakyRelu(LEAKY_ALPHA)).build());
            b.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                    .convolutionMode(ConvolutionMode.Truncate).dataFormat(CNN2DFormat.NHWC).build());
            in = filters;
        }
        b.layer(new DenseLayer.Builder().nOut(DENSE).activation(new DenseLeakyRelu(LEAKY_ALPHA)).build());
        b.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(OUTPUTS)
                .activation(Activation.IDENTITY).dropOut(1 - DROPOUT).build());
        return b.setInputType(InputType.convolutional(rows, cols, CHANNELS, CNN2DFormat.NHWC)).build();
    }

    /** Trainable parameters of the network for a rows × cols lattice (213,101 for 60 × 60). */
    public static long parameterCount(int rows, int cols) {
        long n = 0;
        for (NeuralNetConfiguration layer : configuration(rows, cols, 1e-4, 0).getConfs()) {
            n += layer.getLayer().initializer().numParams(layer);
        }
        return n;
    }

    /** DL4J's table of the network's layers, output shapes and parameter counts for a rows × cols lattice. */
    public static String summary(int rows, int cols) {
        return create(rows, cols, 1e-4, 0).summary();
    }

    /** A freshly initialised network with the oneDNN helpers attached where they run. */
    public static MultiLayerNetwork create(int rows, int cols, double learningRate, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(rows, cols, learningRate, seed));
        net.init();
        Backend.attachHelpers(net);
        return net;
    }
}
