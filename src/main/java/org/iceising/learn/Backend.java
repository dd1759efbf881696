package org.iceising.learn;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The ND4J backend that runs the networks, and what makes it fast on a CPU.
 *
 * <p><b>Native build.</b> The build ships ND4J's oneDNN + AVX2 native library beside the portable
 * one; JavaCPP loads the first. On a Linux x86-64 CPU without AVX2 (or when the system property
 * {@value #PORTABLE_PROPERTY} is true) this class selects the portable library instead, before
 * ND4J loads: ND4J would otherwise stop the JVM on the CPU check. Everything in this package that
 * touches ND4J calls {@link #init()} first.
 *
 * <p><b>oneDNN layer helpers.</b> DL4J 1.0.0-M2.1 never uses its oneDNN convolution and pooling
 * helpers: {@code HelperUtils} skips them unless {@code org.eclipse.deeplearning4j.helpers.disable}
 * is false, and even then {@code BaseMKLDNNHelper.mklDnnEnabled()} looks up
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment#isUseMKLDNN}, a class that M2.1 moved to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} and a method it renamed to
 * {@code isUseONEDNN}, so the check fails and the helpers are dropped without a word.
 * {@link #attachHelpers} asks the moved class itself and, where the native library has oneDNN and
 * allows it, gives every convolution and pooling layer its oneDNN helper.
 */
public final class Backend {
    /** System property: true forces the portable native build even on an AVX2 CPU. */
    public static final String PORTABLE_PROPERTY = "iceising.nd4j.portable";
    /** The JavaCPP property that picks a native build by its suffix; empty means the portable one. */
    static final String JAVACPP_EXTENSION = "org.bytedeco.javacpp.platform.extension";
    private static final String CPU_ENVIRONMENT = "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment";

    private static final String NATIVE_CHOICE;

    static {
        NATIVE_CHOICE = selectNativeBuild();
    }

    private Backend() {
    }

    /** Makes sure the native build has been chosen; call before the first use of ND4J. */
    public static void init() {
        // the static initialiser does the work once
    }

    private static String selectNativeBuild() {
        if (System.getProperty(JAVACPP_EXTENSION) != null) {
            return "native build chosen by " + JAVACPP_EXTENSION + "='" + System.getProperty(JAVACPP_EXTENSION) + "'";
        }
        if (Boolean.getBoolean(PORTABLE_PROPERTY)) {
            System.setProperty(JAVACPP_EXTENSION, "");
            return "portable native build (" + PORTABLE_PROPERTY + "=true)";
        }
        if (isLinuxX86() && !cpuHasAvx2()) {
            System.setProperty(JAVACPP_EXTENSION, "");
            return "portable native build (this CPU has no AVX2)";
        }
        return "fastest native build on the class path";
    }

    private static boolean isLinuxX86() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return os.startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    /** True if /proc/cpuinfo lists the avx2 flag (false if it cannot be read). */
    static boolean cpuHasAvx2() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags") && (" " + line + " ").contains(" avx2 ")) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** "CPU", "CUDA", ...: the ND4J backend in use. */
    public static String name() {
        init();
        return Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend", "unknown");
    }

    public static boolean isCuda() {
        return "CUDA".equalsIgnoreCase(name());
    }

    /** The native library's build flags as it reports them (HAVE_ONEDNN, HAVE_OPENBLAS, HAVE_CUDNN, ...). */
    public static String buildInfo() {
        init();
        Nd4j.getExecutioner(); // loads the backend, which the native-ops holder needs
        return NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
    }

    /**
     * True if this is the CPU backend, its native library was built with oneDNN, and oneDNN and
     * platform helpers are enabled in it.
     */
    public static boolean oneDnnAvailable() {
        if (!"CPU".equalsIgnoreCase(name()) || !buildInfo().contains("HAVE_ONEDNN") || !Nd4j.getEnvironment().helpersAllowed()) {
            return false;
        }
        try {
            Class<?> env = Class.forName(CPU_ENVIRONMENT);
            Object instance = env.getMethod("getInstance").invoke(null);
            return (Boolean) env.getMethod("isUseONEDNN").invoke(instance);
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
    }

    /**
     * Gives every convolution and pooling layer of {@code net} its oneDNN helper when
     * {@link #oneDnnAvailable()}; does nothing otherwise (the layers then run DL4J's built-in code).
     * Call after {@code init()} and after loading, since both create the layers afresh.
     */
    public static void attachHelpers(MultiLayerNetwork net) {
        attachHelpers(net.getLayers());
    }

    /** {@link #attachHelpers(MultiLayerNetwork)} for the layers of any network (a computation graph's too). */
    public static void attachHelpers(Layer[] layers) {
        if (!oneDnnAvailable()) {
            return;
        }
        for (Layer layer : layers) {
            if (layer instanceof ConvolutionLayer) {
                setHelper(ConvolutionLayer.class, layer, new MKLDNNConvHelper(layer.getParam("W").dataType()));
            } else if (layer instanceof SubsamplingLayer) {
                setHelper(SubsamplingLayer.class, layer, new MKLDNNSubsamplingHelper(Nd4j.dataType()));
            }
        }
    }

    /**
     * The helper each layer of {@code net} runs ("-" where it has none), and whether it has fallen
     * back to the built-in code after a helper failure: "MKLDNNConvHelper", "MKLDNNConvHelper (failed)".
     */
    public static List<String> helpers(MultiLayerNetwork net) {
        List<String> out = new ArrayList<>();
        for (Layer layer : net.getLayers()) {
            Class<?> owner = layer instanceof ConvolutionLayer ? ConvolutionLayer.class
                    : layer instanceof SubsamplingLayer ? SubsamplingLayer.class : null;
            if (owner == null) {
                out.add("-");
                continue;
            }
            Object helper = field(owner, "helper", layer);
            int failures = (Integer) field(owner, "helperCountFail", layer);
            out.add(helper == null ? "-" : helper.getClass().getSimpleName() + (failures > 0 ? " (failed)" : ""));
        }
        return out;
    }

    private static void setHelper(Class<?> owner, Object layer, Object helper) {
        try {
            Field f = owner.getDeclaredField("helper");
            f.setAccessible(true);
            f.set(layer, helper);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot attach the oneDNN helper to " + owner.getName()
                    + "; the DL4J version differs from the one this program was built for", e);
        }
    }

    private static Object field(Class<?> owner, String name, Object layer) {
        try {
            Field f = owner.getDeclaredField(name);
            f.setAccessible(true);
            return f.get(layer);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + owner.getName() + "." + name, e);
        }
    }

    /**
     * One line saying which ND4J backend runs and how: e.g. "ND4J CPU backend, oneDNN build,
     * oneDNN layer helpers on, OpenMP threads 2, BLAS OPENBLAS (fastest native build on the class path)".
     */
    public static String describe() {
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        String backend = env.getProperty("backend", "unknown");
        StringBuilder sb = new StringBuilder("ND4J ").append(backend).append(" backend");
        if ("CPU".equalsIgnoreCase(backend)) {
            sb.append(buildInfo().contains("HAVE_ONEDNN") ? ", oneDNN build" : ", portable build without oneDNN");
            sb.append(oneDnnAvailable() ? ", oneDNN layer helpers on" : ", oneDNN layer helpers off");
            sb.append(", OpenMP threads ").append(env.get("omp.threads"));
            sb.append(", BLAS ").append(env.get("blas.vendor"));
        } else {
            sb.append(buildInfo().contains("HAVE_CUDNN") ? ", cuDNN build" : ", without cuDNN");
            Object devices = env.get("cuda.devicesInformation");
            if (devices != null) {
                sb.append(", devices ").append(devices);
            }
        }
        return sb.append(" (").append(NATIVE_CHOICE).append(')').toString();
    }
}
