package org.iceising.data.download;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one page of a CMR granule search in UMM-G JSON ({@code /search/granules.umm_json}): for each
 * item, the {@code RelatedUrls} of type {@code GET DATA} whose file name is a daily northern 25 km file
 * of the product, with size and checksum from {@code DataGranule.ArchiveAndDistributionInformation}.
 * Links whose last path segment is not a plain file name (a path, {@code ..}, a drive) are rejected and
 * reported; other names (southern, monthly, browse images) are not wanted and are passed over.
 */
final class CmrGranules {

    /** A parsed page: the wanted granules, the rejected links (one sentence each), the number of items. */
    record Page(List<Granule> granules, List<String> rejected, int items, OptionalLong hits) {
    }

    private static final Pattern LINE_COLUMN = Pattern.compile("line (\\d+) column (\\d+)");

    private CmrGranules() {
    }

    static Page parse(String json, NsidcProduct product, String source) {
        JsonObject root;
        try {
            JsonElement e = JsonParser.parseString(json);
            if (!e.isJsonObject()) {
                throw new DownloadException(source + " did not answer with a CMR granule list (not a JSON object)");
            }
            root = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new DownloadException(source + " did not answer with readable JSON" + where(e), e);
        }
        JsonArray items = array(root, "items");
        if (items == null) {
            throw new DownloadException(source + " did not answer with a CMR granule list (no 'items')");
        }
        Map<String, Granule> granules = new LinkedHashMap<>();
        Map<String, String> rejected = new LinkedHashMap<>();
        for (JsonElement item : items) {
            JsonObject umm = item.isJsonObject() ? object(item.getAsJsonObject(), "umm") : null;
            JsonArray urls = umm == null ? null : array(umm, "RelatedUrls");
            if (urls == null) {
                continue;
            }
            for (JsonElement u : urls) {
                JsonObject link = u.isJsonObject() ? u.getAsJsonObject() : null;
                String href = link == null ? null : string(link, "URL");
                if (href == null || !"GET DATA".equals(string(link, "Type"))) {
                    continue;
                }
                readLink(href, umm, product, granules, rejected);
            }
        }
        granules.keySet().forEach(rejected::remove);
        return new Page(List.copyOf(granules.values()), List.copyOf(rejected.values()), items.size(),
                longValue(root, "hits"));
    }

    private static void readLink(String href, JsonObject umm, NsidcProduct product, Map<String, Granule> granules,
                                 Map<String, String> rejected) {
        URI url;
        String name;
        try {
            url = new URI(href);
            String raw = url.getRawPath();
            if (raw == null || raw.isEmpty() || raw.endsWith("/")) {
                return;
            }
            name = percentDecode(raw.substring(raw.lastIndexOf('/') + 1));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            rejected.putIfAbsent(href, "a CMR data link that is not a usable address was left out");
            return;
        }
        String unsafe = unsafeReason(name);
        if (unsafe != null) {
            rejected.putIfAbsent(name, "'" + printable(name) + "' from " + WebAddresses.redact(url)
                    + " was refused: " + unsafe);
            return;
        }
        Optional<LocalDate> date = product.northDailyDate(name);
        if (date.isEmpty() || granules.containsKey(name)) {
            return;
        }
        if (!WebAddresses.isAllowed(url)) {
            rejected.putIfAbsent(name, name + " was left out: CMR gives it only at " + WebAddresses.redact(url)
                    + ", which is not https://");
            return;
        }
        JsonObject info = archiveInfo(umm, name);
        OptionalLong size = info == null ? OptionalLong.empty() : longValue(info, "SizeInBytes");
        JsonObject sum = info == null ? null : object(info, "Checksum");
        Optional<Checksum> checksum = sum == null ? Optional.empty()
                : Checksum.of(string(sum, "Algorithm"), string(sum, "Value"));
        granules.put(name, new Granule(product, date.get(), name, url, size, checksum));
    }

    /** CMR's own words from an error answer ({@code {"errors": [...]}}) as ": a; b", or "" if there are none. */
    static String errorText(String body) {
        try {
            JsonElement e = JsonParser.parseString(body == null ? "" : body);
            JsonArray errors = e.isJsonObject() ? array(e.getAsJsonObject(), "errors") : null;
            if (errors == null || errors.size() == 0) {
                return "";
            }
            List<String> parts = new ArrayList<>();
            errors.forEach(x -> parts.add(printable(x.isJsonPrimitive() ? x.getAsString() : x.toString())));
            return ": " + String.join("; ", parts);
        } catch (JsonParseException e) {
            return "";
        }
    }

    /** Where the parser stopped, as " (at line L column C)", or "" if it does not say; never the parser's own long words. */
    private static String where(JsonParseException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = LINE_COLUMN.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return " (at line " + m.group(1) + " column " + m.group(2) + ")";
            }
        }
        return "";
    }

    /** Why a name taken from a server is not a plain file name, or null if it is one. */
    static String unsafeReason(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "not a file name";
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            return "a file name cannot hold a path";
        }
        if (name.indexOf(':') >= 0) {
            return "a file name cannot name a drive or stream";
        }
        if (name.contains("..")) {
            return "a file name cannot hold '..'";
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "a file name cannot hold control characters";
        }
        return null;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(120).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    /** RFC 3986 percent-decoding of one path segment (UTF-8); '+' stays '+'. */
    static String percentDecode(String raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new IllegalArgumentException("bad escape");
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("bad escape");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static JsonObject archiveInfo(JsonObject umm, String name) {
        JsonObject dataGranule = object(umm, "DataGranule");
        JsonArray infos = dataGranule == null ? null : array(dataGranule, "ArchiveAndDistributionInformation");
        if (infos == null) {
            return null;
        }
        for (JsonElement e : infos) {
            if (e.isJsonObject() && name.equals(string(e.getAsJsonObject(), "Name"))) {
                return e.getAsJsonObject();
            }
        }
        return null;
    }

    private static JsonObject object(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    private static JsonArray array(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonArray() ? e.getAsJsonArray() : null;
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
    }

    private static OptionalLong longValue(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !((JsonPrimitive) e).isNumber()) {
            return OptionalLong.empty();
        }
        try {
            long v = e.getAsBigDecimal().longValueExact();
            return v >= 0 ? OptionalLong.of(v) : OptionalLong.empty();
        } catch (ArithmeticException ex) {
            return OptionalLong.empty();
        }
    }
}
