package org.iceising.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Safetensors files the test writes itself, byte by byte, mapped onto small networks of the two families. */
class PretrainedWeightsTest {
    @TempDir
    Path dir;

    /** A tensor to write: F32 values (or I64 counters) of a shape. */
    record T(String dtype, long[] shape, float[] values) {
        static T f32(float[] values, long... shape) {
            return new T("F32", shape, values);
        }

        static T ramp(long... shape) {
            long n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            float[] v = new float[(int) n];
            for (int i = 0; i < v.length; i++) {
                v[i] = i + 1;
            }
            return f32(v, shape);
        }
    }

    /** Writes the safetensors layout: u64 LE header length, JSON header, LE data. */
    static Path write(Path file, Map<String, T> tensors) throws IOException {
        StringBuilder json = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (Map.Entry<String, T> e : tensors.entrySet()) {
            T t = e.getValue();
            int size = t.dtype().equals("I64") ? 8 : 4;
            ByteBuffer b = ByteBuffer.allocate(t.values().length * size).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : t.values()) {
                if (size == 8) {
                    b.putLong((long) v);
                } else {
                    b.putFloat(v);
                }
            }
            long begin = data.size();
            data.write(b.array());
            json.append(",\"").append(e.getKey()).append("\":{\"dtype\":\"").append(t.dtype()).append("\",\"shape\":")
                    .append(Arrays.toString(t.shape()).replace(" ", "")).append(",\"data_offsets\":[").append(begin).append(',')
                    .append(data.size()).append("]}");
        }
        byte[] header = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(8 + header.length + data.size()).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(header.length).put(header).put(data.toByteArray());
        return Files.write(file, out.array());
    }

    @Test
    void torchvisionNamesMapOntoTheResNetAndTheStemIsReinitialised() throws IOException {
        // one stage of one bottleneck, 4 wide (16 out), fc 6
        InverseNetwork net = new ResNet.Shape(new int[] {1}, 4, 6).create(8, 8, 1e-3, 1);
        INDArray stemBefore = net.weights().get("conv1_W").dup();
        Map<String, T> file = new LinkedHashMap<>();
        file.put("conv1.weight", T.ramp(4, 3, 7, 7)); // made for 3 channels: does not fit
        file.put("bn1.weight", T.ramp(4));
        file.put("bn1.running_var", T.ramp(4));
        file.put("bn1.num_batches_tracked", new T("I64", new long[0], new float[] {7}));
        file.put("layer1.0.conv2.weight", T.ramp(4, 4, 3, 3));
        file.put("fc.weight", T.ramp(6, 16)); // PyTorch (out, in)
        file.put("fc.bias", T.ramp(6));
        file.put("head.weight", T.ramp(1000, 6)); // an ImageNet head: does not fit
        PretrainedWeights.Report r = PretrainedWeights.read(write(dir.resolve("resnet.safetensors"), file)).applyTo(net);

        assertEquals(java.util.Set.of("bn1_gamma", "bn1_var", "layer1.0.conv2_W", "fc_W", "fc_b"), new java.util.HashSet<>(r.taken()));
        assertEquals(4 + 4 + 144 + 96 + 6, r.takenValues());
        assertTrue(r.reinitialised().contains("conv1_W (4x3x7x7 in the file, 4x2x7x7 here)"), r.reinitialised().toString());
        assertTrue(r.reinitialised().contains("head_W (1000x6 in the file, 6x5 here)"), r.reinitialised().toString());
        assertTrue(r.reinitialised().contains("bn1_beta (not in the file)"), r.reinitialised().toString());
        assertEquals(java.util.List.of("bn1.num_batches_tracked"), r.unused());
        assertEquals(stemBefore, net.weights().get("conv1_W"));
        assertArrayEquals(new float[] {1, 2, 3, 4}, net.weights().get("bn1_gamma").toFloatVector());
        // fc: the file's (out 6, in 16) row-major ramp, transposed: W[in][out] = out * 16 + in + 1
        INDArray fc = net.weights().get("fc_W");
        assertEquals(2 * 16 + 5 + 1, fc.getFloat(5, 2));
        assertEquals(16 * 6, fc.getFloat(15, 5));
        // convolutions keep PyTorch's (out, in, kh, kw) order
        assertEquals(1 * 36 + 2 * 9 + 1 * 3 + 2 + 1, net.weights().get("layer1.0.conv2_W").getFloat(1, 2, 1, 2));
        assertTrue(r.text().startsWith("pretrained weights from " + dir.resolve("resnet.safetensors") + ": took 5 tensors (254 values)"), r.text());
    }

    @Test
    void huggingFaceAndTimmNamesMapOntoTheVit() throws IOException {
        VisionTransformer.Shape s = new VisionTransformer.Shape(8, 1, 2, 16, 4);
        InverseNetwork hf = s.create(8, 8, 1e-3, 1);
        Map<String, T> file = new LinkedHashMap<>();
        file.put("vit.embeddings.cls_token", T.ramp(1, 1, 8));
        file.put("vit.embeddings.position_embeddings", T.ramp(1, 197, 8)); // 14 x 14 patches + 1: does not fit 5 tokens
        file.put("vit.embeddings.patch_embeddings.projection.weight", T.ramp(8, 3, 16, 16));
        file.put("vit.encoder.layer.0.attention.attention.query.weight", T.ramp(8, 8));
        file.put("vit.encoder.layer.0.intermediate.dense.bias", T.ramp(16));
        file.put("vit.layernorm.weight", T.ramp(8));
        file.put("vit.pooler.dense.weight", T.ramp(8, 8));
        PretrainedWeights.Report r = PretrainedWeights.read(write(dir.resolve("hf.safetensors"), file)).applyTo(hf);
        assertEquals(4, r.taken().size(), r.taken().toString());
        assertTrue(r.reinitialised().contains("embeddings.position_embeddings (1x197x8 in the file, 1x5x8 here)"), r.reinitialised().toString());
        assertTrue(r.reinitialised().contains("embeddings.patch_embeddings.projection.weight (8x3x16x16 in the file, 32x8 here)"),
                r.reinitialised().toString());
        assertEquals(java.util.List.of("vit.pooler.dense.weight"), r.unused());
        // PyTorch's (out, in) query weight, transposed to (in, out)
        assertEquals(3 * 8 + 1 + 1, hf.weights().get("encoder.layer.0.attention.attention.query.weight").getFloat(1, 3));

        InverseNetwork timm = s.create(8, 8, 1e-3, 1);
        Map<String, T> t = new LinkedHashMap<>();
        t.put("cls_token", T.ramp(1, 1, 8));
        t.put("blocks.0.attn.qkv.weight", T.ramp(24, 8)); // query, key, value stacked on the output axis
        t.put("blocks.0.attn.qkv.bias", T.ramp(24));
        t.put("blocks.0.norm1.weight", T.ramp(8));
        PretrainedWeights.Report rt = PretrainedWeights.read(write(dir.resolve("timm.safetensors"), t)).applyTo(timm);
        assertEquals(2 + 3 + 3, rt.taken().size(), rt.taken().toString());
        assertTrue(rt.unused().isEmpty(), rt.unused().toString());
        // key = rows 8..15 of qkv: key W[in][out] = (8 + out) * 8 + in + 1
        assertEquals((8 + 2) * 8 + 5 + 1, timm.weights().get("encoder.layer.0.attention.attention.key.weight").getFloat(5, 2));
        assertArrayEquals(new float[] {17, 18, 19, 20, 21, 22, 23, 24}, timm.weights().get("encoder.layer.0.attention.attention.value.bias").toFloatVector());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, timm.weights().get("embeddings.cls_token").reshape(8).toFloatVector());
    }

    @Test
    void wrongForeignAndTruncatedFilesGiveOneClearLine() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.safetensors"), "J,B0,Bx,By,I\n");
        IOException e = assertThrows(IOException.class, () -> PretrainedWeights.read(text));
        assertTrue(e.getMessage().startsWith(text + " is not a usable safetensors file: its header length "), e.getMessage());

        Path good = write(dir.resolve("good.safetensors"), Map.of("bn1.weight", T.ramp(4)));
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.safetensors"), Arrays.copyOf(bytes, bytes.length - 3));
        e = assertThrows(IOException.class, () -> PretrainedWeights.read(truncated));
        assertEquals(truncated + " is not a usable safetensors file: tensor 'bn1.weight' lies at bytes 0..16, outside the 13 bytes of data",
                e.getMessage());

        Path foreign = write(dir.resolve("bert.safetensors"), Map.of("bert.embeddings.word_embeddings.weight", T.ramp(3, 4)));
        InverseNetwork net = new ResNet.Shape(new int[] {1}, 4, 6).create(8, 8, 1e-3, 1);
        e = assertThrows(IOException.class, () -> PretrainedWeights.read(foreign).applyTo(net));
        assertEquals(foreign + " holds no weights of a resnet50 (none of its 1 tensors has a torchvision ResNet50 name and a fitting shape)",
                e.getMessage());

        Path missing = dir.resolve("absent.safetensors");
        e = assertThrows(IOException.class, () -> PretrainedWeights.read(missing));
        assertEquals("weights file " + missing + " does not exist", e.getMessage());

        IllegalArgumentException cnn = assertThrows(IllegalArgumentException.class,
                () -> PretrainedWeights.read(good).applyTo(Network.CNN.architecture().create(20, 20, 1e-4, 1)));
        assertEquals("the CNN is trained from scratch; pretrained weights are for resnet50 and vit", cnn.getMessage());
    }

    @Test
    void halfPrecisionDecodesExactly() {
        assertEquals(1.0f, Safetensors.halfToFloat((short) 0x3c00));
        assertEquals(-2.0f, Safetensors.halfToFloat((short) 0xc000));
        assertEquals(65504f, Safetensors.halfToFloat((short) 0x7bff));
        assertEquals(0x1p-24f, Safetensors.halfToFloat((short) 0x0001));
        assertEquals(Float.POSITIVE_INFINITY, Safetensors.halfToFloat((short) 0x7c00));
        assertTrue(Float.isNaN(Safetensors.halfToFloat((short) 0x7e00)));
    }
}
