package org.iceising.app.parameters;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iceising.data.AtomicFiles;
import org.iceising.data.RegularFiles;
import org.iceising.learn.ParameterBounds;
import org.iceising.model.IsingParams;
import org.iceising.model.SemiMonthlyPeriod;

/**
 * A named set of the five Ising parameters, and optionally the temperature, the steps per period
 * (for 3,600 cells) and the seed it was saved with, stored as a small JSON object read and written
 * with Gson:
 * <pre>{"name": "...", "J": 2.31, "B0": -14.5, "Bx": -6.15, "By": 0.07, "I": 9.93, "T": 1.0, "steps": 50000, "seed": 1}</pre>
 * The reader accepts exactly these members (T, steps and seed may be left out: the preset then
 * leaves those knobs alone) and names the file, and the line and column, where anything else is met.
 *
 * @param temperature  the Ising temperature, or null
 * @param stepsPer3600 Metropolis steps per period for 3,600 cells, or null
 * @param seed         the master seed, or null
 */
public record Preset(String name, IsingParams params, Double temperature, Long stepsPer3600, Long seed) {

    /** The members a preset file holds, in the order they are written. */
    private static final List<String> MEMBERS = List.of("name", "J", "B0", "Bx", "By", "I", "T", "steps", "seed");
    private static final Pattern WHERE = Pattern.compile("line (\\d+) column (\\d+)");

    /** The freezing example of the study's Figure 5: a training sample from the 16 Sep 2022 start. */
    public static final Preset STUDY_FREEZE_SAMPLE = new Preset("Freeze: study Fig. 5 training sample (16 Sep 2022)",
            new IsingParams(2.31, -14.5, -6.15, 0.07, 9.93));
    /** The centre of the study's melting bounds (MODEL.md §6); not a fitted value. */
    public static final Preset MELT_CENTRE = new Preset("Melt: centre of the study's melting bounds",
            middle(ParameterBounds.studyMelt()));
    /** The centre of the study's freezing bounds (MODEL.md §6); not a fitted value. */
    public static final Preset FREEZE_CENTRE = new Preset("Freeze: centre of the study's freezing bounds",
            middle(ParameterBounds.studyFreeze()));

    /** The presets the workbench offers before any is loaded. */
    public static final List<Preset> BUILT_IN = List.of(MELT_CENTRE, FREEZE_CENTRE, STUDY_FREEZE_SAMPLE);

    public Preset {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a preset needs a name");
        }
        if (params == null) {
            throw new IllegalArgumentException("preset '" + name + "' has no parameters");
        }
        if (temperature != null && !(temperature > 0 && Double.isFinite(temperature))) {
            throw new IllegalArgumentException("the temperature T must be positive, got " + temperature);
        }
        if (stepsPer3600 != null && stepsPer3600 < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + stepsPer3600);
        }
    }

    /** Parameters only: applying it leaves temperature, steps and seed as they are. */
    public Preset(String name, IsingParams params) {
        this(name, params, null, null, null);
    }

    /** The centre of the study's bounds for a period's regime (melting before 15 September, else freezing); melting when null. */
    public static Preset centre(SemiMonthlyPeriod period) {
        return period == null || period.isMelting() ? MELT_CENTRE : FREEZE_CENTRE;
    }

    private static IsingParams middle(ParameterBounds box) {
        double[] half = new double[IsingParams.NAMES.length];
        Arrays.fill(half, 0.5);
        return box.fromUnit(half);
    }

    @Override
    public String toString() {
        return name;
    }

    /** The preset as a JSON object, one member per line. */
    public String toJson() {
        StringWriter text = new StringWriter();
        try (JsonWriter w = new JsonWriter(text)) {
            w.setIndent("  ");
            w.beginObject().name("name").value(name);
            double[] v = params.toArray();
            for (int k = 0; k < v.length; k++) {
                w.name(IsingParams.NAMES[k]).value(v[k]);
            }
            if (temperature != null) {
                w.name("T").value(temperature);
            }
            if (stepsPer3600 != null) {
                w.name("steps").value(stepsPer3600);
            }
            if (seed != null) {
                w.name("seed").value(seed);
            }
            w.endObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return text + "\n";
    }

    /** Writes the preset to {@code file} (temporary name, then renamed). */
    public void save(Path file) throws IOException {
        byte[] bytes = toJson().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** Reads a preset file (a regular file only: a pipe would never end); any problem is reported with the file's name. */
    public static Preset load(Path file) throws IOException {
        String text = Files.readString(RegularFiles.require(file, "preset"), StandardCharsets.UTF_8);
        return parse(text, file.getFileName().toString());
    }

    /**
     * Parses a preset from JSON text.
     *
     * @param source names the text in error messages (usually the file name)
     */
    public static Preset parse(String text, String source) {
        Map<String, Object> members = new HashMap<>();
        JsonReader r = new JsonReader(new StringReader(text));
        try {
            r.beginObject();
            while (r.hasNext()) {
                String member = r.nextName();
                if (!MEMBERS.contains(member)) {
                    throw new IllegalArgumentException(source + ": unknown member \"" + member + "\"; a preset holds "
                            + String.join(", ", MEMBERS));
                }
                if (members.containsKey(member)) {
                    throw new IllegalArgumentException(where(source, r) + ": member \"" + member + "\" appears twice");
                }
                JsonToken t = r.peek();
                if (t == JsonToken.STRING && member.equals("name")) {
                    members.put(member, r.nextString());
                } else if (t == JsonToken.NUMBER && !member.equals("name")) {
                    members.put(member, member.equals("steps") || member.equals("seed") ? (Object) r.nextLong() : (Object) r.nextDouble());
                } else {
                    throw new IllegalArgumentException(where(source, r) + ": \"" + member + "\" must be "
                            + (member.equals("name") ? "a string" : "a number"));
                }
            }
            r.endObject();
            if (r.peek() != JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException(where(source, r) + ": unexpected text after the closing '}'");
            }
        } catch (IllegalStateException | NumberFormatException | IOException e) {
            throw new IllegalArgumentException(where(source, r) + ": not a preset's JSON object (" + gsonSays(e) + ")", e);
        }
        double[] v = new double[IsingParams.NAMES.length];
        for (int k = 0; k < v.length; k++) {
            Object value = members.get(IsingParams.NAMES[k]);
            if (value == null) {
                throw new IllegalArgumentException(source + ": the preset needs a number \"" + IsingParams.NAMES[k] + "\"");
            }
            v[k] = (Double) value;
        }
        if (members.get("name") == null) {
            throw new IllegalArgumentException(source + ": the preset needs a \"name\" string");
        }
        try {
            return new Preset((String) members.get("name"), IsingParams.fromArray(v), (Double) members.get("T"),
                    (Long) members.get("steps"), (Long) members.get("seed"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /** "p.json, line 2, column 11", from where the reader stands. */
    private static String where(String source, JsonReader r) {
        Matcher m = WHERE.matcher(r.toString());
        return m.find() ? source + ", line " + m.group(1) + ", column " + m.group(2) : source;
    }

    /** What the JSON reader found wrong, without its advice on lenient parsing or its position (given already). */
    private static String gsonSays(Exception e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        m = m.replaceAll("Use JsonReader\\.\\w+\\([^)]*\\) to accept ", "").replaceAll("(?s)\\s*at line \\d+ column \\d+.*$", "")
                .replace("BEGIN_OBJECT", "'{'").replace("END_OBJECT", "'}'").replace("NUMBER", "a number")
                .replace("STRING", "a string").replace("NAME", "a member name").replace("END_DOCUMENT", "the end of the text");
        return m.isEmpty() ? "malformed" : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }
}
