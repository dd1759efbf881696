package org.iceising.data.download;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetrcTest {

    private static final String HOST = "urs.earthdata.nasa.gov";

    @Test
    void findsTheMachineEntryAmongOthers() {
        String text = """
                # comment line
                machine example.org login other password otherpw
                machine urs.earthdata.nasa.gov
                    login alice
                    password s3cret
                default login anon password anonpw
                """;
        assertEquals(Optional.of(new Netrc.Entry("alice", "s3cret")), Netrc.find(text, HOST, ".netrc"));
    }

    @Test
    void oneLineEntriesAndHostCase() {
        assertEquals(Optional.of(new Netrc.Entry("bob", "pw")),
                Netrc.find("machine URS.Earthdata.NASA.gov login bob password pw", HOST, ".netrc"));
    }

    @Test
    void fallsBackToDefault() {
        assertEquals(Optional.of(new Netrc.Entry("anon", "anonpw")),
                Netrc.find("machine example.org login x password y\ndefault login anon password anonpw", HOST, ".netrc"));
    }

    @Test
    void quotedTokensAndMacros() {
        String text = """
                macdef init
                cd /pub
                machine urs.earthdata.nasa.gov login wrong password wrong

                machine urs.earthdata.nasa.gov login "carol smith" password "pa ss\\"word" account ignored
                """;
        assertEquals(Optional.of(new Netrc.Entry("carol smith", "pa ss\"word")), Netrc.find(text, HOST, ".netrc"));
    }

    @Test
    void passwordsThatLookLikeKeywords() {
        assertEquals(Optional.of(new Netrc.Entry("dave", "machine")),
                Netrc.find("machine urs.earthdata.nasa.gov login dave password machine", HOST, ".netrc"));
    }

    @Test
    void noEntryAndNoFile(@TempDir Path dir) {
        assertTrue(Netrc.find("machine example.org login x password y", HOST, ".netrc").isEmpty());
        assertTrue(Netrc.find(dir.resolve(".netrc"), HOST).isEmpty());
    }

    @Test
    void brokenFilesGetAClearMessageWithoutThePassword() {
        EarthdataAuthException e = assertThrows(EarthdataAuthException.class,
                () -> Netrc.find("machine urs.earthdata.nasa.gov login eve", HOST, "/home/eve/.netrc"));
        assertTrue(e.getMessage().startsWith("/home/eve/.netrc: "), e.getMessage());
        e = assertThrows(EarthdataAuthException.class,
                () -> Netrc.find("machine urs.earthdata.nasa.gov login eve password hunter2 port 22", HOST, ".netrc"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        e = assertThrows(EarthdataAuthException.class,
                () -> Netrc.find("machine urs.earthdata.nasa.gov login eve password", HOST, ".netrc"));
        assertTrue(e.getMessage().contains("'password' without a value"), e.getMessage());
    }

    @Test
    void entriesDoNotPrintTheirPassword() {
        assertFalse(new Netrc.Entry("frank", "topsecret").toString().contains("topsecret"));
    }
}
