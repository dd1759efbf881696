package org.iceising.learn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ImageNet-pretrained weights from a local safetensors file, mapped onto a ResNet or a ViT by name:
 * torchvision's ResNet50 names ({@code layer1.0.conv1.weight}, {@code bn1.running_var}, {@code fc.weight})
 * and, for the ViT, Hugging Face's ({@code vit.encoder.layer.0.attention.attention.query.weight}, with
 * or without the {@code vit.} prefix) or timm's ({@code blocks.0.attn.qkv.weight}, split into query,
 * key and value). PyTorch's dense weights (out, in) are transposed to (in, out). A tensor whose shape
 * does not fit is left as initialised: for the study's networks that is the first convolution or
 * patch embedding (3 channels, 16 × 16 patches in the file; 2 channels, 4 × 4 here), the position
 * embeddings (197 tokens there, 226 here) and the head, as the study re-made them.
 */
public final class PretrainedWeights {
    private static final Pattern RESNET_KEY = Pattern.compile("(.+)_(W|b|gamma|beta|mean|var)");
    private static final Pattern TIMM_BLOCK = Pattern.compile("encoder\\.layer\\.(\\d+)\\.(.+)");

    private final Safetensors file;

    private PretrainedWeights(Safetensors file) {
        this.file = file;
    }

    /** The file the weights come from. */
    public Path source() {
        return file.path();
    }

    /**
     * Opens and checks a safetensors file.
     *
     * @throws IOException with one line if it is missing, not safetensors, truncated or inconsistent
     */
    public static PretrainedWeights read(Path path) throws IOException {
        return new PretrainedWeights(Safetensors.open(path));
    }

    /**
     * What loading took.
     *
     * @param taken         this network's tensors set from the file
     * @param reinitialised this network's tensors left as initialised, each with the reason
     * @param unused        tensors of the file that nothing here takes
     */
    public record Report(Path source, List<String> taken, long takenValues, List<String> reinitialised, List<String> unused) {
        /** A few lines for the console. */
        public String text() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "pretrained weights from %s: took %d tensors (%,d values)%n", source, taken.size(), takenValues));
            sb.append("re-initialised (").append(reinitialised.size()).append("): ")
                    .append(reinitialised.isEmpty() ? "none" : String.join("; ", reinitialised)).append(System.lineSeparator());
            sb.append("not used from the file (").append(unused.size()).append("): ").append(abbreviate(unused)).append(System.lineSeparator());
            return sb.toString();
        }

        private static String abbreviate(List<String> names) {
            if (names.isEmpty()) {
                return "none";
            }
            List<String> head = names.subList(0, Math.min(6, names.size()));
            return String.join(", ", head) + (names.size() > head.size() ? ", ... (" + (names.size() - head.size()) + " more)" : "");
        }
    }

    /**
     * Sets every tensor of {@code net} that the file has in a fitting shape.
     *
     * @throws IllegalArgumentException if {@code net} is the CNN (the study trained it from scratch)
     * @throws IOException              if the file holds none of the network's tensors (a foreign file), or cannot be read
     */
    public Report applyTo(InverseNetwork net) throws IOException {
        Network kind = net.network();
        if (kind == Network.CNN) {
            throw new IllegalArgumentException("the CNN is trained from scratch; pretrained weights are for " + Network.RESNET50 + " and " + Network.VIT);
        }
        boolean timm = kind == Network.VIT && file.entries().containsKey("cls_token");
        Set<String> unused = new LinkedHashSet<>(file.entries().keySet());
        List<String> taken = new ArrayList<>();
        List<String> reinitialised = new ArrayList<>();
        long values = 0;
        for (Map.Entry<String, INDArray> w : net.weights().entrySet()) {
            Source src = kind == Network.RESNET50 ? torchvision(w.getKey()) : timm ? timm(w.getKey()) : huggingFace(w.getKey());
            Safetensors.Entry e = src == null ? null : file.entries().get(src.name());
            if (e == null) {
                reinitialised.add(w.getKey() + " (not in the file)");
                continue;
            }
            unused.remove(src.name());
            long[] shape = src.shapeHere(e.shape());
            if (!Arrays.equals(squeeze(shape), squeeze(w.getValue().shape()))) {
                reinitialised.add(w.getKey() + " (" + e.shapeText() + " in the file, " + new Safetensors.Entry("", w.getValue().shape(), 0, 0).shapeText()
                        + " here)");
                continue;
            }
            INDArray v = src.toNetwork(Nd4j.create(file.read(src.name()), e.shape(), 'c'), e.shape());
            w.getValue().assign(v.reshape(w.getValue().shape()));
            taken.add(w.getKey());
            values += w.getValue().length();
        }
        if (taken.isEmpty()) {
            throw new IOException(file.path() + " holds no weights of a " + kind + " (none of its " + file.entries().size() + " tensors has a "
                    + (kind == Network.RESNET50 ? "torchvision ResNet50" : "Hugging Face or timm ViT") + " name and a fitting shape)");
        }
        return new Report(file.path(), taken, values, reinitialised, new ArrayList<>(unused));
    }

    /**
     * Where a tensor of the network comes from in the file.
     *
     * @param transpose the file holds a PyTorch dense weight (out, in)
     * @param part      for timm's fused qkv: which third (0 query, 1 key, 2 value), else -1
     */
    private record Source(String name, boolean transpose, int part) {
        long[] shapeHere(long[] fileShape) {
            long[] s = fileShape.clone();
            if (part >= 0) {
                s[0] /= 3;
            }
            if (transpose && s.length == 2) {
                s = new long[] {s[1], s[0]};
            }
            return s;
        }

        INDArray toNetwork(INDArray v, long[] fileShape) {
            INDArray x = v;
            if (part >= 0) {
                long third = fileShape[0] / 3;
                x = fileShape.length == 2 ? x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(part * third, (part + 1) * third),
                        org.nd4j.linalg.indexing.NDArrayIndex.all())
                        : x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(part * third, (part + 1) * third));
            }
            return transpose && x.rank() == 2 ? x.transpose().dup('c') : x.dup('c');
        }
    }

    /** torchvision's name of a ResNet parameter "layer1.0.conv1_W" → "layer1.0.conv1.weight". */
    private static Source torchvision(String key) {
        Matcher m = RESNET_KEY.matcher(key);
        if (!m.matches()) {
            return null;
        }
        String layer = m.group(1);
        String suffix = switch (m.group(2)) {
            case "W", "gamma" -> "weight";
            case "b", "beta" -> "bias";
            case "mean" -> "running_mean";
            default -> "running_var";
        };
        boolean dense = layer.equals("fc") || layer.equals("head");
        return new Source(layer + "." + suffix, dense && suffix.equals("weight"), -1);
    }

    /** Hugging Face's name of a ViT variable: the same with the {@code vit.} prefix (the classifier has none). */
    private Source huggingFace(String key) {
        String name = key.startsWith("classifier") || !file.entries().containsKey("vit." + key) ? key : "vit." + key;
        return new Source(name, isDenseWeight(key), -1);
    }

    /** timm's name of a ViT variable. */
    private static Source timm(String key) {
        switch (key) {
            case "embeddings.cls_token":
                return new Source("cls_token", false, -1);
            case "embeddings.position_embeddings":
                return new Source("pos_embed", false, -1);
            default:
                break;
        }
        String tail = key.substring(key.lastIndexOf('.'));
        String module = key.substring(0, key.lastIndexOf('.'));
        boolean weight = isDenseWeight(key);
        if (module.equals("embeddings.patch_embeddings.projection")) {
            return new Source("patch_embed.proj" + tail, false, -1);
        }
        if (module.equals("layernorm")) {
            return new Source("norm" + tail, false, -1);
        }
        if (module.equals("classifier")) {
            return new Source("head" + tail, weight, -1);
        }
        Matcher m = TIMM_BLOCK.matcher(module);
        if (!m.matches()) {
            return null;
        }
        String block = "blocks." + m.group(1) + ".";
        return switch (m.group(2)) {
            case "layernorm_before" -> new Source(block + "norm1" + tail, false, -1);
            case "layernorm_after" -> new Source(block + "norm2" + tail, false, -1);
            case "attention.attention.query" -> new Source(block + "attn.qkv" + tail, weight, 0);
            case "attention.attention.key" -> new Source(block + "attn.qkv" + tail, weight, 1);
            case "attention.attention.value" -> new Source(block + "attn.qkv" + tail, weight, 2);
            case "attention.output.dense" -> new Source(block + "attn.proj" + tail, weight, -1);
            case "intermediate.dense" -> new Source(block + "mlp.fc1" + tail, weight, -1);
            case "output.dense" -> new Source(block + "mlp.fc2" + tail, weight, -1);
            default -> null;
        };
    }

    /** A dense layer's weight (not a LayerNorm gain, not an embedding). */
    private static boolean isDenseWeight(String key) {
        return key.endsWith(".weight") && !key.contains("layernorm") && !key.startsWith("embeddings.");
    }

    private static long[] squeeze(long[] shape) {
        return Arrays.stream(shape).filter(d -> d != 1).toArray();
    }
}
