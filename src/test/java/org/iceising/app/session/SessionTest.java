package org.iceising.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.iceising.app.parameters.Preset;
import org.iceising.data.FocusArea;
import org.iceising.model.IsingParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session file: what is written is read back, and damage is named in one line. */
class SessionTest {
    private static final Session FULL = new Session(Path.of("/data/nsidc"), 2018, LocalDate.of(2018, 9, 16), LocalDate.of(2018, 9, 20),
            new FocusArea(100, 90, 40, 50), new Preset("session", new IsingParams(2.5, 3, -5, 1, 10), 1.2, 20_000L, 7L),
            List.of(new Preset("mine", new IsingParams(1, 2, 3, 4, 5), null, null, null)), Path.of("/sets/a"), Path.of("/m/x.icecnn"),
            "Years");

    @Test
    void writesAndReadsEveryMember(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.json");
        FULL.write(f);
        assertEquals(FULL, Session.read(f));
        assertTrue(Files.readString(f).contains("\"version\": 1"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void membersMayBeMissing() {
        Session s = Session.parse("{\"version\": 1}", "s.json");
        assertNull(s.dataFolder());
        assertNull(s.season());
        assertEquals(List.of(), s.presets());
    }

    @Test
    void damageIsNamedInOneLine() {
        for (String[] c : new String[][] {
            {"{\"version\": 1, \"season\": ", "s.json: not a session's JSON"},
            {"[1, 2]", "s.json: not a session (a JSON object was expected)"},
            {"{\"version\": 2}", "s.json: session version 2 is not one this workbench reads (1)"},
            {"{\"day\": \"16 Sept\"}", "s.json: \"day\" must be a date like 2018-09-16, got \"16 Sept\""},
            {"{\"season\": 2018.5}", "s.json: \"season\" must be a whole number"},
            {"{\"presets\": [{\"name\": \"x\"}]}", "s.json preset 1: the preset needs a number \"J\""},
            {"{\"focusArea\": \"nowhere\"}", "s.json: "},
        }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Session.parse(c[0], "s.json"), c[0]);
            assertTrue(e.getMessage().startsWith(c[1]), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }
}
