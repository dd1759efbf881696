package org.iceising.data.download;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.iceising.model.ProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Servers on 127.0.0.1 that answer in the ways that used to hang or exhaust a download: a CMR that
 * trickles a byte every 2 s or drips just fast enough, one that always offers a next page, one that
 * sends 10 MB or a deeply nested array, servers that ask to come back later, a data host that drips a
 * file below the idle limit or sends an endless error page. Each must end within its limits with one
 * short line; the limits are small here so that each case takes seconds.
 */
class HostileServersTest {

    private static final String NAME = FakeEarthdata.JAN;
    private static final LocalDate DAY = LocalDate.of(2023, 1, 30);

    @TempDir
    Path root;
    private HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-server");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger cmrRequests = new AtomicInteger();
    private final AtomicInteger dataRequests = new AtomicInteger();
    private volatile Handler cmr;
    private volatile Handler data;

    private interface Handler {
        void handle(HttpExchange ex, int request) throws IOException;
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/search", ex -> serve(ex, cmr, cmrRequests));
        server.createContext("/files", ex -> serve(ex, data, dataRequests));
        server.setExecutor(threads);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    private static void serve(HttpExchange ex, Handler h, AtomicInteger count) throws IOException {
        try {
            h.handle(ex, count.incrementAndGet());
        } catch (IOException e) {
            // the client hung up, as it should
        } finally {
            ex.close();
        }
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private DownloadRequest request(Path dest, Duration idle, Duration deadline, int maxPages) {
        return DownloadRequest.of(NsidcProduct.NSIDC_0081, DAY, DAY, dest).withCmrUrl(base())
                .withLoginUrl(URI.create("http://127.0.0.1:9")) // a login host that is never visited
                .withTransfer(FakeEarthdata.settings(2, Duration.ofSeconds(5), idle, deadline, maxPages, 1 << 20));
    }

    private DownloadRequest request(Duration idle, Duration deadline) {
        return request(root.resolve("dest"), idle, deadline, 20);
    }

    /** A CMR page listing the sample file at the data host of this server. */
    private String onePage() throws IOException {
        long size = Files.size(FakeEarthdata.SAMPLES.resolve(NAME));
        return "{\"hits\": 1, \"items\": [{\"umm\": {\"DataGranule\": {\"ArchiveAndDistributionInformation\": [{\"Name\": \""
                + NAME + "\", \"SizeInBytes\": " + size + "}]}, \"RelatedUrls\": [{\"URL\": \"" + base() + "/files/" + NAME
                + "\", \"Type\": \"GET DATA\"}]}}]}";
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** Sends {@code body} one byte at a time, {@code every} apart (chunked), until the client hangs up. */
    private static void drip(HttpExchange ex, int status, byte[] body, Duration every) throws IOException {
        ex.sendResponseHeaders(status, 0);
        OutputStream out = ex.getResponseBody();
        for (int i = 0; ; i = (i + 1) % body.length) {
            out.write(body[i]);
            out.flush();
            pause(every);
        }
    }

    private static void pause(Duration d) throws IOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("server stopped");
        }
    }

    /** The one-line message a failed search gives, checked for shape. */
    private String searchFails(DownloadRequest request) {
        DownloadException e = assertThrows(DownloadException.class,
                () -> new EarthdataDownloader(EarthdataCredentials.none()).search(request, ProgressMonitor.NONE));
        return shortLine(e.getMessage());
    }

    private static String shortLine(String m) {
        assertTrue(m.length() < 240, "a short line: " + m.length() + " characters: " + m);
        assertFalse(m.contains("\n") || m.contains("com.google") || m.contains("java.") || m.contains("Exception"), m);
        return m;
    }

    @Test
    void aCmrTricklingOneByteEveryTwoSecondsTimesOut() {
        cmr = (ex, n) -> drip(ex, 200, "{\"items\": []}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(2));
        String m = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> searchFails(request(Duration.ofMillis(400), Duration.ofSeconds(60))));
        assertTrue(m.startsWith("CMR search page 1: timed out (no data for 400 ms after"), m);
        assertTrue(m.endsWith("(gave up after 3 tries)"), m);
        assertEquals(3, cmrRequests.get());
    }

    @Test
    void aCmrDrippingBelowTheIdleLimitMeetsTheDeadline() {
        cmr = (ex, n) -> drip(ex, 200, "{\"items\": []}".getBytes(StandardCharsets.UTF_8), Duration.ofMillis(100));
        long t0 = System.nanoTime();
        String m = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> searchFails(request(Duration.ofSeconds(1), Duration.ofSeconds(2))));
        assertTrue(m.startsWith("CMR search page 1: not complete after 2 s, the time allowed"), m);
        assertTrue(System.nanoTime() - t0 >= Duration.ofSeconds(2).toNanos(), "it waited the time allowed");
    }

    @Test
    void aCmrThatAlwaysOffersANextPageIsStoppedAtTheCap() {
        cmr = (ex, n) -> {
            ex.getResponseHeaders().add("CMR-Search-After", "[\"page\"," + n + "]");
            String item = "{\"umm\": {\"RelatedUrls\": []}}";
            send(ex, 200, ("{\"items\": [" + item + "," + item + "]}").getBytes(StandardCharsets.UTF_8));
        };
        String m = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> searchFails(request(root.resolve("dest"), Duration.ofSeconds(2), Duration.ofSeconds(10), 5)));
        assertEquals("CMR at " + base() + " offers more than 5 pages of results; search fewer days at a time", m);
        assertEquals(5, cmrRequests.get());
    }

    @Test
    void aTenMegabyteAnswerIsCutOffAtTheLimit() {
        cmr = (ex, n) -> {
            byte[] chunk = new byte[1 << 16];
            java.util.Arrays.fill(chunk, (byte) ' ');
            ex.sendResponseHeaders(200, 160L * chunk.length + 2);
            try (OutputStream out = ex.getResponseBody()) {
                out.write('[');
                for (int k = 0; k < 160; k++) {
                    out.write(chunk);
                }
                out.write(']');
            }
        };
        String m = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> searchFails(request(Duration.ofSeconds(2), Duration.ofSeconds(10))));
        assertEquals("CMR search page 1: CMR at " + base() + " sent more than 1048576 bytes for one answer; it was cut off", m);
        assertEquals(1, cmrRequests.get(), "a page too large is not fetched again");
    }

    @Test
    void malformedOrDeeplyNestedJsonGivesOneShortLine() {
        cmr = (ex, n) -> send(ex, 200, "[".repeat(20_000).getBytes(StandardCharsets.UTF_8));
        String nested = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> searchFails(request(Duration.ofSeconds(2), Duration.ofSeconds(10))));
        assertTrue(nested.matches("CMR at \\S+ did not answer with readable JSON \\(at line 1 column \\d+\\)"), nested);
        cmr = (ex, n) -> send(ex, 200, "{\"items\": [ nope".getBytes(StandardCharsets.UTF_8));
        String broken = searchFails(request(Duration.ofSeconds(2), Duration.ofSeconds(10)));
        assertTrue(broken.matches("CMR at \\S+ did not answer with readable JSON \\(at line 1 column \\d+\\)"), broken);
    }

    @Test
    void retryAfterIsWaitedForAndAFarOneEndsAtOnce() throws IOException {
        String page = onePage();
        cmr = (ex, n) -> {
            if (n == 1) {
                ex.getResponseHeaders().add("Retry-After", "1");
                send(ex, 503, "busy".getBytes(StandardCharsets.UTF_8));
            } else {
                send(ex, 200, page.getBytes(StandardCharsets.UTF_8));
            }
        };
        long t0 = System.nanoTime();
        CmrSearchResult found = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> new EarthdataDownloader(
                EarthdataCredentials.none()).search(request(Duration.ofSeconds(2), Duration.ofSeconds(10)), ProgressMonitor.NONE));
        assertEquals(1, found.granules().size());
        assertTrue(System.nanoTime() - t0 >= Duration.ofSeconds(1).toNanos(),
                "the second try came after the second the server asked for, not after the 10 ms backoff");

        cmrRequests.set(0);
        cmr = (ex, n) -> {
            ex.getResponseHeaders().add("Retry-After", "86400");
            send(ex, 429, new byte[0]);
        };
        String m = searchFails(request(Duration.ofSeconds(2), Duration.ofSeconds(10)));
        assertTrue(m.endsWith("answered HTTP 429 (asks to come back in 86400 s); try again later"), m);
        assertEquals(1, cmrRequests.get());

        cmrRequests.set(0);
        cmr = (ex, n) -> {
            ex.getResponseHeaders().add("Retry-After", "5");
            send(ex, 503, new byte[0]);
        };
        m = searchFails(request(Duration.ofSeconds(2), Duration.ofSeconds(3)));
        assertTrue(m.endsWith("the 3 s allowed are spent)"), m);
        assertEquals(1, cmrRequests.get(), "no try is started that the deadline cannot wait for");
    }

    private DownloadReport download(DownloadRequest request) {
        return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> new EarthdataDownloader(EarthdataCredentials.none())
                .download(request, ProgressMonitor.NONE, DownloadListener.NONE));
    }

    private List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFileDrippingBelowTheIdleLimitMeetsItsDeadlineAndLeavesNothing() throws IOException {
        String page = onePage();
        byte[] file = Files.readAllBytes(FakeEarthdata.SAMPLES.resolve(NAME));
        cmr = (ex, n) -> send(ex, 200, page.getBytes(StandardCharsets.UTF_8));
        data = (ex, n) -> drip(ex, 200, file, Duration.ofMillis(50));
        Path dest = root.resolve("dest");
        DownloadReport r = download(request(dest, Duration.ofSeconds(1), Duration.ofSeconds(2), 20));
        assertEquals(1, r.failed().size());
        String problem = shortLine(r.failed().get(0).problem());
        assertTrue(problem.startsWith(NAME + ": not complete after 2 s, the time allowed"), problem);
        assertEquals(1, dataRequests.get(), "the deadline covers all tries");
        assertEquals(List.of(), filesIn(dest));
    }

    @Test
    void anEndlessErrorPageIsNotReadAndABusyDataHostIsWaitedFor() throws IOException {
        String page = onePage();
        byte[] file = Files.readAllBytes(FakeEarthdata.SAMPLES.resolve(NAME));
        cmr = (ex, n) -> send(ex, 200, page.getBytes(StandardCharsets.UTF_8));
        data = (ex, n) -> {
            if (n == 1) {
                drip(ex, 502, "<html>bad gateway</html>".getBytes(StandardCharsets.UTF_8), Duration.ofMillis(100));
            } else if (n == 2) {
                ex.getResponseHeaders().add("Retry-After", "1");
                send(ex, 503, new byte[0]);
            } else {
                send(ex, 200, file);
            }
        };
        Path dest = root.resolve("dest");
        long t0 = System.nanoTime();
        DownloadReport r = download(request(dest, Duration.ofSeconds(5), Duration.ofSeconds(20), 20)
                .withTransfer(new TransferSettings(2, 2, 4, Duration.ofMillis(10), Duration.ofSeconds(5),
                        Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(20), 20, 1 << 20)));
        assertEquals(1, r.fetched().size(), r.summary());
        assertEquals(3, r.fetched().get(0).attempts());
        assertTrue(System.nanoTime() - t0 >= Duration.ofSeconds(1).toNanos(), "Retry-After was honoured");
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos(), "the endless page was not read to its end");
        assertArrayEquals(file, Files.readAllBytes(dest.resolve(NAME)));
    }

    @Test
    void aDestinationThatIsAFileIsRefusedBeforeSearching() throws IOException {
        Path notAFolder = Files.writeString(root.resolve("notes.txt"), "mine");
        cmr = (ex, n) -> send(ex, 200, "{\"items\": []}".getBytes(StandardCharsets.UTF_8));
        DownloadException e = assertThrows(DownloadException.class, () -> new EarthdataDownloader(EarthdataCredentials.none())
                .download(request(notAFolder, Duration.ofSeconds(2), Duration.ofSeconds(10), 20), ProgressMonitor.NONE,
                        DownloadListener.NONE));
        assertEquals("the destination " + notAFolder + " is not a folder", shortLine(e.getMessage()));
        assertEquals(0, cmrRequests.get(), "CMR was not asked");
        assertEquals("mine", Files.readString(notAFolder));
    }

    @Test
    void aPipeWhereAFileGoesIsLeftAloneAndTheFileFails() throws IOException {
        String page = onePage();
        cmr = (ex, n) -> send(ex, 200, page.getBytes(StandardCharsets.UTF_8));
        data = (ex, n) -> send(ex, 200, Files.readAllBytes(FakeEarthdata.SAMPLES.resolve(NAME)));
        Path dest = Files.createDirectories(root.resolve("dest"));
        Path pipe = org.iceising.data.SpecialFiles.fifo(dest, NAME);
        DownloadReport r = download(request(dest, Duration.ofSeconds(2), Duration.ofSeconds(10), 20));
        assertEquals(1, r.failed().size(), r.summary());
        assertEquals(pipe.toAbsolutePath().normalize() + " is not a regular file (a pipe, socket or device); it is left as it is"
                + " (remove it or write elsewhere)", shortLine(r.failed().get(0).problem()));
        assertEquals(0, dataRequests.get(), "nothing was fetched to replace it");
        assertFalse(Files.isRegularFile(pipe));
    }
}
