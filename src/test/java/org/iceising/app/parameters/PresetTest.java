package org.iceising.app.parameters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.iceising.model.IsingParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresetTest {

    @Test
    void theStudyFigureFiveSampleHoldsThePaperNumbers() {
        assertEquals(new IsingParams(2.31, -14.5, -6.15, 0.07, 9.93), Preset.STUDY_FREEZE_SAMPLE.params());
    }

    @Test
    void boundCentresAreTheMidpointsOfModelSectionSix() {
        // melting: J 2.25..2.75, B0 2..9, Bx -10..0, By -10..10, I 9..11
        assertEquals(new IsingParams((2.25 + 2.75) / 2, (2 + 9) / 2.0, (-10 + 0) / 2.0, 0, (9 + 11) / 2.0), Preset.MELT_CENTRE.params());
        // freezing: B0 -15..-9, Bx -10..-1
        assertEquals(new IsingParams(2.5, (-15 - 9) / 2.0, (-10 - 1) / 2.0, 0, 10), Preset.FREEZE_CENTRE.params());
    }

    @Test
    void parsesHandWrittenJsonInAnyOrderWithAnyWhitespace() {
        String json = "\t{ \"I\":9.93,\"By\" : 7e-2 ,\n\"Bx\": -6.15, \"B0\": -1.45E1, \"J\": 2.31,\r\n \"name\": \"a \\\"quoted\\\" \\u00e9 name\"}\n";
        Preset p = Preset.parse(json, "hand.json");
        assertEquals("a \"quoted\" é name", p.name());
        assertEquals(new IsingParams(2.31, -14.5, -6.15, 0.07, 9.93), p.params());
    }

    @Test
    void writtenJsonReadsBackToTheSamePreset() {
        for (Preset p : List.of(Preset.MELT_CENTRE, Preset.FREEZE_CENTRE, Preset.STUDY_FREEZE_SAMPLE,
                new Preset("tabs\tand \\ slashes \u0001", new IsingParams(1e-300, -0.0, 1.0 / 3, 123456789.125, 0)))) {
            assertEquals(p, Preset.parse(p.toJson(), "x"));
        }
    }

    @Test
    void writtenJsonIsTheDocumentedShape() {
        assertEquals("{\n  \"name\": \"m\",\n  \"J\": 2.5,\n  \"B0\": 5.5,\n  \"Bx\": -5.0,\n  \"By\": 0.0,\n  \"I\": 10.0\n}\n",
                new Preset("m", Preset.MELT_CENTRE.params()).toJson());
    }

    @Test
    void errorsNameTheSourceAndWhere() {
        assertMessage("p.json, line 2, column 12: not a preset's JSON object (unterminated object)", "{\"name\": \"x\",\n \"J\": 2.5 \"B0\": 1}");
        assertMessage("p.json: the preset needs a number \"By\"", "{\"name\":\"x\",\"J\":1,\"B0\":1,\"Bx\":1,\"I\":1}");
        assertMessage("p.json: unknown member \"X\"; a preset holds name, J, B0, Bx, By, I, T, steps, seed",
                "{\"name\":\"x\",\"J\":1,\"B0\":1,\"Bx\":1,\"By\":1,\"I\":1,\"X\":1}");
        assertMessage("p.json: inertia I must be >= 0, got -1.0", "{\"name\":\"x\",\"J\":1,\"B0\":1,\"Bx\":1,\"By\":1,\"I\":-1}");
        assertMessage("p.json: the temperature T must be positive, got 0.0",
                "{\"name\":\"x\",\"J\":1,\"B0\":1,\"Bx\":1,\"By\":1,\"I\":1,\"T\":0}");
        assertMessage("p.json, line 1, column 20: member \"J\" appears twice", "{\"J\":1, \"B0\":2, \"J\":1}");
        assertMessage("p.json, line 1, column 11: \"name\" must be a string", "{\"name\": 3}");
        assertMessage("p.json, line 1, column 12: \"steps\" must be a number", "{\"steps\": \"many\"}");
        for (String broken : new String[] {"{\"J\": .5}", "{\"J\": 1 ", "{\"J\": 1} x", "[1]", ""}) {
            String m = assertThrows(IllegalArgumentException.class, () -> Preset.parse(broken, "p.json")).getMessage();
            assertTrue(m.startsWith("p.json") && m.contains("not a preset's JSON object") && !m.contains("Exception")
                    && !m.contains("setLenient") && !m.contains("Strictness") && !m.contains("http"), broken + " → " + m);
        }
    }

    private static void assertMessage(String expected, String json) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> Preset.parse(json, "p.json")).getMessage());
    }

    @Test
    void temperatureStepsAndSeedTravelWithThePreset() {
        Preset p = new Preset("mine", Preset.FREEZE_CENTRE.params(), 1.25, 20_000L, 7L);
        assertEquals("{\n  \"name\": \"mine\",\n  \"J\": 2.5,\n  \"B0\": -12.0,\n  \"Bx\": -5.5,\n  \"By\": 0.0,\n  \"I\": 10.0,"
                + "\n  \"T\": 1.25,\n  \"steps\": 20000,\n  \"seed\": 7\n}\n", p.toJson());
        assertEquals(p, Preset.parse(p.toJson(), "mine.json"));
    }

    @Test
    void aPipeIsRefusedWithoutBeingOpened(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo.json");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        // reading a pipe nobody writes to would block for ever; the check comes first
        IOException e = assertThrows(IOException.class, () -> Preset.load(fifo));
        assertEquals("the preset file " + fifo + " is not a regular file (a pipe or a device?)", e.getMessage());
        IOException folder = assertThrows(IOException.class, () -> Preset.load(dir));
        assertEquals("the preset file " + dir + " is a folder, not a file", folder.getMessage());
    }

    @Test
    void savesAtomicallyAndLoadsBack(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.json");
        Files.writeString(file, "old content");
        Preset.STUDY_FREEZE_SAMPLE.save(file);
        assertEquals(Preset.STUDY_FREEZE_SAMPLE, Preset.load(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path file = dir.resolve("none.json");
        IOException e = assertThrows(IOException.class, () -> Preset.load(file));
        assertTrue(e.getMessage().contains("none.json"), e.getMessage());
    }
}
