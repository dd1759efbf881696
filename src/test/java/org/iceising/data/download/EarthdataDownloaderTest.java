package org.iceising.data.download;

import org.iceising.data.DataCatalogue;
import org.iceising.data.GridReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.iceising.data.download.FakeEarthdata.AUG;
import static org.iceising.data.download.FakeEarthdata.JAN;
import static org.iceising.data.download.FakeEarthdata.page;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole download against Earthdata imitated on 127.0.0.1, serving the real sample files. */
class EarthdataDownloaderTest {

    @TempDir
    Path root;
    Path dest;
    FakeEarthdata earthdata;

    @BeforeEach
    void start() throws IOException {
        earthdata = new FakeEarthdata();
        dest = root.resolve("nsidc");
    }

    @AfterEach
    void stop() {
        earthdata.close();
    }

    private EarthdataDownloader netrcLogin() {
        return new EarthdataDownloader(EarthdataCredentials.login(earthdata.user, earthdata.password));
    }

    private EarthdataDownloader token() {
        return new EarthdataDownloader(EarthdataCredentials.token(earthdata.token));
    }

    /** Every file under the temporary root, relative to it. */
    private Set<String> filesUnderRoot() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toSet());
        }
    }

    private FileOutcome outcome(DownloadReport r, String name) {
        return r.files().stream().filter(f -> f.granule().fileName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void fetchesBothSampleFilesFromTwoCmrPagesThroughTheLoginRedirect() throws Exception {
        earthdata.cmrListsBothSamples();
        Recorder rec = new Recorder();

        DownloadReport report = netrcLogin().download(earthdata.request(dest), rec, rec);

        assertEquals(List.of(JAN, AUG), report.fetched().stream().map(f -> f.granule().fileName()).toList());
        assertFalse(report.cancelled());
        assertEquals(Set.of("nsidc/" + JAN, "nsidc/" + AUG), filesUnderRoot());
        assertArrayEquals(earthdata.bytes(JAN), Files.readAllBytes(dest.resolve(JAN)));
        assertArrayEquals(earthdata.bytes(AUG), Files.readAllBytes(dest.resolve(AUG)));
        assertEquals(earthdata.bytes(JAN).length + earthdata.bytes(AUG).length, report.bytesFetched());
        assertEquals(LocalDate.of(2024, 8, 20), GridReader.read(dest.resolve(AUG)).date());
        assertEquals(Set.of(LocalDate.of(2023, 1, 30), LocalDate.of(2024, 8, 20)), DataCatalogue.scan(dest).dates());

        List<FakeEarthdata.Seen> cmr = earthdata.seenBy("cmr");
        assertEquals(2, cmr.size());
        assertNull(cmr.get(0).header("CMR-Search-After"));
        assertEquals("[\"sa\",1]", cmr.get(1).header("CMR-Search-After"));
        String query = cmr.get(0).pathAndQuery();
        assertTrue(query.startsWith("/search/granules.umm_json?short_name=NSIDC-0081&version=2&"), query);
        assertTrue(query.contains("temporal%5B%5D=2023-01-01T00%3A00%3A00Z%2C2024-12-31T23%3A59%3A59Z"), query);
        assertTrue(query.contains("page_size=2"), query);
        assertEquals("iceising", cmr.get(0).header("Client-Id"));
        assertTrue(earthdata.seenBy("login").stream().allMatch(s -> s.header("Authorization").startsWith("Basic ")));
        assertFalse(earthdata.seenBy("login").isEmpty());
        for (String host : List.of("cmr", "data", "storage")) {
            assertTrue(earthdata.seenBy(host).stream().allMatch(s -> s.header("Authorization") == null), host);
        }

        assertEquals(List.of(JAN, AUG), rec.found.stream().map(Granule::fileName).toList());
        assertEquals(2, rec.finished.size());
        assertEquals(2, rec.last().done());
        assertEquals(2, rec.last().total());
        assertTrue(rec.last().message().contains("2 of 2 files (2 fetched, 0 skipped, 0 failed)"), rec.last().message());
        assertTrue(rec.progress.stream().allMatch(p -> p.thread() == Thread.currentThread()));
        assertTrue(rec.listenerThreads.stream().allMatch(t -> t == Thread.currentThread()));
        assertTrue(report.summary().startsWith("NSIDC-0081 v2, 2023-01-01 to 2024-12-31: 2 fetched (0.3 MB), 0 skipped, 0 failed"),
                report.summary());
    }

    @Test
    void aTokenGoesStraightToTheDataHostAndNowhereElse() throws Exception {
        earthdata.cmrListsBothSamples();
        DownloadReport report = token().download(earthdata.request(dest), new Recorder(), DownloadListener.NONE);
        assertEquals(2, report.fetched().size());
        assertTrue(earthdata.seenBy("login").isEmpty());
        assertTrue(earthdata.seenBy("data").stream().allMatch(s -> ("Bearer " + earthdata.token).equals(s.header("Authorization"))));
        assertTrue(earthdata.seenBy("storage").stream().allMatch(s -> s.header("Authorization") == null));
        assertTrue(earthdata.seenBy("cmr").stream().allMatch(s -> s.header("Authorization") == null));
    }

    @Test
    void aBadTokenIsAClearErrorAndLeavesNothing() throws Exception {
        earthdata.cmrListsBothSamples();
        EarthdataDownloader bad = new EarthdataDownloader(EarthdataCredentials.token("not-the-token"));
        EarthdataAuthException e = assertThrows(EarthdataAuthException.class,
                () -> bad.download(earthdata.request(dest), new Recorder(), DownloadListener.NONE));
        assertTrue(e.getMessage().contains("refused an Earthdata token (HTTP 401)"), e.getMessage());
        assertTrue(e.getMessage().contains("/files/NSIDC0081_SEAICE_PS_N25km_"), e.getMessage());
        assertFalse(e.getMessage().contains("not-the-token"));
        assertEquals(Set.of(), filesUnderRoot());
    }

    @Test
    void aWrongPasswordIsRefusedAtTheLoginHost() throws Exception {
        earthdata.cmrListsBothSamples();
        EarthdataDownloader bad = new EarthdataDownloader(EarthdataCredentials.login(earthdata.user, "wrong"));
        EarthdataAuthException e = assertThrows(EarthdataAuthException.class,
                () -> bad.download(earthdata.request(dest), new Recorder(), DownloadListener.NONE));
        assertEquals("Earthdata Login at " + earthdata.loginUrl() + " refused an Earthdata login (HTTP 401); "
                + "check the token or the password", e.getMessage());
        assertEquals(Set.of(), filesUnderRoot());
    }

    @Test
    void noCredentialsSaysHowToSetThemUp() {
        earthdata.cmrListsBothSamples();
        EarthdataDownloader none = new EarthdataDownloader(EarthdataCredentials.none());
        EarthdataAuthException e = assertThrows(EarthdataAuthException.class,
                () -> none.download(earthdata.request(dest), new Recorder(), DownloadListener.NONE));
        assertTrue(e.getMessage().contains("needs an Earthdata login and none is set: set EARTHDATA_TOKEN or add "
                + "'machine 127.0.0.1 login NAME password PASSWORD' to ~/.netrc"), e.getMessage());
    }

    @Test
    void aLoginThatWantsABrowserSaysSo() {
        earthdata.cmrListsBothSamples();
        earthdata.loginWantsBrowser = true;
        EarthdataAuthException e = assertThrows(EarthdataAuthException.class,
                () -> netrcLogin().download(earthdata.request(dest), new Recorder(), DownloadListener.NONE));
        assertTrue(e.getMessage().contains("answered with a page (HTTP 200)") && e.getMessage().contains("approve"),
                e.getMessage());
    }

    @Test
    void aMissingFileFailsAloneWithoutRetries() throws Exception {
        earthdata.cmrPages(page(earthdata.item(JAN, -1, null, null),
                earthdata.item("NSIDC0081_SEAICE_PS_N25km_20230131_v2.0.nc", -1, null, null)));
        DownloadReport report = token().download(earthdata.request(dest), new Recorder(), DownloadListener.NONE);
        FileOutcome missing = outcome(report, "NSIDC0081_SEAICE_PS_N25km_20230131_v2.0.nc");
        assertEquals(FileOutcome.Status.FAILED, missing.status());
        assertEquals(1, missing.attempts());
        assertTrue(missing.problem().contains("HTTP 404 from http://127.0.0.1:") && missing.problem().contains("(not found)"),
                missing.problem());
        assertEquals(FileOutcome.Status.FETCHED, outcome(report, JAN).status());
        assertEquals(Set.of("nsidc/" + JAN), filesUnderRoot());
    }

    @Test
    void serverErrorsAreRetriedUntilTheFileComes() throws Exception {
        earthdata.cmrListsBothSamples();
        earthdata.replies(JAN, FakeEarthdata.status(503), FakeEarthdata.status(500), FakeEarthdata.ok());
        DownloadReport report = token().download(earthdata.request(dest), new Recorder(), DownloadListener.NONE);
        FileOutcome jan = outcome(report, JAN);
        assertEquals(FileOutcome.Status.FETCHED, jan.status());
        assertEquals(3, jan.attempts());
        assertArrayEquals(earthdata.bytes(JAN), Files.readAllBytes(dest.resolve(JAN)));
        assertEquals(3, earthdata.seenBy("storage").stream().filter(s -> s.pathAndQuery().contains(JAN)).count());
    }

    @Test
    void aTruncatedTransferIsRetriedThenFailsLeavingNoFile() throws Exception {
        earthdata.cmrListsBothSamples();
        earthdata.replies(JAN, FakeEarthdata.truncated());
        DownloadReport report = token().download(earthdata.request(dest), new Recorder(), DownloadListener.NONE);
        FileOutcome jan = outcome(report, JAN);
        assertEquals(FileOutcome.Status.FAILED, jan.status());
        assertEquals(3, jan.attempts());
        assertTrue(jan.problem().startsWith(JAN + ": ") && jan.problem().endsWith("(gave up after 3 tries)"), jan.problem());
        assertEquals(Set.of("nsidc/" + AUG), filesUnderRoot());
    }

    @Test
    void aSlowServerTimesOutAndTheRetryGetsTheFile() throws Exception {
        earthdata.cmrListsBothSamples();
        earthdata.replies(JAN, FakeEarthdata.slowHeaders(Duration.ofSeconds(6)), FakeEarthdata.ok());
        CountDownLatch never = new CountDownLatch(1);
        earthdata.replies(AUG, FakeEarthdata.stallAfterHalf(never), FakeEarthdata.ok());
        DownloadRequest quick = earthdata.request(dest)
                .withTransfer(FakeEarthdata.settings(2, Duration.ofMillis(1500), Duration.ofMillis(1500)));
        try {
            DownloadReport report = token().download(quick, new Recorder(), DownloadListener.NONE);
            assertEquals(FileOutcome.Status.FETCHED, outcome(report, JAN).status());
            assertEquals(2, outcome(report, JAN).attempts(), "no answer: the response timeout");
            assertEquals(FileOutcome.Status.FETCHED, outcome(report, AUG).status());
            assertEquals(2, outcome(report, AUG).attempts(), "half an answer: the idle timeout");
            assertArrayEquals(earthdata.bytes(AUG), Files.readAllBytes(dest.resolve(AUG)));
            assertEquals(Set.of("nsidc/" + JAN, "nsidc/" + AUG), filesUnderRoot());
        } finally {
            never.countDown();
        }
    }

    @Test
    void aChecksumThatDiffersFailsTheFile() throws Exception {
        earthdata.cmrPages(page(earthdata.item(JAN, earthdata.bytes(JAN).length, "MD5", "00000000000000000000000000000000"),
                earthdata.item(AUG, earthdata.bytes(AUG).length, "SHA-256",
                        "a2103527adb20c7e9910fa4a0c2342157d252a501d42e13e1c985d53ee8ded5c")));
        DownloadReport report = token().download(earthdata.request(dest), new Recorder(), DownloadListener.NONE);
        FileOutcome jan = outcome(report, JAN);
        assertEquals(FileOutcome.Status.FAILED, jan.status());
        assertTrue(jan.problem().contains("MD5 checksum 6d5f09f2e4cab7403017a9929914f431 differs from CMR's 00000000000000000000000000000000"),
                jan.problem());
        assertEquals(FileOutcome.Status.FETCHED, outcome(report, AUG).status());
        assertEquals(Set.of("nsidc/" + AUG), filesUnderRoot());
    }

    @Test
    void aLengthThatDiffersFromCmrsFailsTheFile() throws Exception {
        earthdata.cmrPages(page(earthdata.item(JAN, earthdata.bytes(JAN).length + 1, null, null)));
        DownloadReport report = token().download(earthdata.request(dest), new Recorder(), DownloadListener.NONE);
        FileOutcome jan = outcome(report, JAN);
        assertEquals(FileOutcome.Status.FAILED, jan.status());
        assertTrue(jan.problem().contains("got 134050 bytes where CMR lists 134051"), jan.problem());
        assertEquals(Set.of(), filesUnderRoot());
    }

    @Test
    void aBodyLongerThanCmrsSizeIsCutOff() throws Exception {
        earthdata.cmrPages(page(earthdata.item(JAN, earthdata.bytes(JAN).length - 1, null, null)));
        DownloadReport report = token().download(earthdata.request(dest), new Recorder(), DownloadListener.NONE);
        FileOutcome jan = outcome(report, JAN);
        assertEquals(FileOutcome.Status.FAILED, jan.status());
        assertTrue(jan.problem().contains("the server sends more than the 134049 bytes expected"), jan.problem());
        assertEquals(Set.of(), filesUnderRoot());
    }

    @Test
    void aFileHoldingAnotherDayIsRefused() throws Exception {
        earthdata.cmrPages(page(earthdata.item(JAN, -1, null, null)));
        earthdata.replies(JAN, earthdata.bytesOf(AUG));
        DownloadReport report = token().download(earthdata.request(dest), new Recorder(), DownloadListener.NONE);
        FileOutcome jan = outcome(report, JAN);
        assertEquals(FileOutcome.Status.FAILED, jan.status());
        assertTrue(jan.problem().contains("holds NSIDC-0081 v2 for 2024-08-20, not NSIDC-0081 v2 for 2023-01-30"), jan.problem());
        assertEquals(Set.of(), filesUnderRoot());
    }

    @Test
    void hostileFileNamesAreRefusedAndNeverFetched() throws Exception {
        List<String> hostile = List.of("..%2Fx.nc", "%2Fetc%2Fpasswd", "a%2Fb.nc", "..%5C..%5Cwin.nc",
                "..%2F" + JAN, "evil.nc", JAN + ".sh", "NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.NC");
        String[] items = hostile.stream().map(n -> earthdata.item(n, 10, null, null)).toArray(String[]::new);
        earthdata.cmrPages(page(items), page(earthdata.item(AUG, earthdata.bytes(AUG).length, null, null)));
        earthdata.replies(AUG, FakeEarthdata.withDisposition("../../escaped.nc"));
        DownloadRequest request = earthdata.request(dest).withTransfer(FakeEarthdata.settings(hostile.size(),
                Duration.ofSeconds(10), Duration.ofSeconds(10)));

        DownloadReport report = token().download(request, new Recorder(), DownloadListener.NONE);

        assertEquals(List.of(AUG), report.files().stream().map(f -> f.granule().fileName()).toList());
        assertEquals(FileOutcome.Status.FETCHED, report.files().get(0).status());
        assertEquals(5, report.rejected().size(), report.rejected().toString());
        assertTrue(report.rejected().get(0).startsWith("'../x.nc' from http://127.0.0.1:"), report.rejected().get(0));
        assertTrue(report.rejected().get(1).startsWith("'/etc/passwd' from"), report.rejected().get(1));
        assertTrue(report.rejected().get(2).startsWith("'a/b.nc' from"), report.rejected().get(2));
        assertTrue(report.summary().contains("5 links refused"), report.summary());
        assertEquals(Set.of("nsidc/" + AUG), filesUnderRoot());
        assertFalse(Files.exists(root.getParent().resolve("escaped.nc")));
        assertTrue(earthdata.seenBy("data").stream().allMatch(s -> s.pathAndQuery().equals("/files/" + AUG)),
                earthdata.seenBy("data").toString());
    }

    @Test
    void aRedirectToAPlainHttpHostIsNotFollowed() throws Exception {
        earthdata.cmrPages(page(earthdata.item(JAN, -1, null, null)));
        earthdata.dataRedirect = "http://data.example.org/" + JAN + "?signature=abc";
        DownloadReport report = token().download(earthdata.request(dest), new Recorder(), DownloadListener.NONE);
        FileOutcome jan = outcome(report, JAN);
        assertEquals(FileOutcome.Status.FAILED, jan.status());
        assertEquals(1, jan.attempts());
        assertTrue(jan.problem().contains("refused to go on to http://data.example.org/" + JAN + ": only https://"),
                jan.problem());
        assertFalse(jan.problem().contains("signature"));
    }

    @Test
    void validFilesAlreadyThereAreSkippedAndDamagedOnesReplaced() throws Exception {
        earthdata.cmrListsBothSamples();
        Files.createDirectories(dest);
        Files.write(dest.resolve(JAN), earthdata.bytes(JAN));
        Files.write(dest.resolve(AUG), Arrays.copyOf(earthdata.bytes(AUG), 5000));

        DownloadReport report = token().download(earthdata.request(dest), new Recorder(), DownloadListener.NONE);

        assertEquals(FileOutcome.Status.SKIPPED, outcome(report, JAN).status());
        assertEquals(FileOutcome.Status.FETCHED, outcome(report, AUG).status());
        assertArrayEquals(earthdata.bytes(AUG), Files.readAllBytes(dest.resolve(AUG)));
        assertTrue(earthdata.seenBy("storage").stream().noneMatch(s -> s.pathAndQuery().contains(JAN)));
        assertEquals(Set.of("nsidc/" + JAN, "nsidc/" + AUG), filesUnderRoot());
    }

    @Test
    void existingFilesAreCheckedByContentWhenCmrGivesNoSizeOrChecksum() throws Exception {
        earthdata.cmrPages(page(earthdata.item(JAN, -1, null, null)));
        Files.createDirectories(dest);
        Files.write(dest.resolve(JAN), earthdata.bytes(AUG));
        DownloadReport report = token().download(earthdata.request(dest), new Recorder(), DownloadListener.NONE);
        assertEquals(FileOutcome.Status.FETCHED, outcome(report, JAN).status());
        assertArrayEquals(earthdata.bytes(JAN), Files.readAllBytes(dest.resolve(JAN)));
    }

    @Test
    void cancellingMidTransferLeavesNoPartialFile() throws Exception {
        earthdata.cmrListsBothSamples();
        CountDownLatch release = new CountDownLatch(1);
        earthdata.replies(JAN, FakeEarthdata.stallAfterHalf(release));
        Recorder rec = new Recorder(r -> r.fileBytes.stream().anyMatch(b -> b.name().equals(JAN) && b.bytes() > 0));
        DownloadRequest oneAtATime = earthdata.request(dest)
                .withTransfer(earthdata.request(dest).transfer().withParallelism(1));
        try {
            DownloadReport report = token().download(oneAtATime, rec, rec);
            assertTrue(report.cancelled());
            assertEquals(FileOutcome.Status.CANCELLED, outcome(report, JAN).status());
            assertEquals(FileOutcome.Status.CANCELLED, outcome(report, AUG).status());
            assertTrue(report.summary().endsWith("; cancelled"), report.summary());
            assertEquals(Set.of(), filesUnderRoot());
            long expected = earthdata.bytes(JAN).length;
            assertTrue(rec.fileBytes.stream().anyMatch(b -> b.name().equals(JAN) && b.bytes() > 0 && b.bytes() < expected
                    && b.expected() == expected), rec.fileBytes.toString());
        } finally {
            release.countDown();
        }
    }

    @Test
    void noGranulesIsAClearError() {
        earthdata.cmrPages(page(earthdata.item("NSIDC0081_SEAICE_PS_S25km_20230130_v2.0.nc", 5, null, null)));
        NoGranulesException e = assertThrows(NoGranulesException.class,
                () -> token().download(earthdata.request(dest), new Recorder(), DownloadListener.NONE));
        assertEquals("CMR at " + earthdata.cmrUrl() + " lists no NSIDC-0081 v2 northern 25 km daily file from "
                + "2023-01-01 to 2024-12-31", e.getMessage());
    }

    @Test
    void granulesOutsideTheDateRangeAreLeftOut() {
        earthdata.cmrListsBothSamples();
        DownloadRequest january = new DownloadRequest(NsidcProduct.NSIDC_0081, LocalDate.of(2023, 1, 1),
                LocalDate.of(2023, 1, 31), dest, earthdata.cmrUrl(), earthdata.loginUrl(), earthdata.request(dest).transfer());
        CmrSearchResult found = token().search(january, new Recorder());
        assertEquals(List.of(JAN), found.granules().stream().map(Granule::fileName).toList());
    }

    @Test
    void cmrTroubleIsRetriedAndCmrRefusalsAreReportedInItsOwnWords() {
        earthdata.cmrListsBothSamples();
        earthdata.cmrFailsWith(503);
        assertEquals(2, token().search(earthdata.request(dest), new Recorder()).granules().size());

        earthdata.cmrFailsWith(400);
        DownloadException e = assertThrows(DownloadException.class,
                () -> token().search(earthdata.request(dest), new Recorder()));
        assertTrue(e.getMessage().startsWith("CMR search page 1: CMR at " + earthdata.cmrUrl()
                + "/search/granules.umm_json answered HTTP 400: Parameter [nonsense] was not recognized."), e.getMessage());
    }
}
