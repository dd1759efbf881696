package org.iceising.bench;

import java.util.concurrent.TimeUnit;
import org.iceising.learn.Backend;
import org.iceising.learn.InverseNetwork;
import org.iceising.learn.Network;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step and one inference of each of the study's full-size networks on a minibatch of
 * random 60 × 60 × 2 inputs, single-shot (a ViT-Base step takes seconds per sample on a CPU).
 * Divide by {@link #batch} for ms per sample. Run with
 * {@code mvn -Pbench test-compile exec:exec -Dbench.args="NetworksBenchmark -p network=resnet50"}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", InverseProblemBenchmark.CACHE})
@State(Scope.Benchmark)
public class NetworksBenchmark {
    @Param({"cnn", "resnet50", "vit"})
    public String network;

    /** Samples per minibatch (each network's default batch). */
    @Param({"0"})
    public int batch;

    private InverseNetwork net;
    private DataSet data;

    @Setup(Level.Trial)
    public void setUp() {
        Network n = Network.parse(network);
        int b = batch > 0 ? batch : n.defaultBatchSize();
        net = n.architecture().create(60, 60, n.defaultLearningRate(), 1);
        Nd4j.getRandom().setSeed(1);
        data = new DataSet(Nd4j.rand(DataType.FLOAT, b, 60, 60, 2), Nd4j.randn(DataType.FLOAT, b, 5));
        System.out.println(Backend.describe() + "; " + n + ", batch " + b + ", " + net.trainableParameters() + " trainable parameters");
    }

    @Benchmark
    public double train() {
        return net.fit(data);
    }

    @Benchmark
    public INDArray infer() {
        return net.output(data.getFeatures());
    }
}
