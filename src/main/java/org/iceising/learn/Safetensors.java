package org.iceising.learn;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A safetensors file (the format PyTorch models are published in on the Hugging Face hub): an
 * 8-byte little-endian header length n, n bytes of JSON mapping each tensor's name to its dtype,
 * shape and [begin, end) byte offsets into the data that follows, an optional
 * {@code __metadata__} entry of strings, then the raw little-endian data. Reads F32, F64, F16 and
 * BF16 tensors as floats (integer tensors, such as batch norm's counters, are listed but not read). Everything the header says is checked against the file before a byte of
 * data is read: sizes, offsets inside the data, byte counts that match shape × dtype.
 */
final class Safetensors {
    /** Largest header accepted (the format's reference reader allows 100 MB). */
    static final long MAX_HEADER = 100_000_000L;
    private static final java.util.Set<String> FLOAT_TYPES = java.util.Set.of("F32", "F64", "F16", "BF16");

    /** One tensor's place in the file. */
    record Entry(String dtype, long[] shape, long begin, long end) {
        long length() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }

        String shapeText() {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < shape.length; k++) {
                sb.append(k > 0 ? "x" : "").append(shape[k]);
            }
            return sb.length() == 0 ? "scalar" : sb.toString();
        }
    }

    private final Path path;
    private final long dataStart;
    private final Map<String, Entry> entries;

    private Safetensors(Path path, long dataStart, Map<String, Entry> entries) {
        this.path = path;
        this.dataStart = dataStart;
        this.entries = Collections.unmodifiableMap(entries);
    }

    Path path() {
        return path;
    }

    /** The tensors by name, in the header's order. */
    Map<String, Entry> entries() {
        return entries;
    }

    /**
     * Reads and checks the header of {@code path}.
     *
     * @throws IOException with one line naming the file and what is wrong with it
     */
    static Safetensors open(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw bad(path, "it is " + size + " bytes long, shorter than the 8-byte header length");
            }
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, len, 0);
            long n = len.flip().getLong();
            if (n < 2 || n > MAX_HEADER || n > size - 8) {
                throw bad(path, "its header length " + Long.toUnsignedString(n) + " does not fit a file of " + size + " bytes");
            }
            ByteBuffer header = ByteBuffer.allocate((int) n);
            readFully(ch, header, 8);
            long dataSize = size - 8 - n;
            return new Safetensors(path, 8 + n, parse(path, new String(header.array(), StandardCharsets.UTF_8), dataSize));
        } catch (NoSuchFileException e) {
            throw new IOException("weights file " + path + " does not exist", e);
        }
    }

    private static Map<String, Entry> parse(Path path, String json, long dataSize) throws IOException {
        JsonObject root;
        try {
            JsonElement e = new JsonParser().parse(json.strip());
            if (!e.isJsonObject()) {
                throw bad(path, "its header is not a JSON object");
            }
            root = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw bad(path, "its header is not JSON");
        }
        Map<String, Entry> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : root.entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            out.put(e.getKey(), entry(path, e.getKey(), e.getValue(), dataSize));
        }
        return out;
    }

    private static Entry entry(Path path, String name, JsonElement value, long dataSize) throws IOException {
        try {
            JsonObject o = value.getAsJsonObject();
            String dtype = o.get("dtype").getAsString();
            JsonArray shapeJson = o.get("shape").getAsJsonArray();
            JsonArray offsets = o.get("data_offsets").getAsJsonArray();
            long[] shape = new long[shapeJson.size()];
            long count = 1;
            for (int k = 0; k < shape.length; k++) {
                shape[k] = shapeJson.get(k).getAsLong();
                if (shape[k] < 0) {
                    throw bad(path, "tensor '" + name + "' has a negative dimension");
                }
                count = Math.multiplyExact(count, shape[k]);
            }
            if (offsets.size() != 2) {
                throw bad(path, "tensor '" + name + "' needs two data offsets, has " + offsets.size());
            }
            long begin = offsets.get(0).getAsLong();
            long end = offsets.get(1).getAsLong();
            if (begin < 0 || end < begin || end > dataSize) {
                throw bad(path, "tensor '" + name + "' lies at bytes " + begin + ".." + end + ", outside the " + dataSize + " bytes of data");
            }
            long bytes = Math.multiplyExact(count, bytesPer(path, name, dtype));
            if (end - begin != bytes) {
                throw bad(path, "tensor '" + name + "' of shape " + new Entry(dtype, shape, 0, 0).shapeText() + " and type " + dtype
                        + " needs " + bytes + " bytes, its offsets give " + (end - begin));
            }
            return new Entry(dtype, shape, begin, end);
        } catch (ArithmeticException e) {
            throw bad(path, "tensor '" + name + "' is too large");
        } catch (IllegalStateException | UnsupportedOperationException | NullPointerException | NumberFormatException e) {
            throw bad(path, "the header entry of tensor '" + name + "' lacks a dtype, a shape or data offsets");
        }
    }

    private static int bytesPer(Path path, String name, String dtype) throws IOException {
        return switch (dtype) {
            case "F64" -> 8;
            case "F32" -> 4;
            case "F16", "BF16" -> 2;
            case "I64", "U64" -> 8;
            case "I32", "U32" -> 4;
            case "I16", "U16" -> 2;
            case "I8", "U8", "BOOL" -> 1;
            default -> throw bad(path, "tensor '" + name + "' is of the unknown type " + dtype);
        };
    }

    /** The values of tensor {@code name} in row-major order, as floats. */
    float[] read(String name) throws IOException {
        Entry e = entries.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no tensor '" + name + "' in " + path);
        }
        if (!FLOAT_TYPES.contains(e.dtype())) {
            throw bad(path, "tensor '" + name + "' is of type " + e.dtype() + "; weights are read from F32, F64, F16 and BF16 tensors");
        }
        if (e.length() > Integer.MAX_VALUE - 8) {
            throw bad(path, "tensor '" + name + "' has too many values to load");
        }
        ByteBuffer b = ByteBuffer.allocate((int) (e.end() - e.begin())).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            readFully(ch, b, dataStart + e.begin());
        }
        b.flip();
        float[] v = new float[(int) e.length()];
        for (int k = 0; k < v.length; k++) {
            v[k] = switch (e.dtype()) {
                case "F64" -> (float) b.getDouble();
                case "F32" -> b.getFloat();
                case "F16" -> halfToFloat(b.getShort());
                default -> Float.intBitsToFloat((b.getShort() & 0xffff) << 16);
            };
        }
        return v;
    }

    /** IEEE 754 half precision to float (normal, subnormal, zero, infinity, NaN). */
    static float halfToFloat(short h) {
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float v = mantissa * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
        long p = position;
        while (b.hasRemaining()) {
            int n = ch.read(b, p);
            if (n < 0) {
                throw new IOException("unexpected end of file");
            }
            p += n;
        }
    }

    private static IOException bad(Path path, String what) {
        return new IOException(path + " is not a usable safetensors file: " + what);
    }
}
