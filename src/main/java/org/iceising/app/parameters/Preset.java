package org.iceising.app.parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iceising.data.AtomicFiles;
import org.iceising.model.IsingParams;
import org.iceising.app.controls.Figure;

/**
 * A named set of the five Ising parameters, stored as a small JSON object:
 * <pre>{"name": "...", "J": 2.31, "B0": -14.5, "Bx": -6.15, "By": 0.07, "I": 9.93}</pre>
 * The reader accepts exactly this shape (any order, any JSON whitespace) and names the file and
 * the character where anything else is met.
 */
public record Preset(String name, IsingParams params) {

    /** The freezing example of the study's Figure 5: a training sample from the 16 Sep 2022 start. */
    public static final Preset STUDY_FREEZE_SAMPLE = new Preset("Freeze: study Fig. 5 training sample (16 Sep 2022)",
            new IsingParams(2.31, -14.5, -6.15, 0.07, 9.93));
    /** The centre of the study's melting bounds (MODEL.md §6); not a fitted value. */
    public static final Preset MELT_CENTRE = new Preset("Melt: centre of the study's melting bounds",
            new IsingParams(2.5, 5.5, -5.0, 0.0, 10.0));
    /** The centre of the study's freezing bounds (MODEL.md §6); not a fitted value. */
    public static final Preset FREEZE_CENTRE = new Preset("Freeze: centre of the study's freezing bounds",
            new IsingParams(2.5, -12.0, -5.5, 0.0, 10.0));

    /** The presets the workbench offers before any is loaded. */
    public static final List<Preset> BUILT_IN = List.of(MELT_CENTRE, FREEZE_CENTRE, STUDY_FREEZE_SAMPLE);

    public Preset {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a preset needs a name");
        }
        if (params == null) {
            throw new IllegalArgumentException("preset '" + name + "' has no parameters");
        }
    }

    @Override
    public String toString() {
        return name;
    }

    /** The preset as a JSON object, one member per line. */
    public String toJson() {
        double[] v = params.toArray();
        StringBuilder sb = new StringBuilder("{\n  \"name\": ").append(quote(name));
        for (int k = 0; k < v.length; k++) {
            sb.append(",\n  \"").append(IsingParams.NAMES[k]).append("\": ").append(v[k]);
        }
        return sb.append("\n}\n").toString();
    }

    /** Writes the preset to {@code file} (temporary name, then renamed). */
    public void save(Path file) throws IOException {
        byte[] bytes = toJson().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** Reads a preset file; any problem is reported with the file's name. */
    public static Preset load(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException("preset file " + file + " does not exist", e);
        }
        return parse(text, file.getFileName().toString());
    }

    /**
     * Parses a preset from JSON text.
     *
     * @param source names the text in error messages (usually the file name)
     */
    public static Preset parse(String text, String source) {
        Map<String, Object> members = new JsonObjectReader(text, source).read();
        Object name = members.remove("name");
        if (!(name instanceof String)) {
            throw new IllegalArgumentException(source + ": the preset needs a \"name\" string");
        }
        double[] v = new double[IsingParams.NAMES.length];
        for (int k = 0; k < v.length; k++) {
            Object value = members.remove(IsingParams.NAMES[k]);
            if (!(value instanceof Double d)) {
                throw new IllegalArgumentException(source + ": the preset needs a number \"" + IsingParams.NAMES[k] + "\"");
            }
            v[k] = d;
        }
        if (!members.isEmpty()) {
            throw new IllegalArgumentException(source + ": unknown member(s) " + members.keySet()
                    + "; a preset holds name, J, B0, Bx, By and I");
        }
        try {
            return new Preset((String) name, IsingParams.fromArray(v));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Reads one flat JSON object whose members are strings or numbers (RFC 8259 syntax). */
    private static final class JsonObjectReader {
        private final String text;
        private final String source;
        private int pos;

        JsonObjectReader(String text, String source) {
            this.text = text;
            this.source = source;
        }

        Map<String, Object> read() {
            Map<String, Object> members = new LinkedHashMap<>();
            skipSpace();
            expect('{');
            skipSpace();
            if (peek() == '}') {
                pos++;
            } else {
                while (true) {
                    skipSpace();
                    int at = pos;
                    String key = string();
                    skipSpace();
                    expect(':');
                    skipSpace();
                    Object value = peek() == '"' ? string() : number();
                    if (members.put(key, value) != null) {
                        throw error("member \"" + key + "\" appears twice", at);
                    }
                    skipSpace();
                    char c = next("',' or '}'");
                    if (c == '}') {
                        break;
                    }
                    if (c != ',') {
                        throw error("expected ',' or '}' but found '" + c + "'", pos - 1);
                    }
                }
            }
            skipSpace();
            if (pos < text.length()) {
                throw error("unexpected text after the closing '}'", pos);
            }
            return members;
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = next("the end of a string");
                if (c == '"') {
                    return sb.toString();
                }
                if (c < 0x20) {
                    throw error("control character inside a string", pos - 1);
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = next("an escape");
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("incomplete \\u escape", pos);
                        }
                        try {
                            sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad \\u escape", pos);
                        }
                        pos += 4;
                    }
                    default -> throw error("bad escape '\\" + e + "'", pos - 1);
                }
            }
        }

        private Double number() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            if (peek() == '0') {
                pos++;
            } else if (!digits()) {
                throw error("expected a number or a string", start);
            }
            if (peek() == '.') {
                pos++;
                if (!digits()) {
                    throw error("expected digits after '.'", pos);
                }
            }
            if (peek() == 'e' || peek() == 'E') {
                pos++;
                if (peek() == '+' || peek() == '-') {
                    pos++;
                }
                if (!digits()) {
                    throw error("expected digits in the exponent", pos);
                }
            }
            return Double.parseDouble(text.substring(start, pos));
        }

        private boolean digits() {
            int start = pos;
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                pos++;
            }
            return pos > start;
        }

        private void skipSpace() {
            while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private char next(String what) {
            if (pos >= text.length()) {
                throw error("the text ends where " + what + " was expected", pos);
            }
            return text.charAt(pos++);
        }

        private void expect(char c) {
            char got = next("'" + c + "'");
            if (got != c) {
                throw error("expected '" + c + "' but found '" + got + "'", pos - 1);
            }
        }

        private IllegalArgumentException error(String message, int at) {
            int line = 1;
            int col = 1;
            for (int i = 0; i < at && i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            return new IllegalArgumentException(source + ", line " + line + ", column " + col + ": " + message);
        }
    }
}
