package org.iceising.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.iceising.cli.CommandLineTest.Run;
import org.iceising.data.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile arguments and damaged inputs on the command line: every failure is one line in words, and
 * batches use what they can read, name what they cannot and end with exit code 3.
 */
class HostileInputTest {
    private static final Pattern JAVA_TEXT = Pattern.compile("Exception|java\\.|ucar\\.|\\tat |\\.part\\b|: null\\b");
    private static final Path SAMPLE = SampleData.directory();
    private static final Path NT_2018 = SAMPLE.resolve("nt_2018");
    private static final Path NC_2023 = SAMPLE.resolve("netcdf/NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc");

    @TempDir
    Path tmp;

    /** Runs a failing command: exit code 2 and exactly {@code expected} on stderr, as one line. */
    private static void refused(String expected, String... args) {
        Run r = CommandLineTest.run(args);
        String what = String.join(" ", args);
        assertEquals(IceIsingCommand.USER_ERROR, r.code(), what + "\n" + r.err());
        assertEquals(expected + System.lineSeparator(), r.err(), what);
        assertClean(r.err());
    }

    /** One line per entry, none with Java's own text. */
    static void assertClean(String err) {
        assertFalse(JAVA_TEXT.matcher(err).find(), err);
        assertTrue(err.isEmpty() || err.endsWith(System.lineSeparator()), err);
    }

    @Test
    void numbersOutsideTheirRangeSayTheRange() {
        refused("iceising ising: --size must be from 2 to 4096, got 46,341", "ising", "--size", "46341", "--temperature", "1",
                "--sweeps", "5");
        refused("iceising ising: --sweeps must be from 5 to 10,000,000, got 2,147,483,647", "ising", "--size", "10",
                "--temperature", "1", "--sweeps", "2147483647");
        refused("iceising fit: --population must be from 2 to 1000, got 100,000,000", "fit", "--population", "100000000");
        refused("iceising fit: --threads must be from 1 to 1024, got 0", "fit", "--threads", "0");
        refused("iceising fit: --steps must be from 1 to 20,000,000,000, got -5", "fit", "--steps", "-5");
        refused("iceising generate: --season must be from 1978 to 2100, got 2,000,000,000", "generate", "--season", "2000000000",
                "--samples", "1", "--out", "unused");
        refused("iceising generate: --samples must be from 1 to 1,000,000, got 0", "generate", "--samples", "0", "--out", "unused");
        refused("iceising simulate: --runs must be from 1 to 10,000, got 100,000", "simulate", "--start", "2018-09-16", "--params",
                "1,2,3,4,5", "--runs", "100000", "--out", "unused.csv");
        refused("iceising evaluate: --seeds must be from 1 to 1000, got 0", "evaluate", "--params", "unused.csv", "--seeds", "0");
    }

    @Test
    void valuesThatAreNotNumbersDatesOrAddressesAreNamedInWords() {
        String help = " (see 'iceising ising --help')";
        refused("iceising ising: Invalid value for option '--size': 'abc' is not a whole number" + help, "ising", "--size", "abc",
                "--temperature", "1", "--sweeps", "5");
        refused("iceising ising: Invalid value for option '--size': '99999999999' is out of range (from -2,147,483,648 to"
                + " 2,147,483,647)" + help, "ising", "--size", "99999999999", "--temperature", "1", "--sweeps", "5");
        refused("iceising ising: Invalid value for option '--temperature': 'NaN' is not a finite number" + help, "ising", "--size",
                "10", "--temperature", "NaN", "--sweeps", "5");
        refused("iceising ising: Invalid value for option '--temperature': 'warm' is not a number (such as 2.5 or -1e-3)" + help,
                "ising", "--size", "10", "--temperature", "warm", "--sweeps", "5");
        String dates = "expected YYYY-MM-DD such as 2018-06-16, from 1978-01-01 to 2100-12-31 (see 'iceising measure --help')";
        for (String bad : List.of("2018-02-30", "18-6-16", "yesterday", "2018-13-01", "")) {
            refused("iceising measure: Invalid value for option '--from': '" + bad + "' is not a date: " + dates, "measure", "--from",
                    bad, "--to", "2018-09-16");
        }
        refused("iceising measure: Invalid value for option '--from': '-999999999-01-01' is outside 1978-01-01 .. 2100-12-31 (the"
                + " satellite record starts in October 1978) (see 'iceising measure --help')", "measure", "--from", "-999999999-01-01",
                "--to", "2018-09-16");
        refused("iceising measure: Invalid value for option '--to': '9999-01-01' is outside 1978-01-01 .. 2100-12-31 (the satellite"
                + " record starts in October 1978) (see 'iceising measure --help')", "measure", "--from", "2018-09-01", "--to",
                "9999-01-01");
        refused("iceising download: Invalid value for option '--cmr-url': 'http://exa mple.org' is not a web address (illegal"
                + " character in authority) (see 'iceising download --help')", "download", "--from", "2018-01-01",
                "--to", "2018-01-02", "--cmr-url", "http://exa mple.org");
        refused("iceising download: Invalid value for option '--login-url': 'file:///etc/passwd' is not a web address: expected"
                + " https://HOST such as https://cmr.earthdata.nasa.gov (see 'iceising download --help')", "download", "--from",
                "2018-01-01", "--to", "2018-01-02", "--login-url", "file:///etc/passwd");
        refused("iceising measure: Invalid value for option '--data': '" + "a\\x00b" + "' is not a usable path (Nul character not"
                + " allowed) (see 'iceising measure --help')", "measure", "--from", "2018-09-01", "--to", "2018-09-16", "--data", "a\u0000b");
    }

    @Test
    void areasAndOutputsThatCannotBeAreRefusedBeforeAnyWork() {
        refused("iceising measure: --area: focus area rows 2147483647..2147483656 are outside the grid's rows 0..447", "measure", "--from",
                "2018-09-01", "--to", "2018-09-16", "--area", "2147483647,0,10,10");
        refused("iceising measure: --area: focus area rows 1..2147483647 are outside the grid's rows 0..447", "measure", "--from",
                "2018-09-01", "--to", "2018-09-16", "--area", "1,1,2147483647,1");
        refused("iceising simulate: --area: focus area rows 1..2147483647 are outside the grid's rows 0..447", "simulate", "--start",
                "2018-09-16", "--params", "1,2,3,4,5", "--area", "1,1,2147483647,1", "--out", "unused.csv");
        refused("iceising measure: /: is a folder; give a file name to write to", "measure", "--from", "2018-09-16", "--to",
                "2018-09-16", "--csv", "/");
        Run r = CommandLineTest.run("measure", "--from", "2018-09-16", "--to", "2018-09-16", "--csv", "/proc/iceising.csv");
        assertEquals(IceIsingCommand.USER_ERROR, r.code(), r.err());
        assertTrue(r.err().startsWith("iceising measure: /proc/iceising.csv: "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertClean(r.err());
    }

    @Test
    void aParameterTableThatIsNotTextIsNamed() throws IOException {
        Path binary = Files.copy(NT_2018.resolve("nt_20180916_f18_nrt_n.bin"), tmp.resolve("params.csv"));
        refused("iceising evaluate: " + binary + ": cannot be read (not text: it holds bytes that are not characters of its encoding)",
                "evaluate", "--params", binary.toString());
    }

    private List<Path> copyGrids(Path to, int count) throws IOException {
        Files.createDirectories(to);
        List<Path> copies = new ArrayList<>();
        try (Stream<Path> s = Files.list(NT_2018)) {
            for (Path f : s.sorted().limit(count).toList()) {
                copies.add(Files.copy(f, to.resolve(f.getFileName())));
            }
        }
        return copies;
    }

    private static void truncate(Path f) throws IOException {
        Files.write(f, Arrays.copyOf(Files.readAllBytes(f), 1000));
    }

    @Test
    void measureGoesPastADamagedGridAndEndsWithThree() throws IOException {
        List<Path> grids = copyGrids(tmp.resolve("data"), 5);
        truncate(grids.get(2));
        Path csv = tmp.resolve("out.csv");
        Run r = CommandLineTest.run("measure", "--data", tmp.resolve("data").toString(), "--from", "2018-06-01", "--to", "2018-12-31",
                "--csv", csv.toString());
        assertEquals(IceIsingCommand.SOME_INPUTS_SKIPPED, r.code(), r.err());
        String bad = grids.get(2).getFileName().toString();
        assertEquals("iceising measure: " + bad + ": truncated: 1000 bytes, expected 136492" + System.lineSeparator(), r.err());
        assertEquals(4, r.out().lines().filter(l -> l.startsWith("2018-")).count(), r.out());
        assertFalse(r.out().contains(bad + System.lineSeparator()), r.out());
        assertTrue(r.out().contains("unreadable: 1 date has no readable grid (" + bad.substring(3, 7) + "-" + bad.substring(7, 9) + "-"
                + bad.substring(9, 11) + ")"), r.out());
        assertEquals(1 + 4, Files.readAllLines(csv).size());

        for (Path g : grids) {
            truncate(g);
        }
        Run none = CommandLineTest.run("measure", "--data", tmp.resolve("data").toString(), "--from", "2018-06-01", "--to", "2018-12-31");
        assertEquals(IceIsingCommand.USER_ERROR, none.code(), none.err());
        assertEquals(6, none.err().lines().count(), none.err());
        assertTrue(none.err().endsWith("iceising measure: none of the 5 grids between 2018-06-01 and 2018-12-31 can be read"
                + System.lineSeparator()), none.err());
        assertClean(none.err());
    }

    @Test
    void aLoopingSubFolderAndAnImpossibleDateAreReportedAndTheRestMeasured() throws IOException {
        Path data = tmp.resolve("data");
        copyGrids(data.resolve("2018"), 2);
        Files.createSymbolicLink(data.resolve("2018/back"), data);
        Files.copy(NT_2018.resolve("nt_20180916_f18_nrt_n.bin"), data.resolve("nt_20180230_f18_nrt_n.bin"));
        Run r = CommandLineTest.run("measure", "--data", data.toString(), "--from", "2018-06-01", "--to", "2018-12-31");
        assertEquals(IceIsingCommand.SOME_INPUTS_SKIPPED, r.code(), r.err());
        assertEquals(List.of("iceising measure: 2018/back: cannot be read (a symbolic link leads back into a folder above it); the grids"
                        + " in it are left out",
                "iceising measure: nt_20180230_f18_nrt_n.bin: follows NSIDC's naming but 20180230 is not a date (YYYYMMDD); left out"),
                r.err().lines().sorted().toList());
        assertEquals(2, r.out().lines().filter(l -> l.startsWith("2018-")).count(), r.out());
    }

    @Test
    void aBadSeaIceIndexLineIsNamedAndTheExtentStillComparedWithTheRest() throws IOException {
        Path data = tmp.resolve("data");
        Files.createDirectories(data.resolve("extent"));
        Files.copy(NT_2018.resolve("nt_20180916_f18_nrt_n.bin"), data.resolve("nt_20180916_f18_nrt_n.bin"));
        List<String> lines = new ArrayList<>(Files.readAllLines(SAMPLE.resolve("extent/N_seaice_extent_daily_v3.0.csv"),
                StandardCharsets.ISO_8859_1));
        lines.set(3, "1978,    10,  28,     lots,      0.000, x");
        Files.write(data.resolve("extent/" + org.iceising.data.SeaIceIndex.FILE_NAME), lines, StandardCharsets.ISO_8859_1);
        Run r = CommandLineTest.run("measure", "--data", data.toString(), "--from", "2018-09-16", "--to", "2018-09-16", "--area", "arctic");
        assertEquals(IceIsingCommand.SOME_INPUTS_SKIPPED, r.code(), r.err());
        assertEquals("iceising measure: N_seaice_extent_daily_v3.0.csv: line 4: extent 'lots' is not a number in '1978,    10,  28, "
                + "    lots,      0.000, x'" + System.lineSeparator(), r.err());
        String row = r.out().lines().filter(l -> l.startsWith("2018-09-16")).findFirst().orElseThrow();
        assertTrue(row.contains("4.673"), row); // the index's value for the day, read past the bad line
    }

    @Test
    void infoDescribesTheGoodFilesAroundABadOne() throws IOException {
        Path bad = Files.write(tmp.resolve("nt_20180917_f18_nrt_n.bin"), new byte[1000]);
        Path good = NT_2018.resolve("nt_20180916_f18_nrt_n.bin");
        Run r = CommandLineTest.run("info", good.toString(), bad.toString(), NC_2023.toString());
        assertEquals(IceIsingCommand.SOME_INPUTS_SKIPPED, r.code(), r.err());
        assertEquals("iceising info: nt_20180917_f18_nrt_n.bin: truncated: 1000 bytes, expected 136492" + System.lineSeparator(), r.err());
        assertTrue(r.out().startsWith("nt_20180916_f18_nrt_n.bin"), r.out());
        assertTrue(r.out().contains(System.lineSeparator() + NC_2023.getFileName()), r.out());
        refused("iceising info: nt_20180917_f18_nrt_n.bin: truncated: 1000 bytes, expected 136492", "info", bad.toString());
    }

    @Test
    void aSeasonWithADamagedBoundaryGridIsGeneratedFromTheOthers() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        for (String day : List.of("20180616", "20180701", "20180716", "20180801")) {
            Files.copy(NT_2018.resolve("nt_" + day + "_f18_nrt_n.bin"), data.resolve("nt_" + day + "_f18_nrt_n.bin"));
        }
        truncate(data.resolve("nt_20180716_f18_nrt_n.bin"));
        Path out = tmp.resolve("set");
        Run r = CommandLineTest.run("generate", "--data", data.toString(), "--samples", "1", "--steps", "10", "--threads", "1",
                "--out", out.toString());
        assertEquals(IceIsingCommand.SOME_INPUTS_SKIPPED, r.code(), r.err());
        List<String> err = r.err().lines().filter(l -> l.startsWith("iceising")).toList();
        assertEquals(List.of("iceising generate: nt_20180716_f18_nrt_n.bin: truncated: 1000 bytes, expected 136492"), err, r.err());
        assertTrue(r.out().contains("3 period starts observed"), r.out());
    }

    /** A damaged netCDF-4 copy that netCDF-Java still reads, logging an ERROR line about a bad header version on the way. */
    private Path netcdfThatTheLibraryComplainsAbout() throws IOException {
        byte[] b = Files.readAllBytes(NC_2023);
        b[21502] = 84;
        return Files.write(tmp.resolve(NC_2023.getFileName()), b);
    }

    @Test
    void theLibrariesWriteNothingToTheConsoleUnlessVerbose() throws Exception {
        Path noisy = netcdfThatTheLibraryComplainsAbout();
        Path truncated = Files.write(tmp.resolve("NSIDC0081_SEAICE_PS_N25km_20240820_v2.0.nc"),
                Arrays.copyOf(Files.readAllBytes(NC_2023), 60_000));
        Path zipNamed = Files.copy(NC_2023, tmp.resolve("grid.zip"));
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Run r;
        try (PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            r = CommandLineTest.run("info", noisy.toString(), truncated.toString(), zipNamed.toString());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals("", console.toString(StandardCharsets.UTF_8));
        assertEquals(IceIsingCommand.SOME_INPUTS_SKIPPED, r.code(), r.err());
        assertEquals("iceising info: NSIDC0081_SEAICE_PS_N25km_20240820_v2.0.nc: cannot be read as netCDF: truncated, 60000 bytes"
                + " where its header describes 134050" + System.lineSeparator(), r.err());
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(3, files.count(), "no side files");
        }

        // a fresh JVM, as a user runs it: nothing but the description; with --verbose, netCDF-Java's own line
        Process quiet = java("info", noisy.toString());
        assertEquals(0, quiet.waitFor(), new String(quiet.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals("", new String(quiet.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        Process verbose = java("info", "--verbose", noisy.toString());
        assertEquals(0, verbose.waitFor());
        String log = new String(verbose.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(log.contains("H5header") && log.contains("bad version"), log);
    }

    /** A failing command: exit code 2, the one line that starts with {@code start}, nothing on standard output. */
    private static String refusedAtOnce(String start, String... args) {
        Run r = CommandLineTest.run(args);
        String what = String.join(" ", args);
        assertEquals(IceIsingCommand.USER_ERROR, r.code(), what + "\n" + r.err());
        assertEquals("", r.out(), what);
        List<String> lines = r.err().lines().filter(l -> !l.matches("\\s*\\d+% .*")).toList();
        assertEquals(1, lines.size(), what + "\n" + r.err());
        assertTrue(lines.get(0).startsWith(start), lines.get(0));
        assertClean(r.err());
        return lines.get(0);
    }

    @Test
    void outputsThatCannotBeWrittenAreRefusedBeforeAnyWork() throws IOException {
        // found by the fault campaign: the table, the fit or the training ran first and the output was refused at the end
        refusedAtOnce("iceising measure: /dev/full is not a regular file", "measure", "--from", "2018-09-16", "--to", "2018-09-16",
                "--csv", "/dev/full");
        Path pipe = org.iceising.data.SpecialFiles.fifo(tmp, "fit.csv");
        refusedAtOnce("iceising fit: " + pipe + " is not a regular file", "fit", "--period", "2018-09-16", "--evaluations", "2",
                "--population", "2", "--seeds", "1", "--steps", "1000", "--out", pipe.toString());
        Path mine = Files.writeString(tmp.resolve("mine.txt"), "mine");
        refusedAtOnce("iceising predict: " + mine.resolve("p.csv") + ": cannot be made: " + mine + " is a file, not a folder", "predict",
                "--model", "unused.iceising", "--out", mine.resolve("p.csv").toString());
        Path folder = Files.createDirectories(tmp.resolve("model.iceising"));
        refusedAtOnce("iceising train: " + folder + " is a folder", "train", "--set", tmp.toString(), "--out", folder.toString());
        refusedAtOnce("iceising generate: " + mine + " is a file, not a folder", "generate", "--samples", "1", "--out", mine.toString());
        refusedAtOnce("iceising simulate: /proc/iceising: cannot create the folder", "simulate", "--start", "2018-09-16", "--params",
                "1,0,0,0,0", "--out", "/proc/iceising/out.csv");
        // a name longer than a file name may be is refused at once; one that fits is written, though its temporary could not repeat it whole
        Path tooLong = tmp.resolve("t".repeat(300) + ".csv");
        refusedAtOnce("iceising measure: " + tooLong + ": cannot be made: its name is 304 bytes long, more than the 255 a file name may"
                + " have", "measure", "--from", "2018-09-16", "--to", "2018-09-16", "--csv", tooLong.toString());
        Path longest = tmp.resolve("t".repeat(251) + ".csv");
        Run r = CommandLineTest.run("measure", "--from", "2018-09-16", "--to", "2018-09-16", "--csv", longest.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(2, Files.readAllLines(longest).size());
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.filter(p -> p.toString().endsWith(".part")).toList());
        }
        assertEquals("mine", Files.readString(mine));
    }

    @Test
    void aNameWithALineBreakStaysOneLine() throws IOException {
        Path odd = Files.write(tmp.resolve("bad\nname.bin"), new byte[100]);
        String line = refusedAtOnce("iceising info: bad\\nname.bin: not a sea-ice grid", "info", odd.toString());
        assertFalse(line.contains("\n"), line);
    }

    @Test
    void downloadAndTrainOptionsOutsideTheirRangeNameTheOption() throws IOException {
        String[] download = {"download", "--from", "2023-01-30", "--to", "2023-01-30", "--cmr-url", "http://127.0.0.1:9", "--dest",
                tmp.resolve("dl").toString()};
        refused("iceising download: --parallel must be from 1 to 16, got 0", append(download, "--parallel", "0"));
        refused("iceising download: Invalid value for option '--product': unknown product 'nsidc-9999'; choose one of nsidc-0081,"
                + " nsidc-0051 (see 'iceising download --help')", append(download, "--product", "nsidc-9999"));
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "mine");
        download[download.length - 1] = notes.toString();
        refused("iceising download: " + notes + " is a file, not a folder; it is left as it is (remove it or write elsewhere)", download);
        String[] train = {"train", "--set", tmp.toString(), "--out", tmp.resolve("m.iceising").toString()};
        refused("iceising train: --epochs must be from 1 to 10,000, got 0", append(train, "--epochs", "0"));
        refused("iceising train: --batch must be from 1 to 65,536, got -1", append(train, "--batch", "-1"));
        refused("iceising train: --learning-rate must be a number above 0, got -1.0E308", append(train, "--learning-rate", "-1e308"));
        refused("iceising train: --validation must lie between 0 and 1 (both left out), got 1.0", append(train, "--validation", "1"));
        refused("iceising ising: --temperature must be a number above 0, got -1.0E308", "ising", "--size", "8", "--temperature",
                "-1e308", "--sweeps", "5");
        refused("iceising measure: /proc/iceising: no such folder", "measure", "--from", "2018-09-16", "--to", "2018-09-16", "--data",
                "/proc/iceising");
    }

    private static String[] append(String[] args, String... more) {
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    private static Process java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), IceIsingCommand.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("no answer within 60 s from " + command);
        }
        return p;
    }
}
