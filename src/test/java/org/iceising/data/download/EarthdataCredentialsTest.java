package org.iceising.data.download;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EarthdataCredentialsTest {

    private static final URI LOGIN = DownloadRequest.DEFAULT_LOGIN_URL;

    @Test
    void aTokenInTheEnvironmentComesFirst(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve(".netrc"), "machine urs.earthdata.nasa.gov login u password p");
        EarthdataCredentials c = EarthdataCredentials.fromEnvironment(Map.of("EARTHDATA_TOKEN", " tok.en-1 \n"), home, LOGIN);
        assertEquals(EarthdataCredentials.Kind.TOKEN, c.kind());
        assertEquals("Bearer tok.en-1", c.authorization());
    }

    @Test
    void elseTheNetrcEntryOfTheLoginHostAsBasic(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve(".netrc"), "machine urs.earthdata.nasa.gov login alice password s3cr:et");
        EarthdataCredentials c = EarthdataCredentials.fromEnvironment(Map.of("EARTHDATA_TOKEN", "  "), home, LOGIN);
        assertEquals(EarthdataCredentials.Kind.LOGIN, c.kind());
        String decoded = new String(Base64.getDecoder().decode(c.authorization().substring("Basic ".length())),
                StandardCharsets.UTF_8);
        assertEquals("alice:s3cr:et", decoded);
        assertEquals("the Earthdata login in .netrc", c.toString());
    }

    @Test
    void theWindowsNameToo(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve("_netrc"), "machine urs.earthdata.nasa.gov login w password x");
        assertEquals(EarthdataCredentials.Kind.LOGIN, EarthdataCredentials.fromEnvironment(Map.of(), home, LOGIN).kind());
    }

    @Test
    void elseNone(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve(".netrc"), "machine other.host login w password x");
        EarthdataCredentials c = EarthdataCredentials.fromEnvironment(Map.of(), home, LOGIN);
        assertFalse(c.isPresent());
    }

    @Test
    void neverPrinted() {
        assertFalse(EarthdataCredentials.token("abc.def.ghi").toString().contains("abc"));
        assertFalse(EarthdataCredentials.login("alice", "pw-xyz").toString().contains("alice"));
        assertFalse(EarthdataCredentials.login("alice", "pw-xyz").toString().contains("pw-xyz"));
    }

    @Test
    void refusesTokensThatCouldSplitAHeader() {
        assertThrows(IllegalArgumentException.class, () -> EarthdataCredentials.token("abc\r\nX-Evil: 1"));
        assertThrows(IllegalArgumentException.class, () -> EarthdataCredentials.token(""));
        assertThrows(IllegalArgumentException.class, () -> EarthdataCredentials.login("a:b", "c"));
    }
}
