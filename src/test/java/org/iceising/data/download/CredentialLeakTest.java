package org.iceising.data.download;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.iceising.data.download.FakeEarthdata.JAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs good and bad downloads with every log line of the package printed, and looks for the token, the
 * password, the user name and the Basic header value in the log, in messages and reports, in every file
 * written, and in what hosts other than the login host (and, for a token, the data host) received.
 */
class CredentialLeakTest {

    @TempDir
    Path root;
    FakeEarthdata earthdata;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream err;
    private PrintStream out;

    @BeforeEach
    void capture() throws IOException {
        earthdata = new FakeEarthdata();
        err = System.err;
        out = System.out;
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setErr(both);
        System.setOut(both);
    }

    @AfterEach
    void restore() {
        System.setErr(err);
        System.setOut(out);
        earthdata.close();
    }

    @Test
    void credentialsAppearInNoLogLineMessageReportOrFile() throws Exception {
        assertTrue(LoggerFactory.getLogger(EarthdataSession.class).isDebugEnabled(),
                "the download package must log at debug level here, or this test sees too little");
        List<String> texts = new ArrayList<>();
        EarthdataCredentials login = EarthdataCredentials.login(earthdata.user, earthdata.password);
        EarthdataCredentials token = EarthdataCredentials.token(earthdata.token);

        earthdata.cmrListsBothSamples();
        earthdata.replies(JAN, FakeEarthdata.status(503), FakeEarthdata.truncated(), FakeEarthdata.ok());
        for (EarthdataCredentials c : List.of(login, token)) {
            DownloadRequest request = earthdata.request(root.resolve(c == login ? "a" : "b"));
            DownloadReport report = new EarthdataDownloader(c).download(request, new Recorder(), DownloadListener.NONE);
            assertEquals(2, report.fetched().size());
            texts.add(report.toString());
            texts.add(report.summary());
            texts.add(request.toString());
            texts.add(c.toString());
        }

        earthdata.replies(JAN, FakeEarthdata.status(404));
        texts.add(new EarthdataDownloader(token).download(earthdata.request(root.resolve("c")), new Recorder(),
                DownloadListener.NONE).toString());

        earthdata.loginWantsBrowser = true;
        texts.add(assertThrows(EarthdataAuthException.class, () -> new EarthdataDownloader(login)
                .download(earthdata.request(root.resolve("d")), new Recorder(), DownloadListener.NONE)).getMessage());
        earthdata.loginWantsBrowser = false;

        String wrongPassword = earthdata.password + "-wrong";
        texts.add(assertThrows(EarthdataAuthException.class, () -> new EarthdataDownloader(
                EarthdataCredentials.login(earthdata.user, wrongPassword))
                .download(earthdata.request(root.resolve("e")), new Recorder(), DownloadListener.NONE)).getMessage());
        String wrongToken = earthdata.token + "-wrong";
        texts.add(assertThrows(EarthdataAuthException.class, () -> new EarthdataDownloader(
                EarthdataCredentials.token(wrongToken))
                .download(earthdata.request(root.resolve("f")), new Recorder(), DownloadListener.NONE)).getMessage());

        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("DEBUG org.iceising.data.download.EarthdataSession - GET http://127.0.0.1:"), log);
        assertTrue(log.contains("/oauth/authorize -> 302"), "the login redirect ran: " + log);
        assertTrue(log.contains("WARN"), "the failures were logged: " + log);
        assertFalse(log.contains("code="), "OAuth codes stay out of the log");
        assertFalse(log.contains("X-Amz-Signature"), "signed addresses stay out of the log");

        String basic = Base64.getEncoder().encodeToString((earthdata.user + ":" + earthdata.password)
                .getBytes(StandardCharsets.UTF_8));
        List<String> secrets = List.of(earthdata.token, earthdata.password, earthdata.user, basic, wrongPassword, wrongToken);
        for (String secret : secrets) {
            assertFalse(log.contains(secret), "a credential in the log");
            for (String t : texts) {
                assertFalse(t.contains(secret), "a credential in: " + t);
            }
            assertFalse(anyFileContains(secret.getBytes(StandardCharsets.UTF_8)), "a credential in a written file");
        }

        for (FakeEarthdata.Seen s : earthdata.seen) {
            String auth = s.header("Authorization");
            boolean allowed = s.server().equals("login")
                    || (s.server().equals("data") && auth != null && auth.startsWith("Bearer "));
            assertTrue(auth == null || allowed, s.server() + " received " + (auth == null ? "" : auth.split(" ")[0]));
            for (String secret : secrets) {
                assertFalse(s.pathAndQuery().contains(secret), "a credential in an address");
            }
        }
    }

    private boolean anyFileContains(byte[] needle) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] b = Files.readAllBytes(f);
                outer:
                for (int i = 0; i + needle.length <= b.length; i++) {
                    for (int j = 0; j < needle.length; j++) {
                        if (b[i + j] != needle[j]) {
                            continue outer;
                        }
                    }
                    return true;
                }
            }
        }
        return false;
    }
}
