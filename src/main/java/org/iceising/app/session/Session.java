package org.iceising.app.session;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.iceising.app.parameters.Preset;
import org.iceising.data.AtomicFiles;
import org.iceising.data.FocusArea;
import org.iceising.data.RegularFiles;

/**
 * Where the user left the workbench, as a small JSON file a colleague can open: the data folder,
 * season, period, day and focus area, the knobs (as a preset), the user's own presets, the
 * training-set folder, the model file and the tab shown. Any member may be missing; a file that is
 * not such JSON is refused with one line saying what and where.
 *
 * @param knobs the parameters, temperature, steps and seed in use
 */
public record Session(Path dataFolder, Integer season, LocalDate period, LocalDate day, FocusArea focusArea, Preset knobs,
                      List<Preset> presets, Path trainingSetFolder, Path model, String tab) {
    /** The format's version, written as "version". */
    public static final int VERSION = 1;

    public Session {
        presets = List.copyOf(presets);
    }

    /** The session as pretty-printed JSON. */
    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("version", VERSION);
        put(o, "dataFolder", dataFolder);
        if (season != null) {
            o.addProperty("season", season);
        }
        put(o, "period", period);
        put(o, "day", day);
        if (focusArea != null) {
            // rows and columns as slices, a form FocusArea.parse reads
            o.addProperty("focusArea", focusArea.row0() + ":" + (focusArea.row0() + focusArea.rows()) + ","
                    + focusArea.col0() + ":" + (focusArea.col0() + focusArea.cols()));
        }
        if (knobs != null) {
            o.add("parameters", JsonParser.parseString(knobs.toJson()));
        }
        JsonArray ps = new JsonArray();
        presets.forEach(p -> ps.add(JsonParser.parseString(p.toJson())));
        o.add("presets", ps);
        put(o, "trainingSetFolder", trainingSetFolder);
        put(o, "model", model);
        if (tab != null) {
            o.addProperty("tab", tab);
        }
        return new GsonBuilder().setPrettyPrinting().create().toJson(o) + "\n";
    }

    private static void put(JsonObject o, String name, Object value) {
        if (value != null) {
            o.addProperty(name, value.toString());
        }
    }

    /** Writes the session to {@code file} under a temporary name, then renames it. */
    public void write(Path file) throws IOException {
        byte[] bytes = toJson().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** Reads a session file; any problem is reported with the file's name. */
    public static Session read(Path file) throws IOException {
        String text = Files.readString(RegularFiles.require(file, "session"), StandardCharsets.UTF_8);
        return parse(text, file.getFileName().toString());
    }

    /**
     * Parses a session from JSON text.
     *
     * @param source names the text in error messages (usually the file name)
     */
    public static Session parse(String text, String source) {
        JsonObject o;
        try {
            JsonElement root = JsonParser.parseString(text);
            if (!root.isJsonObject()) {
                throw new IllegalArgumentException(source + ": not a session (a JSON object was expected)");
            }
            o = root.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(source + ": not a session's JSON (" + firstLine(e) + ")", e);
        }
        int version = integer(o, "version", source, VERSION);
        if (version != VERSION) {
            throw new IllegalArgumentException(source + ": session version " + version + " is not one this workbench reads (" + VERSION + ")");
        }
        List<Preset> presets = new ArrayList<>();
        JsonElement ps = o.get("presets");
        if (ps != null && !ps.isJsonNull()) {
            if (!ps.isJsonArray()) {
                throw new IllegalArgumentException(source + ": \"presets\" must be a list");
            }
            int k = 0;
            for (JsonElement p : ps.getAsJsonArray()) {
                presets.add(Preset.parse(p.toString(), source + " preset " + ++k));
            }
        }
        JsonElement knobs = o.get("parameters");
        String focus = string(o, "focusArea", source);
        try {
            return new Session(path(o, "dataFolder", source), o.has("season") ? integer(o, "season", source, 0) : null,
                    date(o, "period", source), date(o, "day", source), focus == null ? null : FocusArea.parse(focus),
                    knobs == null || knobs.isJsonNull() ? null : Preset.parse(knobs.toString(), source + " parameters"),
                    presets, path(o, "trainingSetFolder", source), path(o, "model", source), string(o, "tab", source));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(source)) {
                throw e;
            }
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static String string(JsonObject o, String name, String source) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException(source + ": \"" + name + "\" must be a string");
        }
        return e.getAsString();
    }

    private static int integer(JsonObject o, String name, String source, int missing) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            return missing;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber() || e.getAsDouble() != Math.rint(e.getAsDouble())) {
            throw new IllegalArgumentException(source + ": \"" + name + "\" must be a whole number");
        }
        return e.getAsInt();
    }

    private static Path path(JsonObject o, String name, String source) {
        String s = string(o, name, source);
        return s == null ? null : Path.of(s);
    }

    private static LocalDate date(JsonObject o, String name, String source) {
        String s = string(o, name, source);
        try {
            return s == null ? null : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(source + ": \"" + name + "\" must be a date like 2018-09-16, got \"" + s + "\"", e);
        }
    }

    private static String firstLine(Exception e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        String m = t.getMessage() == null ? "unreadable" : t.getMessage();
        return m.lines().findFirst().orElse(m).replaceAll("^[\\w.]+Exception: ", "");
    }
}
