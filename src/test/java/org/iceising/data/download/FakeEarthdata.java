package org.iceising.data.download;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Earthdata on 127.0.0.1, four servers as NASA runs them: a CMR answering UMM-G granule searches page
 * by page (CMR-Search-After), an Earthdata Login host (OAuth authorize: Basic or Bearer, then a redirect
 * back with a code), a data host (Thin Egress App: Bearer accepted, else a redirect to the login host,
 * a code exchanged for a cookie, then a redirect to signed storage) and a storage host (S3 presigned
 * addresses) that serves the real sample files, scripted per file to fail in given ways.
 */
final class FakeEarthdata implements AutoCloseable {

    static final Path SAMPLES = Path.of("sample-data/netcdf");
    static final String JAN = "NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc";
    static final String AUG = "NSIDC0081_SEAICE_PS_N25km_20240820_v2.0.nc";

    final String token = "eyJ0eXAiOiJKV1QiLCJvcmlnaW4iOiJFYXJ0aGRhdGEifQ.tok-" + UUID.randomUUID();
    final String user = "ice-user-" + UUID.randomUUID().toString().substring(0, 8);
    final String password = "pw-" + UUID.randomUUID();
    private static final String CODE = "oauth-code-" + UUID.randomUUID();
    private static final String SESSION = "tea-session-" + UUID.randomUUID();

    /** One request as a server saw it. */
    record Seen(String server, String pathAndQuery, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** How the storage host answers one request for a file. */
    @FunctionalInterface
    interface Reply {
        void send(HttpExchange exchange, byte[] file) throws IOException;
    }

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-earthdata");
        t.setDaemon(true);
        return t;
    });
    private final HttpServer cmr = server();
    private final HttpServer login = server();
    private final HttpServer data = server();
    private final HttpServer storage = server();
    final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Deque<Reply>> replies = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private volatile List<String> cmrPages = List.of();
    private final Deque<Integer> cmrFailures = new ArrayDeque<>();
    volatile boolean loginWantsBrowser;
    volatile String dataRedirect;

    FakeEarthdata() throws IOException {
        for (String name : List.of(JAN, AUG)) {
            files.put(name, Files.readAllBytes(SAMPLES.resolve(name)));
        }
        cmr.createContext("/", ex -> handle("cmr", ex, this::cmr));
        login.createContext("/", ex -> handle("login", ex, this::login));
        data.createContext("/", ex -> handle("data", ex, this::data));
        storage.createContext("/", ex -> handle("storage", ex, this::storage));
        for (HttpServer s : List.of(cmr, login, data, storage)) {
            s.setExecutor(executor);
            s.start();
        }
    }

    URI cmrUrl() {
        return base(cmr);
    }

    URI loginUrl() {
        return base(login);
    }

    /** The data host's address for {@code rawName} (already percent-encoded as a path segment). */
    String dataUrl(String rawName) {
        return base(data) + "/files/" + rawName;
    }

    byte[] bytes(String name) {
        return files.get(name);
    }

    /** A request for the files' date range, NSIDC-0081, into {@code dest}, with quick retries and timeouts. */
    DownloadRequest request(Path dest) {
        return DownloadRequest.of(NsidcProduct.NSIDC_0081, java.time.LocalDate.of(2023, 1, 1),
                        java.time.LocalDate.of(2024, 12, 31), dest)
                .withCmrUrl(cmrUrl()).withLoginUrl(loginUrl())
                .withTransfer(settings(2, Duration.ofSeconds(10), Duration.ofSeconds(10)));
    }

    static TransferSettings settings(int pageSize, Duration responseTimeout, Duration idleTimeout) {
        return settings(pageSize, responseTimeout, idleTimeout, Duration.ofSeconds(60), 100, 1 << 20);
    }

    /** Quick retries with every limit given: the hostile-server tests run in seconds. */
    static TransferSettings settings(int pageSize, Duration responseTimeout, Duration idleTimeout, Duration deadline,
                                     int maxPages, long maxPageBytes) {
        return new TransferSettings(pageSize, 2, 3, Duration.ofMillis(10), Duration.ofSeconds(5), responseTimeout,
                idleTimeout, deadline, maxPages, maxPageBytes);
    }

    /** CMR answers these pages in turn, each but the last with a CMR-Search-After header. */
    void cmrPages(String... pages) {
        cmrPages = List.of(pages);
    }

    /** CMR answers the next searches with these statuses before answering properly. */
    void cmrFailsWith(int... statuses) {
        synchronized (cmrFailures) {
            for (int s : statuses) {
                cmrFailures.add(s);
            }
        }
    }

    /** The two sample files on two pages, with NSIDC's other files of those days beside them. */
    void cmrListsBothSamples() {
        cmrPages(page(item(JAN, files.get(JAN).length, "MD5", "6d5f09f2e4cab7403017a9929914f431"),
                        item("NSIDC0081_SEAICE_PS_S25km_20230130_v2.0.nc", 99_000, null, null)),
                page(item(AUG, files.get(AUG).length, "SHA-256",
                                "a2103527adb20c7e9910fa4a0c2342157d252a501d42e13e1c985d53ee8ded5c"),
                        item(AUG.replace(".nc", "_F18_brws.png"), 20_000, null, null)));
    }

    /** The storage host answers requests for {@code name} with these replies in turn, the last one for good. */
    void replies(String name, Reply... script) {
        replies.put(name, new ArrayDeque<>(List.of(script)));
    }

    List<Seen> seenBy(String server) {
        synchronized (seen) {
            return seen.stream().filter(s -> s.server().equals(server)).toList();
        }
    }

    // ---- CMR UMM-G JSON

    String item(String rawName, long size, String algorithm, String checksum) {
        String name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
        String sum = algorithm == null ? "" : ", \"Checksum\": {\"Value\": \"" + checksum + "\", \"Algorithm\": \""
                + algorithm + "\"}";
        String info = size < 0 ? "" : "{\"Name\": " + json(name) + ", \"SizeInBytes\": " + size + sum + "}";
        return "{\"meta\": {\"concept-id\": \"G-" + UUID.randomUUID() + "\"}, \"umm\": {\"GranuleUR\": " + json(name)
                + ", \"DataGranule\": {\"ArchiveAndDistributionInformation\": [" + info + "]}, \"RelatedUrls\": ["
                + "{\"URL\": " + json(dataUrl(rawName)) + ", \"Type\": \"GET DATA\"},"
                + "{\"URL\": " + json("s3://bucket/" + rawName) + ", \"Type\": \"GET DATA VIA DIRECT ACCESS\"}]}}";
    }

    static String page(String... items) {
        return "{\"hits\": " + items.length + ", \"took\": 5, \"items\": [" + String.join(",", items) + "]}";
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    // ---- storage replies

    static Reply ok() {
        return (ex, file) -> send(ex, 200, file);
    }

    static Reply status(int code) {
        return (ex, file) -> send(ex, code, ("<html>HTTP " + code + "</html>").getBytes(StandardCharsets.UTF_8));
    }

    /** Announces the whole length, sends half, and drops the connection. */
    static Reply truncated() {
        return (ex, file) -> {
            ex.sendResponseHeaders(200, file.length);
            OutputStream out = ex.getResponseBody();
            out.write(file, 0, file.length / 2);
            out.flush();
            throw new IOException("connection dropped on purpose");
        };
    }

    /** Waits before answering at all. */
    static Reply slowHeaders(Duration wait) {
        return (ex, file) -> {
            sleep(wait);
            send(ex, 200, file);
        };
    }

    /** Sends half, then waits for {@code release} (at most a minute) before dropping the connection. */
    static Reply stallAfterHalf(CountDownLatch release) {
        return (ex, file) -> {
            ex.sendResponseHeaders(200, file.length);
            OutputStream out = ex.getResponseBody();
            out.write(file, 0, file.length / 2);
            out.flush();
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("stalled on purpose");
        };
    }

    /** Serves another file's bytes under this name. */
    Reply bytesOf(String other) {
        return (ex, file) -> send(ex, 200, files.get(other));
    }

    /** Serves the file with a hostile Content-Disposition name. */
    static Reply withDisposition(String name) {
        return (ex, file) -> {
            ex.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"" + name + "\"");
            send(ex, 200, file);
        };
    }

    private static void send(HttpExchange ex, int code, byte[] body) throws IOException {
        ex.sendResponseHeaders(code, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the four hosts

    private interface Handler {
        void handle(HttpExchange ex) throws IOException;
    }

    private void handle(String server, HttpExchange ex, Handler h) throws IOException {
        seen.add(new Seen(server, ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery()),
                new LinkedHashMap<>(ex.getRequestHeaders())));
        try {
            h.handle(ex);
        } finally {
            ex.close();
        }
    }

    private void cmr(HttpExchange ex) throws IOException {
        Integer failure;
        synchronized (cmrFailures) {
            failure = cmrFailures.poll();
        }
        if (failure != null) {
            send(ex, failure, "{\"errors\": [\"Parameter [nonsense] was not recognized.\"]}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String after = ex.getRequestHeaders().getFirst("CMR-Search-After");
        int page = after == null ? 0 : Integer.parseInt(after.substring("[\"sa\",".length(), after.length() - 1));
        List<String> pages = cmrPages;
        String body = page < pages.size() ? pages.get(page) : page();
        ex.getResponseHeaders().add("Content-Type", "application/vnd.nasa.cmr.umm_results+json;version=1.6.6");
        ex.getResponseHeaders().add("CMR-Hits", String.valueOf(pages.size()));
        if (page + 1 < pages.size()) {
            ex.getResponseHeaders().add("CMR-Search-After", "[\"sa\"," + (page + 1) + "]");
        }
        send(ex, 200, body.getBytes(StandardCharsets.UTF_8));
    }

    private void login(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex.getRequestURI());
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        if (!ex.getRequestURI().getPath().equals("/oauth/authorize") || q.get("redirect_uri") == null) {
            send(ex, 404, new byte[0]);
        } else if (!basic.equals(auth) && !("Bearer " + token).equals(auth)) {
            send(ex, 401, "<html>Invalid user credentials</html>".getBytes(StandardCharsets.UTF_8));
        } else if (loginWantsBrowser) {
            send(ex, 200, "<html>Approve the application NSIDC_DATAPOOL_OPS</html>".getBytes(StandardCharsets.UTF_8));
        } else {
            redirect(ex, 302, q.get("redirect_uri") + "?code=" + CODE + "&state=" + enc(q.get("state")));
        }
    }

    private void data(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String cookie = String.valueOf(ex.getRequestHeaders().get("Cookie"));
        if (path.equals("/login")) {
            Map<String, String> q = query(ex.getRequestURI());
            if (!CODE.equals(q.get("code"))) {
                send(ex, 401, new byte[0]);
                return;
            }
            ex.getResponseHeaders().add("Set-Cookie", "tea_session=" + SESSION + "; Path=/; HttpOnly");
            redirect(ex, 302, q.get("state"));
        } else if (!path.startsWith("/files/")) {
            send(ex, 404, new byte[0]);
        } else if (cookie.contains(SESSION) || ("Bearer " + token).equals(auth)) {
            String signed = dataRedirect != null ? dataRedirect
                    : base(storage) + "/objects/" + path.substring("/files/".length())
                    + "?X-Amz-Credential=ASIA-" + UUID.randomUUID() + "&X-Amz-Signature=" + UUID.randomUUID();
            redirect(ex, 307, signed);
        } else if (auth != null && auth.startsWith("Bearer ")) {
            send(ex, 401, "{\"error\": \"invalid token\"}".getBytes(StandardCharsets.UTF_8));
        } else {
            redirect(ex, 302, base(login) + "/oauth/authorize?client_id=fake-tea&response_type=code&redirect_uri="
                    + enc(base(data) + "/login") + "&state=" + enc(path));
        }
    }

    private void storage(HttpExchange ex) throws IOException {
        String name = URLDecoder.decode(ex.getRequestURI().getRawPath().substring("/objects/".length()),
                StandardCharsets.UTF_8);
        byte[] file = files.get(name);
        if (file == null) {
            send(ex, 404, "<Error><Code>NoSuchKey</Code></Error>".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Deque<Reply> script = replies.get(name);
        Reply reply;
        if (script == null) {
            reply = ok();
        } else {
            synchronized (script) {
                reply = script.size() > 1 ? script.poll() : script.peek();
            }
        }
        reply.send(ex, file);
    }

    private static void redirect(HttpExchange ex, int code, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        send(ex, code, new byte[0]);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String kv : uri.getRawQuery().split("&")) {
                int i = kv.indexOf('=');
                q.put(URLDecoder.decode(i < 0 ? kv : kv.substring(0, i), StandardCharsets.UTF_8),
                        i < 0 ? "" : URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static URI base(HttpServer s) {
        return URI.create("http://127.0.0.1:" + s.getAddress().getPort());
    }

    private static HttpServer server() {
        try {
            return HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        for (HttpServer s : List.of(cmr, login, data, storage)) {
            s.stop(0);
        }
        executor.shutdownNow();
    }
}
