package org.iceising.cli;

import static org.iceising.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iceising.learn.Forecast;
import org.iceising.learn.Reproduction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** forecast and sensitivity on the sample season with parameters from a table like reproduce's; reproduce's argument errors. */
class ReproduceCommandsTest {
    @TempDir
    Path dir;

    /** A table.csv as reproduce writes it (its parameter columns are what forecast and sensitivity read). */
    private Path table(String... periodStarts) throws Exception {
        StringBuilder sb = new StringBuilder(Reproduction.TABLE_HEADER + "\n");
        for (String start : periodStarts) {
            sb.append(start).append(",x,freeze,2.5,-14,-5,0,10").append(",0".repeat(17)).append('\n');
        }
        Path p = dir.resolve("table.csv");
        Files.writeString(p, sb);
        return p;
    }

    @Test
    void forecastWritesOneRowPerPeriodWithEmptyObservationsWhereThereIsNoGrid() throws Exception {
        Path out = dir.resolve("forecast.csv");
        CommandLineTest.Run r = run("forecast", "--from", "2018-12-01", "--periods", "2", "--params",
                table("2018-12-01", "2018-12-16").toString(), "--runs", "2", "--steps", "3000", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(Forecast.HEADER, lines.get(0));
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).startsWith("2018-12-01,2018-12-16,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("2018-12-16,2019-01-01,"), lines.get(2));
        String[] last = lines.get(2).split(",", -1);
        assertEquals("", last[6]); // 2019-01-01 is not in the sample data
        assertFalse(lines.get(1).split(",", -1)[6].isEmpty());
    }

    @Test
    void sensitivityWritesItsReport() throws Exception {
        Path out = dir.resolve("sens");
        CommandLineTest.Run r = run("sensitivity", "--params", table("2018-10-01").toString(), "--seeds", "2", "--steps", "2000",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out.resolve("sensitivity.md")).contains("Trade-offs"));
        assertEquals(6, Files.readAllLines(out.resolve("sensitivity_summary.csv")).size());
    }

    @Test
    void wrongArgumentsAreOneLineErrors() throws Exception {
        Path params = table("2018-12-01");
        List<String[]> cases = List.of(
                new String[] {"reproduce", "--scale", "huge", "--out", dir.resolve("r").toString()},
                new String[] {"reproduce", "--boxes", "narrow", "--out", dir.resolve("r").toString()},
                new String[] {"reproduce", "--network", "transformer", "--out", dir.resolve("r").toString()},
                new String[] {"forecast", "--from", "2018-12-01", "--periods", "3", "--params", params.toString(), "--out",
                        dir.resolve("f.csv").toString()},
                new String[] {"forecast", "--from", "2019-01-01", "--periods", "1", "--params", params.toString(), "--out",
                        dir.resolve("f.csv").toString()},
                new String[] {"sensitivity", "--params", dir.resolve("absent.csv").toString(), "--out", dir.resolve("s").toString()});
        for (String[] args : cases) {
            CommandLineTest.Run r = run(args);
            String what = String.join(" ", args);
            assertEquals(2, r.code(), what + "\n" + r.err());
            assertEquals(1, r.err().lines().filter(l -> !l.startsWith("Try ")).count(), what + ":\n" + r.err());
        }
    }

    @Test
    void numericOptionsOutsideTheirRangeNameTheRange() throws Exception {
        String params = table("2018-12-01").toString();
        String out = dir.resolve("unused").toString();
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("iceising reproduce: --seeds must be from 1 to 1000, got 0", new String[] {"reproduce", "--seeds", "0", "--out", out});
        cases.put("iceising reproduce: --steps must be from 1 to 20,000,000,000, got 0",
                new String[] {"reproduce", "--steps", "0", "--out", out});
        cases.put("iceising reproduce: --threads must be from 1 to 1024, got 2000",
                new String[] {"reproduce", "--threads", "2000", "--out", out});
        cases.put("iceising sensitivity: --seeds must be from 2 to 1000, got 1",
                new String[] {"sensitivity", "--params", params, "--seeds", "1", "--out", out});
        cases.put("iceising sensitivity: --steps must be from 1 to 20,000,000,000, got -3",
                new String[] {"sensitivity", "--params", params, "--steps", "-3", "--out", out});
        cases.put("iceising forecast: --periods must be from 1 to 240, got 0",
                new String[] {"forecast", "--from", "2018-12-01", "--periods", "0", "--params", params, "--out", out});
        cases.put("iceising forecast: --runs must be from 1 to 10,000, got 20,000",
                new String[] {"forecast", "--from", "2018-12-01", "--periods", "1", "--params", params, "--runs", "20000", "--out", out});
        cases.put("iceising forecast: --steps must be from 1 to 20,000,000,000, got 0",
                new String[] {"forecast", "--from", "2018-12-01", "--periods", "1", "--params", params, "--steps", "0", "--out", out});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            CommandLineTest.Run r = run(c.getValue());
            String what = String.join(" ", c.getValue());
            assertEquals(IceIsingCommand.USER_ERROR, r.code(), what + "\n" + r.err());
            assertEquals(c.getKey() + System.lineSeparator(), r.err(), what);
        }
        assertFalse(Files.exists(dir.resolve("unused")), "nothing is written before the options are checked");
    }
}
