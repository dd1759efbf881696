package org.iceising.bench;

import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.conf.CNN2DFormat;
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
import org.iceising.learn.Backend;
import org.iceising.learn.IceCnn;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Training and inference cost of the study's CNN (60 × 60 × 2, batch 100) per sample, as IceIsing
 * runs it ({@code tuned}: oneDNN + AVX2 native build, oneDNN helpers, NHWC, CacheMode.DEVICE, dense
 * LeakyReLU) and as DL4J 1.0.0-M2.1 runs the same network out of the box (portable native
 * build, NCHW, built-in layers). Results are ms per sample; sample mode reports the distribution
 * of single minibatches, so on a shared machine the minimum and the median tell an uncontended
 * minibatch from a typical one. Run with
 * {@code mvn -Pbench test-compile exec:exec -Dbench.args=InverseProblemBenchmark} (see
 * docs/PERFORMANCE.md).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class InverseProblemBenchmark {
    static final int BATCH = 100;
    static final String CACHE = "-Dorg.bytedeco.javacpp.cachedir=target/javacpp-cache";

    /** A network with one minibatch of random inputs and targets. */
    abstract static class Net {
        MultiLayerNetwork net;
        INDArray features;
        INDArray labels;

        void build(MultiLayerNetwork network, long... shape) {
            net = network;
            Nd4j.getRandom().setSeed(1);
            features = Nd4j.rand(DataType.FLOAT, shape);
            labels = Nd4j.rand(DataType.FLOAT, BATCH, 5);
            System.out.println(Backend.describe() + "; helpers " + Backend.helpers(net));
        }

        @TearDown(Level.Trial)
        public void report() {
            System.out.println("helpers after the run " + Backend.helpers(net));
        }

        double train() {
            net.fit(features, labels);
            return net.score();
        }
    }

    /** The study's CNN as IceIsing builds it. */
    @State(Scope.Benchmark)
    public static class Tuned extends Net {
        @Setup(Level.Trial)
        public void setUp() {
            build(IceCnn.create(60, 60, 1e-4, 1), BATCH, 60, 60, 2);
        }
    }

    /** The same network as DL4J builds it by default: NCHW, built-in LeakyReLU, no layer cache, no helpers. */
    @State(Scope.Benchmark)
    public static class OutOfTheBox extends Net {
        @Setup(Level.Trial)
        public void setUp() {
            NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(1e-4))
                    .weightInit(WeightInit.XAVIER_UNIFORM).list();
            int in = 2;
            for (int filters : new int[] {16, 32, 64, 128}) {
                b.layer(new ConvolutionLayer.Builder(3, 3).nIn(in).nOut(filters).convolutionMode(ConvolutionMode.Same)
                        .activation(new ActivationLReLU(0.3)).build());
                b.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .convolutionMode(ConvolutionMode.Truncate).build());
                in = filters;
            }
            b.layer(new DenseLayer.Builder().nOut(100).activation(new ActivationLReLU(0.3)).build());
            b.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(5).activation(Activation.IDENTITY).dropOut(0.8).build());
            MultiLayerConfiguration conf = b.setInputType(InputType.convolutional(60, 60, 2)).build();
            MultiLayerNetwork n = new MultiLayerNetwork(conf);
            n.init();
            build(n, BATCH, 2, 60, 60);
        }
    }

    /** One Adam step on a minibatch of 100; the score is per sample. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    @Fork(value = 1, jvmArgsAppend = {"-Xmx2g", CACHE})
    public double trainTuned(Tuned s) {
        return s.train();
    }

    /** Prediction of a minibatch of 100; the score is per sample. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    @Fork(value = 1, jvmArgsAppend = {"-Xmx2g", CACHE})
    public INDArray inferTuned(Tuned s) {
        return s.net.output(s.features, false);
    }

    /** As {@link #trainTuned} with DL4J's defaults on the portable native build. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    @Fork(value = 1, jvmArgsAppend = {"-Xmx2g", CACHE, "-Dorg.bytedeco.javacpp.platform.extension="})
    public double trainOutOfTheBox(OutOfTheBox s) {
        return s.train();
    }

    /** As {@link #inferTuned} with DL4J's defaults on the portable native build. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    @Fork(value = 1, jvmArgsAppend = {"-Xmx2g", CACHE, "-Dorg.bytedeco.javacpp.platform.extension="})
    public INDArray inferOutOfTheBox(OutOfTheBox s) {
        return s.net.output(s.features, false);
    }
}
