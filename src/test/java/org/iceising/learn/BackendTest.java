package org.iceising.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.api.Test;

/**
 * The speed of training rests on DL4J's oneDNN helpers actually running (see {@link Backend}).
 * These tests fail if a library change drops them again, if they compute something else than
 * DL4J's own layers, or if the fallback to the portable native build stops working.
 */
class BackendTest {
    static final List<String> STUDY_HELPERS = List.of(
            "MKLDNNConvHelper", "MKLDNNSubsamplingHelper", "MKLDNNConvHelper", "MKLDNNSubsamplingHelper",
            "MKLDNNConvHelper", "MKLDNNSubsamplingHelper", "MKLDNNConvHelper", "MKLDNNSubsamplingHelper", "-", "-");

    @Test
    void onAnAvx2CpuTheOneDnnBuildRunsWithEveryConvolutionAndPoolingHelper() {
        assumeTrue(Backend.cpuHasAvx2() && "CPU".equals(Backend.name()), "the oneDNN build needs the CPU backend and AVX2");
        assertTrue(Backend.buildInfo().contains("HAVE_ONEDNN"), Backend.buildInfo());
        assertTrue(Backend.oneDnnAvailable());
        assertTrue(Backend.describe().contains("oneDNN layer helpers on"), Backend.describe());
        MultiLayerNetwork net = IceCnn.create(60, 60, 1e-4, 1);
        assertEquals(STUDY_HELPERS, Backend.helpers(net));
        Nd4j.getRandom().setSeed(1);
        net.fit(Nd4j.rand(DataType.FLOAT, 4, 60, 60, 2), Nd4j.rand(DataType.FLOAT, 4, 5));
        assertEquals(STUDY_HELPERS, Backend.helpers(net), "no helper failed and fell back to the built-in code");
    }

    @Test
    void theHelpersComputeWhatDl4jsOwnLayersCompute() {
        assumeTrue(Backend.oneDnnAvailable(), "needs the oneDNN build");
        MultiLayerNetwork fast = IceCnn.create(60, 60, 1e-4, 2);
        MultiLayerNetwork plain = new MultiLayerNetwork(IceCnn.configuration(60, 60, 1e-4, 2));
        plain.init(fast.params().dup(), false);
        assertEquals(List.of("-", "-", "-", "-", "-", "-", "-", "-", "-", "-"), Backend.helpers(plain));
        Nd4j.getRandom().setSeed(2);
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 60, 60, 2);
        INDArray y = Nd4j.rand(DataType.FLOAT, 6, 5);
        INDArray a = fast.output(x, false);
        INDArray b = plain.output(x, false);
        assertTrue(a.equalsWithEps(b, 1e-4), "outputs\n" + a + "\n" + b);
        Map<String, INDArray> ga = gradient(fast, x, y);
        Map<String, INDArray> gb = gradient(plain, x, y);
        for (String key : gb.keySet()) {
            INDArray d = ga.get(key).sub(gb.get(key));
            double scale = Math.max(1e-6, gb.get(key).amaxNumber().doubleValue());
            assertTrue(d.amaxNumber().doubleValue() <= 1e-3 * scale, "gradient " + key + " differs by " + d.amaxNumber() + " of " + scale);
        }
    }

    private static Map<String, INDArray> gradient(MultiLayerNetwork net, INDArray x, INDArray y) {
        Nd4j.getRandom().setSeed(99); // the same dropout mask for both networks
        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        Gradient g = net.gradient();
        Map<String, INDArray> out = new java.util.TreeMap<>();
        g.gradientForVariable().forEach((k, v) -> out.put(k, v.dup()));
        return out;
    }

    /** oneDNN's own trace (DNNL_VERBOSE) shows its convolution and pooling kernels running forward and backward. */
    @Test
    void oneDnnExecutesTheConvolutionsAndPoolingsOfATrainingStep() throws Exception {
        assumeTrue(Backend.oneDnnAvailable(), "needs the oneDNN build");
        List<String> out = probe(Map.of("DNNL_VERBOSE", "1"));
        List<String> exec = out.stream().filter(l -> l.startsWith("dnnl_verbose,exec,cpu,")).toList();
        for (String kind : List.of("convolution", "pooling")) {
            for (String prop : kind.equals("convolution")
                    ? List.of("forward", "backward_data", "backward_weights") : List.of("forward", "backward_data")) {
                assertTrue(exec.stream().anyMatch(l -> l.contains("," + kind) && l.contains("," + prop)),
                        "oneDNN ran no " + kind + " " + prop + " primitive; trace:\n" + String.join("\n", exec));
            }
        }
        assertTrue(exec.stream().noneMatch(l -> l.contains(",ref:")), "a reference (non-JIT) oneDNN kernel ran:\n" + String.join("\n", exec));
        assertTrue(out.contains("helpers=" + STUDY_HELPERS), String.join("\n", out));
    }

    /** With the portable build forced (as on a CPU without AVX2) the same network trains on DL4J's own layers. */
    @Test
    void thePortableBuildIsTheFallback() throws Exception {
        assumeTrue("CPU".equals(Backend.name()), "the portable build is a CPU build");
        List<String> out = probe(Map.of(), "-D" + Backend.PORTABLE_PROPERTY + "=true");
        String describe = out.stream().filter(l -> l.startsWith("describe=")).findFirst().orElseThrow(() -> new AssertionError(out));
        assertTrue(describe.contains("portable build without oneDNN") && describe.contains("helpers off"), describe);
        assertTrue(out.contains("helpers=[-, -, -, -, -, -, -, -, -, -]"), String.join("\n", out));
        String loss = out.stream().filter(l -> l.startsWith("loss=")).findFirst().orElseThrow(() -> new AssertionError(out));
        assertTrue(Double.isFinite(Double.parseDouble(loss.substring(5))), loss);
    }

    /** Runs {@link OneDnnProbe} in a fresh JVM and returns its output lines. */
    private static List<String> probe(Map<String, String> env, String... jvmArgs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
        if (cache != null) {
            cmd.add("-Dorg.bytedeco.javacpp.cachedir=" + cache);
        }
        cmd.addAll(List.of(jvmArgs));
        cmd.add(OneDnnProbe.class.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the probe JVM did not finish");
        assertEquals(0, p.exitValue(), text);
        return text.lines().toList();
    }
}
