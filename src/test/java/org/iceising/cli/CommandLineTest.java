package org.iceising.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iceising.data.DataCatalogue;
import org.iceising.data.FocusArea;
import org.iceising.data.SampleData;
import org.iceising.model.Lattice;
import org.iceising.model.Measures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands end to end on the sample data, and their answers to wrong input. */
class CommandLineTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = IceIsingCommand.commandLine(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsEveryCommand() {
        Run r = run("--help");
        assertEquals(0, r.code());
        for (String c : List.of("info", "measure", "simulate", "ising", "download")) {
            assertTrue(r.out().contains(c), c);
        }
    }

    @Test
    void aRunBuildsOnlyTheCommandItNames() {
        List<String> all = List.copyOf(IceIsingCommand.commandLine().getSubcommands().keySet());
        assertEquals(List.of("info", "measure", "simulate", "ising", "download", "generate", "train", "predict", "evaluate",
                "fit", "reproduce", "sensitivity", "forecast", "help"), all);
        assertEquals(List.of("simulate"), List.copyOf(IceIsingCommand.commandLine("simulate", "--steps", "10").getSubcommands().keySet()));
        assertEquals(List.of("measure"), List.copyOf(IceIsingCommand.commandLine("--verbose", "measure").getSubcommands().keySet()));
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"help", "simulate"},
                new String[] {"simulat"}, new String[] {"--", "simulate"})) {
            assertEquals(all, List.copyOf(IceIsingCommand.commandLine(args).getSubcommands().keySet()), String.join(" ", args));
        }
        // the inherited option, the converters and the version reach a command built alone
        CommandLine alone = IceIsingCommand.commandLine("simulate");
        CommandLine simulate = alone.getSubcommands().get("simulate");
        assertTrue(simulate.getCommandSpec().findOption("--verbose") != null);
        Run version = run("simulate", "-V");
        assertEquals(run("-V").out(), version.out());
        // a misspelt command or option gets the nearest name, made from all the commands; a far one gets none
        Run typo = run("simulat");
        assertEquals(IceIsingCommand.USER_ERROR, typo.code());
        assertTrue(typo.err().contains("did you mean 'simulate'?"), typo.err());
        assertTrue(run("mesure").err().contains("did you mean 'measure'?"));
        assertTrue(run("simulate", "--start", "2018-09-16", "--params", "2.5,-2,-5,0,10", "--out", "x.csv", "--stesp", "4")
                .err().contains("did you mean '--steps'?"));
        Run far = run("fti");
        assertEquals(IceIsingCommand.USER_ERROR, far.code());
        assertFalse(far.err().contains("did you mean"), far.err());
        assertFalse(run("simulate", "--params", "1,2,3").err().contains("Exception"), "converter errors are words");
    }

    @Test
    void aCommandThatFailsLeavesNoFolderItMadeForItsOutput(@TempDir Path dir) throws Exception {
        Path set = dir.resolve("new").resolve("set");
        Run refused = run("generate", "--season", "2000000000", "--samples", "1", "--out", set.toString());
        assertEquals(IceIsingCommand.USER_ERROR, refused.code());
        assertFalse(Files.exists(dir.resolve("new")), "the folders made for --out are gone");

        Path csv = dir.resolve("csv").resolve("deeper").resolve("s.csv");
        Run unobserved = run("simulate", "--start", "2019-01-01", "--params", "2.5,-2,-5,0,10", "--steps", "10", "--out", csv.toString());
        assertEquals(IceIsingCommand.USER_ERROR, unobserved.code(), unobserved.err());
        assertFalse(Files.exists(dir.resolve("csv")), unobserved.err());

        Files.createDirectories(dir.resolve("kept"));
        Files.writeString(dir.resolve("kept").resolve("other.txt"), "the user's");
        Run failed = run("simulate", "--start", "2019-01-01", "--params", "2.5,-2,-5,0,10", "--steps", "10",
                "--out", dir.resolve("kept").resolve("s.csv").toString());
        assertEquals(IceIsingCommand.USER_ERROR, failed.code());
        assertEquals("the user's", Files.readString(dir.resolve("kept").resolve("other.txt")), "a folder that was there stays");

        Path done = dir.resolve("done").resolve("s.csv");
        Run ok = run("simulate", "--start", "2018-09-16", "--params", "2.5,-2,-5,0,10", "--steps", "10", "--out", done.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(Files.isRegularFile(done));
        run("generate", "--season", "2000000000", "--samples", "1", "--out", dir.resolve("later").toString());
        assertTrue(Files.isRegularFile(done), "a later failure leaves an earlier command's output alone");
    }

    @Test
    void measureMatchesTheFocusAreaLatticeOfEachDate() {
        Run r = run("measure", "--from", "2018-06-16", "--to", "2019-01-01", "--semi-monthly");
        assertEquals(0, r.code(), r.err());
        List<String> rows = r.out().lines().filter(l -> l.startsWith("2018-")).toList();
        assertEquals(13, rows.size());
        assertTrue(r.out().contains("missing: 1 date has no grid (2019-01-01)"), r.out());
        // the 2018-09-16 row, against the lattice computed here from the file
        DataCatalogue catalogue = DataCatalogue.scan(SampleData.directory());
        Lattice l = FocusArea.STUDY.lattice(catalogue.load(java.time.LocalDate.of(2018, 9, 16)));
        String expected = String.format(java.util.Locale.ROOT, "%.2f", 100 * Measures.coverage(l));
        String row = rows.stream().filter(x -> x.startsWith("2018-09-16")).findFirst().orElseThrow();
        assertTrue(row.contains(expected), row + " vs " + expected);
        assertTrue(row.contains("3600"), row);
    }

    @Test
    void arcticExtentIsBesideTheSeaIceIndex() {
        Run r = run("measure", "--from", "2018-09-16", "--to", "2018-09-16", "--area", "arctic");
        assertEquals(0, r.code(), r.err());
        String row = r.out().lines().filter(l -> l.startsWith("2018-09-16")).findFirst().orElseThrow();
        String[] cols = row.trim().split("\\s+");
        double ours = Double.parseDouble(cols[2]);
        double index = Double.parseDouble(cols[3]);
        assertEquals(4.673, index, 1e-9); // G02135 v3.0 for 2018-09-16
        assertEquals(index, ours, 0.3);
    }

    @Test
    void measureWritesCsv(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("out/series.csv");
        Run r = run("measure", "--from", "2018-10-16", "--to", "2018-11-01", "--csv", csv.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("date,coverage_percent,extent_percent,active_cells,file", lines.get(0));
        assertEquals(1 + 17, lines.size());
    }

    @Test
    void simulateWritesOneBlockPerRunAndReportsDistances(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("runs.csv");
        Run r = run("simulate", "--start", "2018-09-16", "--end", "2018-10-01", "--params", "2.31,-14.5,-6.15,0.07,9.93",
                "--runs", "3", "--seed", "5", "--threads", "2", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("mean"), r.out());
        List<String> lines = Files.readAllLines(out);
        assertEquals(3 * 60 + 2, lines.size());
        assertEquals("", lines.get(60));
        assertEquals("", lines.get(121));
        List<double[]> rows = new ArrayList<>();
        for (String line : lines) {
            if (!line.isEmpty()) {
                String[] v = line.split(",");
                assertEquals(60, v.length);
                double[] d = new double[60];
                for (int k = 0; k < 60; k++) {
                    d[k] = Double.parseDouble(v[k]);
                    assertTrue(d[k] >= 0 && d[k] <= 1);
                }
                rows.add(d);
            }
        }
        // the freezing parameters raise coverage above the observed start (37.4 %)
        double mean = rows.subList(0, 60).stream().flatMapToDouble(java.util.Arrays::stream).average().orElseThrow();
        assertTrue(mean > 0.45, "coverage " + mean);
        // same seed → same file
        Path again = dir.resolve("again.csv");
        run("simulate", "--start", "2018-09-16", "--params", "2.31,-14.5,-6.15,0.07,9.93", "--runs", "3", "--seed", "5",
                "--threads", "1", "--out", again.toString());
        assertEquals(Files.readAllLines(out), Files.readAllLines(again));
    }

    private static double isingValue(Run r, String label) {
        assertEquals(0, r.code(), r.err());
        String line = r.out().lines().filter(l -> l.startsWith(label)).findFirst().orElseThrow();
        return Double.parseDouble(line.replaceAll(".*\\s", ""));
    }

    @Test
    void isingStaysOrderedBelowTcAtOnsagersMagnetisation() {
        Run r = run("ising", "--size", "32", "--temperature", "1.5", "--sweeps", "1500", "--start", "ordered");
        assertEquals(0.98650, isingValue(r, "mean |M|"), 0.01);
    }

    @Test
    void isingDisordersFromARandomStartAboveTc() {
        Run r = run("ising", "--size", "32", "--temperature", "3.5", "--sweeps", "1500", "--seed", "4");
        assertTrue(isingValue(r, "mean |M|") < 0.15, r.out());
        // high-temperature series: E/N = -2 tanh(beta) (1 + O(tanh^4)); at T = 3.5, -0.556 .. -0.62
        double e = isingValue(r, "energy per site");
        assertTrue(e < -0.5 && e > -0.7, r.out());
    }

    @Test
    void wrongInputGivesOneLineAndExitCodeTwo(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("nt_20180916_f18_nrt_n.bin");
        Files.write(bad, new byte[1000]);
        List<String[]> cases = List.of(
                new String[] {"simulate", "--start", "2019-01-01", "--params", "1,2,3,4,5", "--out", dir.resolve("x.csv").toString()},
                new String[] {"simulate", "--start", "2018-09-16", "--params", "1,2,3", "--out", dir.resolve("x.csv").toString()},
                new String[] {"simulate", "--start", "2018-09-16", "--params", "1,2,3,4,5", "--runs", "0", "--out", "x.csv"},
                new String[] {"simulate", "--start", "2018-13-01", "--params", "1,2,3,4,5", "--out", "x.csv"},
                new String[] {"measure", "--from", "2018-09-16", "--to", "2018-09-01"},
                new String[] {"measure", "--from", "2018-09-01", "--to", "2018-09-16", "--area", "400,0,60,60"},
                new String[] {"info", bad.toString()},
                new String[] {"info", dir.resolve("absent.bin").toString()},
                new String[] {"ising", "--size", "10", "--temperature", "-1", "--sweeps", "100"},
                new String[] {"ising", "--size", "10", "--temperature", "1", "--sweeps", "100", "--spins", "ternary"},
                new String[] {"download", "--from", "2018-01-01", "--to", "2018-01-02", "--product", "nsidc-9999", "--dest", dir.toString()},
                new String[] {"download", "--from", "2018-01-01", "--to", "2018-01-02", "--cmr-url", "http://example.org", "--dest", dir.toString()},
                new String[] {"nonsense"});
        for (String[] args : cases) {
            Run r = run(args);
            String what = String.join(" ", args);
            assertEquals(2, r.code(), what + "\n" + r.err());
            assertFalse(r.err().contains("\tat "), "stack trace for " + what + ":\n" + r.err());
            assertTrue(r.err().startsWith("iceising"), what + ": " + r.err());
        }
        assertFalse(Files.exists(dir.resolve("x.csv")));
    }

    @Test
    void infoDescribesARealFile() {
        Path f = SampleData.directory().resolve("netcdf/NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc");
        Run r = run("info", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("2023-01-30"), r.out());
        assertTrue(r.out().contains("F16_ICECON") && r.out().contains("F18_ICECON"), r.out());
        assertTrue(r.out().contains("63,212"), r.out()); // land cells
        assertTrue(r.out().contains("5,052"), r.out()); // coast cells
    }
}
