package org.iceising.app.download;

import static org.iceising.app.WorkbenchFixture.fx;
import static org.iceising.app.WorkbenchFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.iceising.data.download.NsidcProduct;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.iceising.app.WorkbenchFixture;

/** The Get Data dialog against a CMR and data host on 127.0.0.1 serving a real sample file (headless on Monocle). */
class GetDataDialogTest extends WorkbenchFixture {
    private static final String JAN = "NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc";
    private static final String JAN_MD5 = "6d5f09f2e4cab7403017a9929914f431";

    private final String token = "tok-" + UUID.randomUUID();
    private HttpServer server;
    private HttpServer login;

    @AfterEach
    void stopServers() {
        if (server != null) {
            server.stop(0);
            login.stop(0);
        }
    }

    private GetDataDialog open() {
        return fx(() -> app.view().getData());
    }

    @Test
    void opensFromTheFileMenu(FxRobot robot) {
        robot.clickOn("File").clickOn("Get data from NASA Earthdata…");
        GetDataDialog d = open();
        waitFor("the dialog shows", () -> d.stage().isShowing());
        assertEquals(NsidcProduct.NSIDC_0081, fx(() -> d.product.getValue()));
        // it offers the folder the workbench has open
        assertEquals(fx(() -> app.viewModel().season().catalogueProperty().get().directory().toString()), fx(() -> d.destination.getText()));
    }

    @Test
    void aRangeThatEndsBeforeItStartsTurnsFetchOff() {
        GetDataDialog d = open();
        assertFalse(fx(() -> d.fetch.isDisabled()), "the defaults are complete");
        fx(() -> {
            d.from.setValue(LocalDate.of(2023, 2, 1));
            d.to.setValue(LocalDate.of(2023, 1, 1));
            return null;
        });
        assertTrue(fx(() -> d.fetch.isDisabled()));
        assertTrue(fx(() -> d.error.getText()).contains("after the last day"), fx(() -> d.error.getText()));
        fx(() -> {
            d.to.setValue(LocalDate.of(2023, 2, 1));
            return null;
        });
        assertFalse(fx(() -> d.fetch.isDisabled()));
        assertEquals("", fx(() -> d.error.getText()));
    }

    @Test
    void fetchesTheSampleFileWithATokenAndOpensTheFolder(FxRobot robot, @TempDir Path dest) throws Exception {
        serve();
        GetDataDialog d = fill(open(), dest, token);
        robot.clickOn("#getdata-fetch");
        waitFor("the download ends", 30, () -> !d.summary.getText().isEmpty() || !d.error.getText().isEmpty());
        assertEquals("", fx(() -> d.error.getText()));
        assertTrue(fx(() -> d.summary.getText()).contains(": 1 fetched"), fx(() -> d.summary.getText()));
        assertTrue(fx(() -> d.summary.getText()).contains("0 skipped, 0 failed"), fx(() -> d.summary.getText()));
        assertArrayEquals(Files.readAllBytes(Path.of("sample-data/netcdf", JAN)), Files.readAllBytes(dest.resolve(JAN)));
        assertEquals(1.0, fx(() -> d.progress.getProgress()));
        assertTrue(fx(() -> d.viewModel().statuses()).get(0).startsWith(JAN + ": fetched"), fx(() -> d.viewModel().statuses()).toString());
        assertEquals("", fx(() -> d.progressText.getText()), "no running message is left above the outcome");

        // the workbench opens what was fetched by itself
        waitFor("the workbench opened the folder", () -> vm.season().catalogueProperty().get() != null
                && vm.season().catalogueProperty().get().directory().equals(dest)
                && vm.season().catalogueProperty().get().dates().contains(LocalDate.of(2023, 1, 30)));
    }

    @Test
    void aRefusedTokenIsOneRedLine(FxRobot robot, @TempDir Path dest) throws Exception {
        serve();
        GetDataDialog d = fill(open(), dest, "not-the-token");
        robot.clickOn("#getdata-fetch");
        waitFor("the download ends", 30, () -> !d.error.getText().isEmpty() && !d.fetch.isDisabled());
        String e = fx(() -> d.error.getText());
        assertTrue(e.startsWith("Earthdata refused the credentials: "), e);
        assertTrue(e.contains("401"), e);
        assertFalse(e.contains("\n") || e.contains("not-the-token") || e.contains("Exception"), e);
        assertFalse(Files.exists(dest.resolve(JAN)));
        assertEquals("", fx(() -> d.progressText.getText()), "\"Searching CMR…\" does not stay above the failure");
        assertEquals(0.0, fx(() -> d.progress.getProgress()));
    }

    @Test
    void whileItRetriesTheDialogSaysWhichAttemptAndHowLongItWaits(FxRobot robot, @TempDir Path dest) throws Exception {
        // CMR, then the file, answer "busy, come back in 4 s" until the dialog has been seen to say so
        AtomicBoolean searchSeen = new AtomicBoolean();
        AtomicBoolean fileSeen = new AtomicBoolean();
        serve(searchSeen, fileSeen);
        GetDataDialog d = fill(open(), dest, token);
        robot.clickOn("#getdata-fetch");
        waitFor("the search retry is said", 60, () -> d.progressText.getText().contains("retrying: attempt 2 of 5, waiting "));
        String said = fx(() -> d.progressText.getText());
        assertTrue(said.startsWith("CMR search page 1: ") && said.contains("HTTP 503"), said);
        assertTrue(fx(() -> d.progress.isIndeterminate()), "the bar runs while it waits");
        searchSeen.set(true);
        waitFor("the file's retry is said", 60, () -> d.progressText.getText().contains(JAN + ": HTTP 503")
                && d.progressText.getText().contains("retrying: attempt "));
        assertTrue(fx(() -> d.progress.isIndeterminate()), "no file is done yet: the bar runs rather than sit empty");
        assertTrue(fx(() -> d.viewModel().statuses()).get(0).startsWith(JAN + ": retrying: attempt "), fx(() -> d.viewModel().statuses()).toString());
        fileSeen.set(true);
        waitFor("the download ends", 60, () -> !d.summary.getText().isEmpty() || !d.error.getText().isEmpty());
        assertEquals("", fx(() -> d.error.getText()));
        assertTrue(fx(() -> d.summary.getText()).contains(": 1 fetched"), fx(() -> d.summary.getText()));
        assertArrayEquals(Files.readAllBytes(Path.of("sample-data/netcdf", JAN)), Files.readAllBytes(dest.resolve(JAN)));
    }

    private GetDataDialog fill(GetDataDialog d, Path dest, String bearer) {
        fx(() -> {
            d.product.setValue(NsidcProduct.NSIDC_0081);
            d.from.setValue(LocalDate.of(2023, 1, 30));
            d.to.setValue(LocalDate.of(2023, 1, 31));
            d.useToken.setSelected(true);
            d.token.setText(bearer);
            d.destination.setText(dest.toString());
            d.cmrUrl.setText(base(server).toString());
            d.loginUrl.setText(base(login).toString());
            return null;
        });
        assertFalse(fx(() -> d.fetch.isDisabled()), fx(() -> d.viewModel().invalidProperty().get()));
        return d;
    }

    /** CMR's granule search (one UMM-G page) and the data host (Bearer only) on one server; a login host that refuses. */
    private void serve() throws IOException {
        AtomicBoolean ready = new AtomicBoolean(true);
        serve(ready, ready);
    }

    /** As {@link #serve()}, the search and the file answering 503 with Retry-After: 4 until their flags are set. */
    private void serve(AtomicBoolean searchReady, AtomicBoolean fileReady) throws IOException {
        byte[] file = Files.readAllBytes(Path.of("sample-data/netcdf", JAN));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        login = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String page = "{\"hits\": 1, \"took\": 5, \"items\": [{\"meta\": {\"concept-id\": \"G-1\"}, \"umm\": {\"GranuleUR\": \""
                + JAN + "\", \"DataGranule\": {\"ArchiveAndDistributionInformation\": [{\"Name\": \"" + JAN
                + "\", \"SizeInBytes\": " + file.length + ", \"Checksum\": {\"Value\": \"" + JAN_MD5
                + "\", \"Algorithm\": \"MD5\"}}]}, \"RelatedUrls\": [{\"URL\": \"" + base(server) + "/files/" + JAN
                + "\", \"Type\": \"GET DATA\"}]}}]}";
        server.createContext("/search/granules.umm_json", ex -> {
            if (!searchReady.get()) {
                busy(ex);
                return;
            }
            ex.getResponseHeaders().add("Content-Type", "application/vnd.nasa.cmr.umm_results+json;version=1.6.6");
            send(ex, 200, page.getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/files/", ex -> {
            if (!fileReady.get()) {
                busy(ex);
                return;
            }
            boolean ok = ("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))
                    && ex.getRequestURI().getPath().equals("/files/" + JAN);
            send(ex, ok ? 200 : 401, ok ? file : "{\"error\": \"invalid token\"}".getBytes(StandardCharsets.UTF_8));
        });
        login.createContext("/", ex -> send(ex, 401, new byte[0]));
        server.start();
        login.start();
    }

    private static void busy(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().add("Retry-After", "4");
        send(ex, 503, new byte[0]);
    }

    private static void send(HttpExchange ex, int code, byte[] body) throws IOException {
        ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
        ex.close();
    }

    private static URI base(HttpServer s) {
        return URI.create("http://127.0.0.1:" + s.getAddress().getPort());
    }
}
