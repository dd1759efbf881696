package org.iceising.data.download;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@code .netrc} file the way curl and Python's netrc do: whitespace-separated tokens
 * ({@code machine}, {@code default}, {@code login}, {@code password}, {@code account}, {@code macdef}),
 * double-quoted tokens with backslash escapes, {@code #} comments. A file that cannot be read is an
 * {@link EarthdataAuthException}; its message never quotes a password.
 */
final class Netrc {

    /** A login found for a host. */
    record Entry(String login, String password) {
        @Override
        public String toString() {
            return "netrc entry (hidden)";
        }
    }

    private Netrc() {
    }

    /** The entry for {@code host}, else the {@code default} entry, else empty; empty too if the file does not exist. */
    static Optional<Entry> find(Path file, String host) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EarthdataAuthException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return find(text, host, file.toString());
    }

    static Optional<Entry> find(String text, String host, String fileName) {
        List<String> tokens = tokens(text);
        Entry fallback = null;
        int i = 0;
        while (i < tokens.size()) {
            String t = tokens.get(i++);
            String machine;
            if (t.equals("machine")) {
                if (i >= tokens.size()) {
                    throw new EarthdataAuthException(fileName + ": 'machine' without a host name at the end");
                }
                machine = tokens.get(i++);
            } else if (t.equals("default")) {
                machine = null;
            } else {
                throw new EarthdataAuthException(fileName + ": expected 'machine' or 'default' but found another word");
            }
            String login = null;
            String password = null;
            while (i < tokens.size() && !tokens.get(i).equals("machine") && !tokens.get(i).equals("default")) {
                String key = tokens.get(i++);
                if (i >= tokens.size()) {
                    throw new EarthdataAuthException(fileName + ": '" + safeKey(key) + "' without a value at the end");
                }
                String value = tokens.get(i++);
                switch (key) {
                    case "login" -> login = value;
                    case "password" -> password = value;
                    case "account" -> { }
                    default -> throw new EarthdataAuthException(fileName + ": unknown word in the entry for "
                            + (machine == null ? "default" : machine));
                }
            }
            boolean matches = machine != null && machine.equalsIgnoreCase(host);
            if (matches || (machine == null && fallback == null)) {
                if (login == null || password == null) {
                    throw new EarthdataAuthException(fileName + ": the entry for " + (machine == null ? "default" : machine)
                            + " needs both a login and a password");
                }
                Entry e = new Entry(login, password);
                if (matches) {
                    return Optional.of(e);
                }
                fallback = e;
            }
        }
        return Optional.ofNullable(fallback);
    }

    private static String safeKey(String key) {
        return switch (key) {
            case "login", "password", "account" -> key;
            default -> "a word";
        };
    }

    /** Tokens of the file, with comments and macro definitions left out. */
    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else {
                StringBuilder tok = new StringBuilder();
                if (c == '"') {
                    i++;
                    while (i < n && text.charAt(i) != '"') {
                        char d = text.charAt(i++);
                        if (d == '\\' && i < n) {
                            d = text.charAt(i++);
                        }
                        tok.append(d);
                    }
                    i++;
                } else {
                    while (i < n && !Character.isWhitespace(text.charAt(i))) {
                        tok.append(text.charAt(i++));
                    }
                }
                String s = tok.toString();
                if (s.equals("macdef")) {
                    int end = text.indexOf("\n\n", i);
                    i = end < 0 ? n : end + 2;
                } else {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
