package org.iceising.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.iceising.data.DamagedCopies;
import org.iceising.data.SampleData;
import org.iceising.data.SpecialFiles;
import org.iceising.data.UserDataFolder;
import org.iceising.data.download.DownloadException;
import org.iceising.data.download.DownloadListener;
import org.iceising.data.download.DownloadRequest;
import org.iceising.data.download.EarthdataCredentials;
import org.iceising.data.download.EarthdataDownloader;
import org.iceising.data.download.FileOutcome;
import org.iceising.data.download.NsidcProduct;
import org.iceising.data.download.TransferSettings;
import org.iceising.learn.TrainingSetFile;
import org.iceising.model.ProgressMonitor;
import picocli.CommandLine;

/**
 * The fault campaign: makes damaged inputs from the real files in sample-data (truncations, changed
 * and zeroed bytes, sparse gigabyte files, pipes, links, devices, folders, impossible names, days held
 * twice, damaged training sets and model files), hostile values for every command's options, hostile
 * servers on 127.0.0.1 for the downloader and outputs that must not be replaced, runs the real command
 * line in this JVM for each case with a time limit, and sorts every outcome into clean (the documented
 * exit code, one line in words per fault naming the user's file or option, no Java text, nothing on
 * standard output when the command failed, the data folder and the output's place untouched), read (the
 * damage fell inside values a grid may hold and the file was read as it is) or unclean.
 *
 * <p>It writes {@code table.md} (category × cases × clean) and {@code unclean.md} (each unclean case
 * with its output) to the folder given (default {@code target/faults}). Not a test: run it on a
 * build, nice'd, as
 * <pre>mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * nice java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.iceising.cli.FaultCampaign target/faults</pre>
 */
public final class FaultCampaign {
    /** Java's own text in what a user reads: class names, exceptions, stack frames, temporary names, log levels. */
    private static final Pattern JAVA_TEXT = Pattern.compile("Exception|Error\\b|\\bjava\\.|\\bjavax\\.|\\bucar\\.|\\borg\\.nd4j|"
            + "\\borg\\.deeplearning4j|\\bcom\\.google|\\bpicocli\\.|^\\s+at |\\.part\\b|: null$|: null[;,)]|\\(null\\)|Caused by|\\b(INFO|WARN|WARNING|ERROR|DEBUG)\\b",
            Pattern.MULTILINE);
    /** A progress line when standard error is not a terminal. */
    private static final Pattern PROGRESS = Pattern.compile("^\\s*\\d+% .*");
    private static final long THREE_GB = 3L << 30;
    private static final Path SAMPLE = SampleData.directory();
    private static final Path NT = SAMPLE.resolve("nt_2018/nt_20180916_f18_nrt_n.bin");
    private static final Path BT = SAMPLE.resolve("bt/bt_20181213_f17_v3.1_n.bin");
    private static final Path NC = SAMPLE.resolve("netcdf/NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc");
    private static final Path CDR = SAMPLE.resolve("netcdf/seaice_conc_daily_nh_20211231_f17_v04r00.nc");
    private static final Path CSV = SAMPLE.resolve("extent/N_seaice_extent_daily_v3.0.csv");

    /** What a case must end in to be clean. */
    enum Expect {
        /** Exit code 2 and exactly one line on stderr. */
        FAILS,
        /** Exit code 3, results on stdout, one stderr line per skipped input. */
        SKIPS,
        /** Exit code 1, the download's failed files on stdout. */
        FILE_FAILS,
        /** Exit code 1 and one line on stderr: the service (CMR) failed, not the user's input. */
        SERVICE_FAILS
    }

    /**
     * One case: the command line, what a clean end is, the words its lines must hold (the user's file or
     * option), whether a read of the damaged input is also acceptable (the damage is in the values), the
     * paths that must be the same afterwards.
     */
    record Case(String category, String name, List<String> args, Expect expect, int lines, List<String> names, boolean mayRead,
                List<Path> unchanged, int timeoutSeconds, String value) {
        Case(String category, String name, List<String> args, Expect expect, int lines, List<String> names, boolean mayRead,
             List<Path> unchanged, int timeoutSeconds) {
            this(category, name, args, expect, lines, names, mayRead, unchanged, timeoutSeconds, null);
        }
    }

    record Outcome(int code, String out, String err, boolean timedOut, long millis) {
    }

    private final Path root;
    private final List<Case> cases = new ArrayList<>();
    private final Map<String, int[]> table = new TreeMap<>();
    private final StringBuilder unclean = new StringBuilder();
    private int counter;

    private FaultCampaign(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/faults").toAbsolutePath();
        Path work = out.resolve("work");
        deleteTree(work);
        Files.createDirectories(work);
        System.setProperty(UserDataFolder.PROPERTY, work.resolve("user-data").toString());
        System.setProperty("user.home", Files.createDirectories(work.resolve("home")).toString());
        FaultCampaign campaign = new FaultCampaign(work);
        // a second argument, a regular expression, runs only the categories it finds
        campaign.run(args.length > 1 ? args[1] : null);
        campaign.write(out);
        System.exit(0);
    }

    // ---------------------------------------------------------------- the cases

    private void run(String only) throws Exception {
        long t0 = System.nanoTime();
        Fixtures fx = fixtures();
        damagedGrids();
        batches(fx);
        nameAndContent();
        specialInputs();
        hostileArguments(fx);
        trainingSets(fx);
        models(fx);
        outputs(fx);
        try (HostileServer server = new HostileServer()) {
            downloads(server);
            snapshot();
            for (Case c : cases) {
                if (only == null || Pattern.compile(only).matcher(c.category()).find()) {
                    judge(c, execute(c));
                }
            }
            serviceDownloads(server);
        }
        System.err.printf(Locale.ROOT, "%d cases in %.0f s%n", table.values().stream().mapToInt(r -> r[0]).sum(),
                (System.nanoTime() - t0) / 1e9);
    }

    private Path dir(String name) throws IOException {
        return Files.createDirectories(root.resolve(String.format(Locale.ROOT, "%04d-%s", ++counter, name)));
    }

    private void add(String category, String name, Expect expect, int lines, List<String> names, boolean mayRead,
                     List<Path> unchanged, String... args) {
        cases.add(new Case(category, name, List.of(args), expect, lines, names, mayRead, unchanged, 90));
    }

    /** One damaged grid given to info: refused in one line naming it, or (mayRead) read as it is. */
    private void infoCase(String category, String name, Path file, boolean mayRead) {
        add(category, name, Expect.FAILS, 1, List.of(file.getFileName().toString()), mayRead, List.of(file.getParent()), "info",
                file.toString());
    }

    private static byte[] bytes(Path p) throws IOException {
        return Files.readAllBytes(p);
    }

    private void damagedGrids() throws IOException {
        Path nc3 = DamagedCopies.netcdf3(NC, dir("nc3").resolve(NC.getFileName()), 0.004);
        Map<String, Path> formats = new LinkedHashMap<>();
        formats.put("NASA Team binary", NT);
        formats.put("Bootstrap binary", BT);
        formats.put("netCDF-4 (NSIDC-0081 v2)", NC);
        formats.put("netCDF-4 (CDR)", CDR);
        formats.put("netCDF-3", nc3);
        Random random = new Random(14);
        for (Map.Entry<String, Path> f : formats.entrySet()) {
            byte[] real = bytes(f.getValue());
            String fileName = f.getValue().getFileName().toString();
            String cat = "1 damaged grids: " + f.getKey();
            int n = real.length;
            for (int length : new int[] {0, 1, 4, 8, 100, 299, 300, 301, 1000, 4096, n / 8, n / 4, n / 3, n / 2, 2 * n / 3, 3 * n / 4,
                    7 * n / 8, n - 100, n - 2, n - 1}) {
                Path d = dir("trunc");
                infoCase(cat, "truncated to " + length + " of " + n + " bytes", Files.write(d.resolve(fileName), Arrays.copyOf(real, length)),
                        false);
            }
            for (int extra : new int[] {1, 1000, n}) {
                Path d = dir("grown");
                byte[] b = Arrays.copyOf(real, n + extra);
                // a netCDF file may carry bytes past its data; a binary grid has one exact size
                infoCase(cat, "grown by " + extra + " bytes", Files.write(d.resolve(fileName), b), fileName.endsWith(".nc"));
            }
            for (int k = 0; k < 12; k++) {
                byte[] b = real.clone();
                int at = random.nextInt(n - 64);
                for (int i = at; i < at + 32; i++) {
                    b[i] = (byte) random.nextInt(256);
                }
                infoCase(cat, "32 random bytes at " + at, Files.write(dir("flip").resolve(fileName), b), true);
            }
            for (int zeros : new int[] {4, 64, 300, 1024}) {
                byte[] b = real.clone();
                Arrays.fill(b, 0, Math.min(zeros, n), (byte) 0);
                // a Bootstrap grid has no header, and the NASA Team header's first field (the missing-data value) is not used
                boolean values = f.getValue() == BT || f.getValue() == NT && zeros <= 6;
                infoCase(cat, "first " + zeros + " bytes zeroed", Files.write(dir("zero").resolve(fileName), b), values);
            }
            Path sparse = dir("sparse").resolve(fileName);
            Files.copy(f.getValue(), sparse);
            try (RandomAccessFile raf = new RandomAccessFile(sparse.toFile(), "rw")) {
                raf.setLength(THREE_GB);
            }
            // netCDF is read by its structure: zeros past its end are never read
            infoCase("2 sizes: sparse 3 GB files", f.getKey() + " grown to 3 GB (sparse)", sparse, fileName.endsWith(".nc"));
        }
        Path sparse = dir("sparse").resolve("grid.bin");
        try (RandomAccessFile raf = new RandomAccessFile(sparse.toFile(), "rw")) {
            raf.setLength(THREE_GB);
        }
        infoCase("2 sizes: sparse 3 GB files", "3 GB of zeros named grid.bin", sparse, false);
        Path nan = DamagedCopies.netcdf3(NC, dir("nan").resolve(NC.getFileName()), Double.NaN);
        infoCase("4 silent acceptance: name and content", "netCDF-3 with scale_factor NaN", nan, false);
        Path hundred = DamagedCopies.netcdf3(NC, dir("scale").resolve(NC.getFileName()), 0.01);
        infoCase("4 silent acceptance: name and content", "netCDF-3 with scale_factor 0.01", hundred, false);
        Path text = Files.writeString(dir("text").resolve("NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc"), "not a netCDF file\n");
        infoCase("1 damaged grids: other", "text named .nc", text, false);
        Path random1 = dir("random").resolve("nt_20180916_f18_nrt_n.bin");
        byte[] noise = new byte[136492];
        random.nextBytes(noise);
        infoCase("1 damaged grids: other", "random bytes of the NASA Team size", Files.write(random1, noise), false);
        Path hdf = Files.write(dir("hdf").resolve("NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc"),
                Arrays.copyOf(bytes(NC), 8));
        infoCase("1 damaged grids: other", "only the HDF5 signature", hdf, false);
    }

    /** A folder of real NASA Team grids of 2018 with one or more replaced by damaged copies, measured as a range. */
    private void batches(Fixtures fx) throws IOException {
        List<Path> real;
        try (Stream<Path> s = Files.list(SAMPLE.resolve("nt_2018"))) {
            real = s.sorted().limit(6).toList();
        }
        byte[] good = bytes(real.get(2));
        Map<String, byte[]> damage = new LinkedHashMap<>();
        damage.put("truncated to 1000 bytes", Arrays.copyOf(good, 1000));
        damage.put("empty", new byte[0]);
        damage.put("one byte more", Arrays.copyOf(good, good.length + 1));
        byte[] header = good.clone();
        Arrays.fill(header, 0, 300, (byte) 0);
        damage.put("header zeroed", header);
        byte[] bt = bytes(BT);
        damage.put("a Bootstrap grid under its name", bt);
        damage.put("a netCDF file under its name", bytes(NC));
        for (Map.Entry<String, byte[]> d : damage.entrySet()) {
            Path data = dir("batch");
            List<String> names = new ArrayList<>();
            for (Path r : real) {
                Files.copy(r, data.resolve(r.getFileName()));
            }
            Path bad = data.resolve(real.get(2).getFileName());
            Files.write(bad, d.getValue());
            names.add(bad.getFileName().toString());
            add("3 batches: measure over a range", "one grid " + d.getKey(), Expect.SKIPS, 1, names, false, List.of(data), "measure",
                    "--data", data.toString(), "--from", "2018-06-01", "--to", "2018-12-31");
            add("3 batches: info on several files", "info good, " + d.getKey() + ", good", Expect.SKIPS, 1, names, false, List.of(data),
                    "info", real.get(0).toString(), bad.toString(), real.get(1).toString());
        }
        // three bad of six, and every one bad
        for (int bad : new int[] {3, 6}) {
            Path data = dir("batch");
            List<String> names = new ArrayList<>();
            for (int i = 0; i < real.size(); i++) {
                Path copy = Files.copy(real.get(i), data.resolve(real.get(i).getFileName()));
                if (i < bad) {
                    Files.write(copy, Arrays.copyOf(good, 5000 + i));
                    names.add(copy.getFileName().toString());
                }
            }
            add("3 batches: measure over a range", bad + " of 6 grids truncated", bad == 6 ? Expect.FAILS : Expect.SKIPS,
                    bad == 6 ? bad + 1 : bad, bad == 6 ? List.of() : names, false, List.of(data), "measure", "--data", data.toString(),
                    "--from", "2018-06-01", "--to", "2018-12-31");
        }
        // the season of generate and fit, with one grid of the season damaged
        Path season = dir("season");
        copyTree(SAMPLE.resolve("nt_2018"), season.resolve("nt_2018"));
        Path damagedDay = season.resolve("nt_2018/nt_20180916_f18_nrt_n.bin");
        Files.write(damagedDay, Arrays.copyOf(bytes(damagedDay), 3000));
        add("3 batches: a season", "generate past a damaged grid of the season", Expect.SKIPS, 1,
                List.of("nt_20180916_f18_nrt_n.bin"), false, List.of(season), "generate", "--data", season.toString(), "--samples", "1",
                "--steps", "1000", "--out", dir("gen-out").resolve("set").toString());
        add("3 batches: a season", "evaluate past a damaged grid of the season", Expect.SKIPS, 1,
                List.of("nt_20180916_f18_nrt_n.bin"), false, List.of(season), "evaluate", "--data", season.toString(), "--params",
                fx.params().toString(), "--seeds", "1", "--steps", "1000");
        add("3 batches: a season", "predict past a damaged grid of the season", Expect.SKIPS, 1,
                List.of("nt_20180916_f18_nrt_n.bin"), false, List.of(season), "predict", "--data", season.toString(), "--model",
                fx.model().toString());
        // a sub-folder that loops, one that is a link to nowhere, a grid that is a link to nowhere
        Path looping = dir("loop");
        copyTree(SAMPLE.resolve("nt_2018"), looping.resolve("2018"));
        Files.createSymbolicLink(looping.resolve("2018/back"), looping);
        add("3 batches: catalogue scan", "a sub-folder linking back up", Expect.SKIPS, 1, List.of("2018/back"), false, List.of(looping),
                "measure", "--data", looping.toString(), "--from", "2018-09-01", "--to", "2018-09-16");
        Path dangling = dir("dangling");
        copyTree(SAMPLE.resolve("nt_2018"), dangling.resolve("2018"));
        Files.createSymbolicLink(dangling.resolve("2018/nt_20180917_f18_nrt_n.bin"), dangling.resolve("nowhere.bin"));
        add("3 batches: catalogue scan", "a grid name that is a link to nowhere", Expect.SKIPS, 1, List.of("nt_20180917_f18_nrt_n.bin"),
                false, List.of(dangling), "measure", "--data", dangling.toString(), "--from", "2018-09-16", "--to", "2018-09-17");
        Path fifoGrid = dir("fifo-grid");
        copyTree(SAMPLE.resolve("nt_2018"), fifoGrid.resolve("2018"));
        SpecialFiles.fifo(fifoGrid.resolve("2018"), "nt_20180917_f18_nrt_n.bin");
        add("3 batches: catalogue scan", "a pipe under a grid's name", Expect.SKIPS, 1, List.of("nt_20180917_f18_nrt_n.bin"),
                false, List.of(fifoGrid), "measure", "--data", fifoGrid.toString(), "--from", "2018-09-16", "--to", "2018-09-17");
        Path devGrid = dir("dev-grid");
        copyTree(SAMPLE.resolve("nt_2018"), devGrid.resolve("2018"));
        Files.createSymbolicLink(devGrid.resolve("2018/nt_20180917_f18_nrt_n.bin"), Path.of("/dev/zero"));
        add("3 batches: catalogue scan", "a link to /dev/zero under a grid's name", Expect.SKIPS, 1,
                List.of("nt_20180917_f18_nrt_n.bin"), false, List.of(devGrid), "measure", "--data", devGrid.toString(), "--from",
                "2018-09-16", "--to", "2018-09-17");
        Path dirGrid = dir("dir-grid");
        copyTree(SAMPLE.resolve("nt_2018"), dirGrid.resolve("2018"));
        Files.createDirectories(dirGrid.resolve("2018/nt_20180917_f18_nrt_n.bin"));
        add("3 batches: catalogue scan", "a folder under a grid's name", Expect.SKIPS, 1, List.of("nt_20180917_f18_nrt_n.bin"),
                false, List.of(dirGrid), "measure", "--data", dirGrid.toString(), "--from", "2018-09-16", "--to", "2018-09-17");
        // impossible names and days held twice
        for (String impossible : List.of("nt_20180230_f18_nrt_n.bin", "nt_20181301_f18_nrt_n.bin", "nt_20180900_f18_nrt_n.bin",
                "NSIDC0081_SEAICE_PS_N25km_20230231_v2.0.nc", "seaice_conc_daily_nh_20211232_f17_v04r00.nc")) {
            Path data = dir("impossible");
            Files.copy(NT, data.resolve(NT.getFileName()));
            Files.copy(impossible.endsWith(".nc") ? NC : NT, data.resolve(impossible));
            add("3 batches: impossible names and days held twice", impossible, Expect.SKIPS, 1, List.of(impossible), false, List.of(data),
                    "measure", "--data", data.toString(), "--from", "2018-09-16", "--to", "2018-09-16");
        }
        Path twice = dir("twice");
        Files.copy(NT, twice.resolve(NT.getFileName()));
        Files.write(twice.resolve("nt_20180916_f17_nrt_n.bin"), Arrays.copyOf(bytes(NT), 2000));
        add("3 batches: impossible names and days held twice", "F17 copy damaged beside a good F18", Expect.SKIPS, 1,
                List.of("nt_20180916_f17_nrt_n.bin"), false, List.of(twice), "measure", "--data", twice.toString(), "--from", "2018-09-16",
                "--to", "2018-09-16");
        Path twoFolders = dir("two-folders");
        // the path decides which copy is read first: the damaged one
        Files.write(Files.createDirectories(twoFolders.resolve("a")).resolve(NT.getFileName()), Arrays.copyOf(bytes(NT), 300));
        Files.copy(NT, Files.createDirectories(twoFolders.resolve("b")).resolve(NT.getFileName()));
        add("3 batches: impossible names and days held twice", "one day in two folders, one copy damaged", Expect.SKIPS, 1,
                List.of("nt_20180916_f18_nrt_n.bin"), false, List.of(twoFolders), "measure", "--data", twoFolders.toString(), "--from",
                "2018-09-16", "--to", "2018-09-16");
        // the Sea Ice Index CSV with a bad line
        List<String> lines = Files.readAllLines(CSV, StandardCharsets.ISO_8859_1);
        Map<String, List<String>> csvDamage = new LinkedHashMap<>();
        csvDamage.put("an extent that is not a number", replaced(lines, 100, "1990,    01,  05,     lots,      0.000, x"));
        csvDamage.put("a line of NUL bytes", replaced(lines, 5000, "\u0000\u0000\u0000"));
        csvDamage.put("a line with two columns", replaced(lines, 200, "1991, 02"));
        csvDamage.put("an impossible date", replaced(lines, 300, "1992,    02,  30,     14.000,      0.000,"));
        csvDamage.put("a month of 13", replaced(lines, 400, "1993,    13,  01,     14.000,      0.000,"));
        csvDamage.put("a negative extent", replaced(lines, 500, "1994,    03,  01,     -14.000,      0.000,"));
        csvDamage.put("an extent of NaN", replaced(lines, 600, "1995,    03,  01,     NaN,      0.000,"));
        for (Map.Entry<String, List<String>> d : csvDamage.entrySet()) {
            Path data = dir("csv");
            Files.copy(NT, data.resolve(NT.getFileName()));
            Files.write(Files.createDirectories(data.resolve("extent")).resolve(CSV.getFileName()), d.getValue(),
                    StandardCharsets.ISO_8859_1);
            add("3 batches: Sea Ice Index CSV", d.getKey(), Expect.SKIPS, 1, List.of(CSV.getFileName().toString()), false, List.of(data),
                    "measure", "--data", data.toString(), "--from", "2018-09-16", "--to", "2018-09-16", "--area", "arctic");
        }
        byte[] csv = bytes(CSV);
        for (int length : new int[] {0, 50, csv.length / 2}) {
            Path data = dir("csv-cut");
            Files.copy(NT, data.resolve(NT.getFileName()));
            Files.write(Files.createDirectories(data.resolve("extent")).resolve(CSV.getFileName()), Arrays.copyOf(csv, length));
            add("3 batches: Sea Ice Index CSV", "cut to " + length + " bytes", Expect.SKIPS, -1, List.of(CSV.getFileName().toString()),
                    true, List.of(data), "measure", "--data", data.toString(), "--from", "2018-09-16", "--to", "2018-09-16", "--area",
                    "arctic");
        }
    }

    private static List<String> replaced(List<String> lines, int at, String line) {
        List<String> l = new ArrayList<>(lines);
        l.set(at, line);
        return l;
    }

    private void nameAndContent() throws IOException {
        String cat = "4 silent acceptance: name and content";
        Map<String, Path> renamed = new LinkedHashMap<>();
        renamed.put("nt_20180916_f17_nrt_n.bin", NT);
        renamed.put("nt_20180916_f18_v1.1_n.bin", NT);
        renamed.put("nt_20180917_f18_nrt_n.bin", NT);
        renamed.put("bt_20181213_f18_v3.1_n.bin", BT);
        renamed.put("bt_20181214_f17_v3.1_n.bin", BT);
        renamed.put("NSIDC0051_SEAICE_PS_N25km_20230130_v2.0.nc", NC);
        renamed.put("NSIDC0081_SEAICE_PS_N25km_20230131_v2.0.nc", NC);
        renamed.put("seaice_conc_daily_nh_20211231_f18_v04r00.nc", CDR);
        renamed.put("seaice_conc_daily_nh_20211230_f17_v04r00.nc", CDR);
        renamed.put("nt_20211231_f17_v1.1_n.bin", CDR);
        for (Map.Entry<String, Path> r : renamed.entrySet()) {
            Path f = Files.copy(r.getValue(), dir("renamed").resolve(r.getKey()));
            // a Bootstrap binary has no header: nothing in it can contradict its name
            infoCase(cat, r.getValue().getFileName() + " named " + r.getKey(), f, r.getValue() == BT);
        }
        for (String name : List.of("grid.zip", "grid.gz", "grid.Z", "grid.bz2", "NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc.gz")) {
            Path d = dir("compressed");
            Path f = Files.copy(NC, d.resolve(name));
            // read as it is (it is netCDF inside); nothing may appear beside it
            add(cat, "netCDF named " + name, Expect.FAILS, 0, List.of(), true, List.of(d), "info", f.toString());
        }
    }

    private void specialInputs() throws IOException {
        String cat = "1 special files and impossible paths as inputs";
        Path d = dir("special");
        Path fifo = SpecialFiles.fifo(d, "nt_20180916_f18_nrt_n.bin");
        Path folder = Files.createDirectories(d.resolve("NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc"));
        Path loop = d.resolve("loop.bin");
        Files.createSymbolicLink(loop, loop);
        Path dangling = Files.createSymbolicLink(d.resolve("dangling.bin"), d.resolve("gone"));
        String longName = "n".repeat(300) + ".bin";
        Path newline = Files.write(d.resolve("bad\nname.bin"), Arrays.copyOf(bytes(NT), 100));
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("a named pipe", fifo.toString());
        inputs.put("a folder", folder.toString());
        inputs.put("/dev/zero", "/dev/zero");
        inputs.put("/dev/null", "/dev/null");
        inputs.put("/dev/urandom", "/dev/urandom");
        inputs.put("a link to itself", loop.toString());
        inputs.put("a link to nowhere", dangling.toString());
        inputs.put("a missing file", d.resolve("missing.bin").toString());
        inputs.put("a name of 300 characters", d.resolve(longName).toString());
        inputs.put("under a file", NT.resolve("x.bin").toString());
        inputs.put("/proc/self/mem", "/proc/self/mem");
        inputs.put("a name with a newline", newline.toString());
        for (Map.Entry<String, String> in : inputs.entrySet()) {
            String shown = Path.of(in.getValue()).getFileName().toString();
            add(cat, "info on " + in.getKey(), Expect.FAILS, 1, List.of(shown.contains("\n") ? "bad" : shown), false, List.of(d), "info",
                    in.getValue());
        }
        for (Map.Entry<String, String> in : inputs.entrySet()) {
            add(cat, "measure --data " + in.getKey(), Expect.FAILS, 1, List.of(), false, List.of(d), "measure", "--data", in.getValue(),
                    "--from", "2018-09-16", "--to", "2018-09-16");
        }
        for (Map.Entry<String, String> in : inputs.entrySet()) {
            add(cat, "evaluate --params " + in.getKey(), Expect.FAILS, 1, List.of(), false, List.of(d), "evaluate", "--params",
                    in.getValue(), "--seeds", "1", "--steps", "1000");
        }
    }

    /** A training set and a model made by the commands themselves, for the cases that need good ones beside damaged ones. */
    record Fixtures(Path set, Path model, Path params) {
    }

    private Fixtures fixtures() throws IOException {
        Path d = dir("fixtures");
        Path set = d.resolve("set");
        Path model = d.resolve("cnn.iceising");
        Path params = d.resolve("params.csv");
        for (String[] args : new String[][] {
                {"generate", "--samples", "12", "--steps", "5000", "--seed", "2", "--out", set.toString()},
                {"train", "--set", set.toString(), "--out", model.toString(), "--epochs", "1", "--batch", "16", "--validation", "0.2"},
                {"predict", "--model", model.toString(), "--out", params.toString()}}) {
            Outcome o = execute(new Case("fixture", args[0], List.of(args), Expect.FAILS, 0, List.of(), true, List.of(), 900));
            if (o.code() != 0) {
                throw new IllegalStateException(String.join(" ", args) + " failed: " + o.err());
            }
        }
        return new Fixtures(set, model, params);
    }

    /** Every command's options with values outside what they take. */
    private void hostileArguments(Fixtures fx) throws IOException {
        String cat = "2 hostile argument values";
        // each case writes into a fresh folder: "{out}" stands for it
        String sim = "{out}/sim.csv";
        List<String> longs = List.of("", "abc", "-1", "0", "20000000001", "99999999999999999999", "1.5");
        List<String> ints = List.of("", "abc", "-1", "0", "2147483648", "99999999999999999999", "1.5", "1e3", "0x10");
        List<String> reals = List.of("", "abc", "NaN", "Infinity", "-Infinity", "1e309", "-1e308", "1,5");
        List<String> dates = List.of("", "2018-02-30", "-999999999-01-01", "+999999999-12-31", "9999-12-31", "1900-01-01", "2018/09/16",
                "20180916", "2018-9-16");
        List<String> areas = List.of("", "2147483647,0,10,10", "1,1,2147483647,1", "-5,0,10,10", "0,0,0,0", "448,0,10,10", "a,b,c,d",
                "1,2,3", "antarctic");
        Map<String, List<String>> base = new LinkedHashMap<>();
        base.put("ising", List.of("ising", "--size", "8", "--temperature", "2", "--sweeps", "5"));
        base.put("measure", List.of("measure", "--from", "2018-09-16", "--to", "2018-09-16"));
        base.put("simulate", List.of("simulate", "--start", "2018-09-16", "--params", "1,0,0,0,0", "--steps", "1000", "--out", sim));
        base.put("generate", List.of("generate", "--samples", "1", "--steps", "1000", "--out", "{out}/gen"));
        base.put("train", List.of("train", "--set", fx.set().toString(), "--epochs", "1", "--batch", "16", "--out",
                "{out}/m.iceising"));
        base.put("predict", List.of("predict", "--model", fx.model().toString()));
        base.put("evaluate", List.of("evaluate", "--params", fx.params().toString(), "--seeds", "1", "--steps", "1000"));
        base.put("fit", List.of("fit", "--period", "2018-09-16", "--evaluations", "2", "--population", "2", "--seeds", "1", "--steps",
                "1000"));
        base.put("forecast", List.of("forecast", "--from", "2018-09-16", "--periods", "1", "--params", fx.params().toString(), "--runs",
                "1", "--steps", "1000", "--out", "{out}/f.csv"));
        base.put("sensitivity", List.of("sensitivity", "--params", fx.params().toString(), "--seeds", "2", "--steps", "1000", "--out",
                "{out}/sens"));
        base.put("reproduce", List.of("reproduce", "--out", "{out}/rep"));
        base.put("download", List.of("download", "--from", "2023-01-30", "--to", "2023-01-30", "--dest", "{out}/dl",
                "--cmr-url", "http://127.0.0.1:9", "--login-url", "http://127.0.0.1:9"));
        // a hexadecimal 16 is a value picocli takes; a reproduction or 16 epochs would not be a cheap run
        List<String> cheapInts = ints.stream().filter(v -> !v.startsWith("0x")).toList();
        Map<String, List<String>> values = new TreeMap<>();
        for (String o : List.of("ising --size", "ising --sweeps", "ising --seed", "simulate --steps", "simulate --runs",
                "simulate --threads", "generate --samples", "generate --threads", "generate --season",
                "train --batch", "evaluate --seeds", "evaluate --season",
                "fit --evaluations", "fit --population", "fit --seeds", "fit --threads", "fit --season", "forecast --periods",
                "forecast --runs", "sensitivity --seeds", "download --parallel", "predict --season")) {
            values.put(o, ints);
        }
        values.put("reproduce --seeds", cheapInts);
        for (String o : List.of("ising --seed", "simulate --seed", "simulate --steps", "generate --seed", "generate --steps",
                "evaluate --steps", "fit --steps", "forecast --steps", "sensitivity --steps", "train --seed")) {
            values.put(o, longs);
        }
        values.put("train --epochs", cheapInts);
        for (String o : List.of("ising --temperature", "ising --field", "simulate --temperature", "train --learning-rate",
                "train --validation")) {
            values.put(o, reals);
        }
        for (String o : List.of("measure --from", "measure --to", "simulate --start", "simulate --end", "fit --period", "forecast --from",
                "download --from", "download --to")) {
            values.put(o, dates);
        }
        for (String o : List.of("measure --area", "simulate --area", "generate --area", "forecast --area")) {
            values.put(o, areas);
        }
        values.put("simulate --params", List.of("", "1,2,3,4", "1,2,3,4,5,6", "NaN,0,0,0,0", "1,0,0,0,Infinity", "a,b,c,d,e", "1;2;3;4;5"));
        values.put("ising --spins", List.of("", "quantum", "BINARY "));
        values.put("ising --boundary", List.of("", "spherical"));
        values.put("ising --start", List.of("", "sideways"));
        values.put("train --network", List.of("", "gpt", "CNN2"));
        values.put("reproduce --scale", List.of("", "huge", "QUICK!"));
        values.put("reproduce --boxes", List.of("", "tiny", "J=5..1"));
        values.put("sensitivity --boxes", List.of("", "tiny", "J=5..1"));
        values.put("generate --melt-bounds", List.of("", "J=5..1,B0=0..1,Bx=0..1,By=0..1,I=1..2", "J=NaN..1", "J=0..1", "nonsense"));
        values.put("generate --freeze-bounds", List.of("", "J=0..1e400,B0=0..1,Bx=0..1,By=0..1,I=1..2", "B0=1..0"));
        values.put("download --product", List.of("", "nsidc-9999", "../../etc"));
        values.put("download --cmr-url", List.of("", "ftp://example.org", "http://exa mple.org", "file:///etc/passwd", "https://"));
        values.put("download --login-url", List.of("", "javascript:alert(1)", "https://[::1"));
        values.put("measure --data", List.of("", "/proc/iceising", "a\u0000b"));
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            String[] co = e.getKey().split(" ");
            for (String v : e.getValue()) {
                String out = dir("args").toString();
                List<String> args = new ArrayList<>(base.get(co[0]).stream().map(a -> a.replace("{out}", out)).toList());
                int at = args.indexOf(co[1]);
                if (at >= 0) {
                    args.set(at + 1, v);
                } else {
                    args.add(co[1]);
                    args.add(v);
                }
                // a value the option takes runs the command (cheaply); one it does not is a line naming the option
                cases.add(new Case(cat + ": " + co[0], co[1] + " '" + v + "'", args, Expect.FAILS, 1, List.of(co[1]), true,
                        List.of(SAMPLE), 120, v));
            }
        }
    }

    private void trainingSets(Fixtures fx) throws IOException {
        String cat = "5 damaged training sets";
        List<Path> files;
        try (Stream<Path> s = Files.list(fx.set())) {
            files = s.filter(p -> p.toString().endsWith(TrainingSetFile.SUFFIX)).sorted().toList();
        }
        Path victim = files.get(3);
        byte[] real = bytes(victim);
        // the signature, version, committed count and the header's fields up to the parameter bounds lie in the first 120 bytes
        int headerLength = 120;
        int n = real.length;
        Random random = new Random(5);
        List<byte[]> damaged = new ArrayList<>();
        List<String> what = new ArrayList<>();
        for (int length : new int[] {0, 7, headerLength / 2, headerLength, headerLength + 1, n / 2, n - 1}) {
            damaged.add(Arrays.copyOf(real, length));
            what.add("cut to " + length + " of " + n + " bytes");
        }
        damaged.add(Arrays.copyOf(real, n + 100));
        what.add("grown by 100 bytes");
        for (int k = 0; k < 10; k++) {
            byte[] b = real.clone();
            int at = k < 3 ? random.nextInt(headerLength) : headerLength + random.nextInt(n - headerLength - 50);
            for (int i = at; i < at + 50; i++) {
                b[i] ^= (byte) (1 + random.nextInt(255));
            }
            damaged.add(b);
            what.add("50 bytes changed at " + at + (at < headerLength ? " (header)" : ""));
        }
        byte[] other = bytes(files.get(4));
        byte[] swapped = real.clone();
        System.arraycopy(other, 0, swapped, 0, headerLength);
        damaged.add(swapped);
        what.add("the header fields of another period on its body");
        byte[] zero = real.clone();
        Arrays.fill(zero, 0, Math.min(64, n), (byte) 0);
        damaged.add(zero);
        what.add("first 64 bytes zeroed");
        for (int i = 0; i < damaged.size(); i++) {
            Path set = dir("set");
            copyTree(fx.set(), set);
            Files.write(set.resolve(victim.getFileName()), damaged.get(i));
            String name = victim.getFileName().toString();
            add(cat, "train: " + what.get(i), Expect.FAILS, 1, List.of(name), false, List.of(set), "train", "--set", set.toString(),
                    "--epochs", "1", "--batch", "16", "--out", dir("train-out").resolve("m.iceising").toString());
            if (i % 4 == 0) {
                add(cat, "evaluate --set: " + what.get(i), Expect.FAILS, 1, List.of(name), false, List.of(set), "evaluate", "--model",
                        fx.model().toString(), "--set", set.toString(), "--seeds", "1", "--steps", "1000");
            }
        }
        for (String special : List.of("pipe", "folder", "/dev/zero", "3 GB sparse")) {
            Path set = dir("set-special");
            copyTree(fx.set(), set);
            Path target = set.resolve(victim.getFileName());
            Files.delete(target);
            switch (special) {
                case "pipe" -> SpecialFiles.fifo(set, victim.getFileName().toString());
                case "folder" -> Files.createDirectories(target);
                case "/dev/zero" -> Files.createSymbolicLink(target, Path.of("/dev/zero"));
                default -> {
                    Files.write(target, real);
                    try (RandomAccessFile raf = new RandomAccessFile(target.toFile(), "rw")) {
                        raf.setLength(THREE_GB);
                    }
                }
            }
            add(cat, "train: a " + special + " in place of one file", Expect.FAILS, 1, List.of(victim.getFileName().toString()), false,
                    List.of(set), "train", "--set", set.toString(), "--epochs", "1", "--batch", "16", "--out",
                    dir("train-out").resolve("m.iceising").toString());
        }
        Path empty = dir("set-empty");
        add(cat, "train: an empty folder", Expect.FAILS, 1, List.of(empty.getFileName().toString()), false, List.of(empty), "train",
                "--set", empty.toString(), "--epochs", "1", "--out", dir("train-out").resolve("m.iceising").toString());
        add(cat, "train: a grid as the set", Expect.FAILS, 1, List.of(NT.getFileName().toString()), false, List.of(SAMPLE), "train",
                "--set", NT.toString(), "--epochs", "1", "--out", dir("train-out").resolve("m.iceising").toString());
        // a damaged file in a set that generate resumes
        Path resume = dir("resume");
        copyTree(fx.set(), resume);
        Files.write(resume.resolve(victim.getFileName()), Arrays.copyOf(real, n / 2 + 3));
        add(cat, "generate resuming a set with a damaged file", Expect.FAILS, 1, List.of(victim.getFileName().toString()), true,
                List.of(), "generate", "--samples", "12", "--steps", "5000", "--seed", "2", "--out", resume.toString());
    }

    private void models(Fixtures fx) throws IOException {
        String cat = "5 damaged model files";
        byte[] real = bytes(fx.model());
        int n = real.length;
        String name = fx.model().getFileName().toString();
        Random random = new Random(7);
        Map<String, byte[]> damaged = new LinkedHashMap<>();
        // a cut inside the archive's closing directory leaves every entry whole (each checked by its CRC)
        int directory = centralDirectory(real);
        for (int length : new int[] {0, 2, 30, 100, n / 10, n / 2, directory - 1, n - 22, n - 1}) {
            damaged.put("cut to " + length + " of " + n + " bytes" + (length >= directory ? " (every entry whole)" : ""),
                    Arrays.copyOf(real, length));
        }
        for (int k = 0; k < 10; k++) {
            byte[] b = real.clone();
            int at = random.nextInt(n - 40);
            for (int i = at; i < at + 20; i++) {
                b[i] ^= (byte) (1 + random.nextInt(255));
            }
            damaged.put("20 bytes changed at " + at, b);
        }
        damaged.put("a text file", "hello\n".getBytes(StandardCharsets.US_ASCII));
        damaged.put("a grid", bytes(NT));
        damaged.put("a training-set file", bytes(fx.set().resolve(firstSetFile(fx.set()))));
        damaged.put("the network entry inflating to 3 GiB", hugeZip(fx.model()));
        for (Map.Entry<String, byte[]> d : damaged.entrySet()) {
            Path m = Files.write(dir("model").resolve(name), d.getValue());
            add(cat, "predict: " + d.getKey(), Expect.FAILS, 1, List.of(name), d.getKey().contains("changed")
                    || d.getKey().contains("whole"), List.of(m.getParent()),
                    "predict", "--model", m.toString());
        }
        Path d = dir("model-special");
        SpecialFiles.fifo(d, "pipe.iceising");
        Files.createDirectories(d.resolve("folder.iceising"));
        Files.createSymbolicLink(d.resolve("zero.iceising"), Path.of("/dev/zero"));
        Path sparse = Files.copy(fx.model(), d.resolve("sparse.iceising"));
        try (RandomAccessFile raf = new RandomAccessFile(sparse.toFile(), "rw")) {
            raf.setLength(THREE_GB);
        }
        for (String special : List.of("pipe.iceising", "folder.iceising", "zero.iceising", "sparse.iceising", "missing.iceising")) {
            // the archive is read as a stream: the zeros after its end are never reached
            boolean whole = special.startsWith("sparse");
            add(cat, "predict: " + special, Expect.FAILS, 1, List.of(special), whole, List.of(d), "predict", "--model",
                    d.resolve(special).toString());
            add(cat, "evaluate: " + special, Expect.FAILS, 1, List.of(special), whole, List.of(d), "evaluate", "--model",
                    d.resolve(special).toString(), "--seeds", "1", "--steps", "1000");
        }
        add(cat, "predict: a folder of grids as the model", Expect.FAILS, 1, List.of("nt_2018"), false, List.of(SAMPLE), "predict",
                "--model", SAMPLE.resolve("nt_2018").toString());
    }

    /** Where a zip archive's central directory starts (the end record, 22 bytes without a comment, says). */
    private static int centralDirectory(byte[] zip) {
        for (int i = zip.length - 22; i >= 0; i--) {
            if (zip[i] == 0x50 && zip[i + 1] == 0x4b && zip[i + 2] == 0x05 && zip[i + 3] == 0x06) {
                return java.nio.ByteBuffer.wrap(zip, i + 16, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
            }
        }
        throw new IllegalStateException("not a zip archive");
    }

    private static String firstSetFile(Path set) throws IOException {
        try (Stream<Path> s = Files.list(set)) {
            return s.filter(p -> p.toString().endsWith(TrainingSetFile.SUFFIX)).sorted().findFirst().orElseThrow().getFileName().toString();
        }
    }

    /** The real model's archive with its metadata kept and every other entry inflating to 3 GiB of spaces (a few MB on disk). */
    private static byte[] hugeZip(Path model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(model)); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().endsWith(".properties")) {
                    in.transferTo(zip);
                } else {
                    for (int i = 0; i < 3 * 1024; i++) {
                        zip.write(spaces);
                    }
                }
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Every output option pointed at things that must not be replaced. */
    private void outputs(Fixtures fx) throws IOException {
        String cat = "7 outputs that must not be replaced";
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("measure --csv", List.of("measure", "--from", "2018-09-16", "--to", "2018-09-16", "--csv"));
        commands.put("simulate --out", List.of("simulate", "--start", "2018-09-16", "--params", "1,0,0,0,0", "--steps", "1000", "--out"));
        commands.put("predict --out", List.of("predict", "--model", fx.model().toString(), "--out"));
        commands.put("fit --out", List.of("fit", "--period", "2018-09-16", "--evaluations", "2", "--population", "2", "--seeds", "1",
                "--steps", "1000", "--out"));
        commands.put("forecast --out", List.of("forecast", "--from", "2018-09-16", "--periods", "1", "--params", fx.params().toString(),
                "--runs", "1", "--steps", "1000", "--out"));
        commands.put("train --out", List.of("train", "--set", fx.set().toString(), "--epochs", "1", "--batch", "16", "--out"));
        commands.put("generate --out", List.of("generate", "--samples", "1", "--steps", "1000", "--out"));
        commands.put("sensitivity --out", List.of("sensitivity", "--params", fx.params().toString(), "--seeds", "2", "--steps", "1000",
                "--out"));
        for (Map.Entry<String, List<String>> c : commands.entrySet()) {
            boolean folderOutput = c.getKey().startsWith("generate") || c.getKey().startsWith("sensitivity");
            for (String kind : List.of("a link to a file", "a pipe", "/dev/null", "/dev/full", "a read-only file", "a folder",
                    "under a file", "in /proc", "a name of 300 characters")) {
                if (folderOutput && kind.equals("a folder")) {
                    continue;
                }
                Path d = dir("out");
                Path mine = Files.writeString(d.resolve("mine.txt"), "the user's own file\n");
                Path target = d.resolve("target.csv");
                switch (kind) {
                    case "a link to a file" -> Files.createSymbolicLink(target, mine);
                    case "a pipe" -> SpecialFiles.fifo(d, "target.csv");
                    case "/dev/null" -> target = Path.of("/dev/null");
                    case "/dev/full" -> target = Path.of("/dev/full");
                    case "a read-only file" -> {
                        Files.writeString(target, "read only\n");
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r--r--r--"));
                    }
                    case "a folder" -> Files.writeString(Files.createDirectories(target).resolve("inside.txt"), "kept\n");
                    case "under a file" -> target = mine.resolve("target.csv");
                    case "in /proc" -> target = Path.of("/proc/iceising/target.csv");
                    default -> target = d.resolve("t".repeat(300) + ".csv");
                }
                List<String> args = new ArrayList<>(c.getValue());
                args.add(target.toString());
                boolean readOnlyAsRoot = kind.equals("a read-only file") && isRoot();
                List<Path> watch = kind.equals("a read-only file") && readOnlyAsRoot ? List.of(mine) : List.of(d);
                // the line names the target, or the folder above it that cannot be
                String named = kind.equals("under a file") ? mine.toString() : kind.equals("in /proc") ? target.getParent().toString()
                        : target.getFileName().toString().length() > 40 ? "ttttt" : target.getFileName().toString();
                cases.add(new Case(cat + ": " + c.getKey(), kind + (readOnlyAsRoot ? " (run as root: may be replaced)" : ""), args,
                        Expect.FAILS, 1, List.of(named), readOnlyAsRoot, watch, 120));
            }
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    // ---------------------------------------------------------------- downloads

    /** A server on 127.0.0.1 for CMR and the data host, its answers set per case. */
    static final class HostileServer implements AutoCloseable {
        interface Handler {
            void handle(HttpExchange ex, int request) throws IOException;
        }

        private final HttpServer server;
        private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hostile-server");
            t.setDaemon(true);
            return t;
        });
        final AtomicInteger cmrRequests = new AtomicInteger();
        final AtomicInteger dataRequests = new AtomicInteger();
        volatile Handler cmr;
        volatile Handler data;

        HostileServer() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/search", ex -> serve(ex, cmr, cmrRequests));
            server.createContext("/files", ex -> serve(ex, data, dataRequests));
            server.setExecutor(threads);
            server.start();
        }

        private static void serve(HttpExchange ex, Handler h, AtomicInteger count) {
            try {
                h.handle(ex, count.incrementAndGet());
            } catch (IOException | RuntimeException e) {
                // the client hung up
            } finally {
                ex.close();
            }
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        void set(Handler cmr, Handler data) {
            this.cmr = cmr;
            this.data = data;
            cmrRequests.set(0);
            dataRequests.set(0);
        }

        /** A CMR page listing the sample netCDF file of 2023-01-30 at this server's data host. */
        String page() throws IOException {
            long size = Files.size(NC);
            return "{\"hits\": 1, \"items\": [{\"umm\": {\"DataGranule\": {\"ArchiveAndDistributionInformation\": [{\"Name\": \""
                    + NC.getFileName() + "\", \"SizeInBytes\": " + size + "}]}, \"RelatedUrls\": [{\"URL\": \"" + base() + "/files/"
                    + NC.getFileName() + "\", \"Type\": \"GET DATA\"}]}}]}";
        }

        static void send(HttpExchange ex, int status, byte[] body) throws IOException {
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }

        static void drip(HttpExchange ex, int status, byte[] body, Duration every) throws IOException {
            ex.sendResponseHeaders(status, 0);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; ; i = (i + 1) % body.length) {
                out.write(body[i]);
                out.flush();
                try {
                    Thread.sleep(every.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("stopped");
                }
            }
        }

        /** Sends nothing more until the server stops. */
        static void stall() throws IOException {
            try {
                Thread.sleep(Duration.ofMinutes(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("stopped");
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    private final Map<Case, Runnable> serverSetups = new LinkedHashMap<>();

    /** The download command against the hostile server, with its own limits (the ones a user gets). */
    private void downloads(HostileServer s) throws IOException {
        String cat = "6 downloads: the command against servers on 127.0.0.1";
        // a login for the loopback host, as a user's ~/.netrc would hold one (the data host here never asks for it)
        Files.writeString(Path.of(System.getProperty("user.home")).resolve(".netrc"), "machine 127.0.0.1 login user password pass\n");
        byte[] file = bytes(NC);
        String page = s.page();
        String name = NC.getFileName().toString();
        Map<String, Runnable> scenarios = new LinkedHashMap<>();
        scenarios.put("CMR answers broken JSON", () -> s.set((ex, n) -> HostileServer.send(ex, 200, bytes("{\"items\": [ nope")), null));
        scenarios.put("CMR answers 20,000 nested arrays", () -> s.set((ex, n) -> HostileServer.send(ex, 200, bytes("[".repeat(20_000))), null));
        scenarios.put("CMR answers a 20 kB line of [0]", () -> s.set((ex, n) -> HostileServer.send(ex, 200, bytes("[0]".repeat(7000))), null));
        scenarios.put("CMR answers HTML", () -> s.set((ex, n) -> HostileServer.send(ex, 200, bytes("<html><body>maintenance</body></html>")),
                null));
        scenarios.put("CMR answers 70 MB", () -> s.set((ex, n) -> {
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) ' ');
            ex.sendResponseHeaders(200, 70L * chunk.length + 2);
            try (OutputStream out = ex.getResponseBody()) {
                out.write('[');
                for (int k = 0; k < 70; k++) {
                    out.write(chunk);
                }
                out.write(']');
            }
        }, null));
        // full pages (the command asks for 2000 granules a page), each offering the next
        String item = "{\"umm\": {\"RelatedUrls\": []}}";
        byte[] fullPage = bytes("{\"items\": [" + String.join(",", java.util.Collections.nCopies(2000, item)) + "]}");
        scenarios.put("CMR always offers a next page", () -> s.set((ex, n) -> {
            ex.getResponseHeaders().add("CMR-Search-After", "[\"page\"," + n + "]");
            HostileServer.send(ex, 200, fullPage);
        }, null));
        scenarios.put("CMR asks to come back in a day", () -> s.set((ex, n) -> {
            ex.getResponseHeaders().add("Retry-After", "86400");
            HostileServer.send(ex, 429, new byte[0]);
        }, null));
        scenarios.put("CMR answers 400 with its errors", () -> s.set((ex, n) -> HostileServer.send(ex, 400,
                bytes("{\"errors\": [\"temporal is not a valid range\"]}")), null));
        scenarios.put("CMR finds nothing", () -> s.set((ex, n) -> HostileServer.send(ex, 200, bytes("{\"hits\": 0, \"items\": []}")), null));
        scenarios.put("the data host answers 404", () -> s.set((ex, n) -> HostileServer.send(ex, 200, bytes(page)),
                (ex, n) -> HostileServer.send(ex, 404, bytes("not here"))));
        scenarios.put("the data host sends half the file", () -> s.set((ex, n) -> HostileServer.send(ex, 200, bytes(page)),
                (ex, n) -> HostileServer.send(ex, 200, Arrays.copyOf(file, file.length / 2))));
        scenarios.put("the data host sends an HTML page", () -> s.set((ex, n) -> HostileServer.send(ex, 200, bytes(page)),
                (ex, n) -> HostileServer.send(ex, 200, bytes("<html>log in first</html>"))));
        scenarios.put("the data host sends another day's file", () -> s.set((ex, n) -> HostileServer.send(ex, 200, bytes(page)),
                (ex, n) -> {
                    try {
                        byte[] other = Files.readAllBytes(SAMPLE.resolve("netcdf/NSIDC0081_SEAICE_PS_N25km_20240820_v2.0.nc"));
                        HostileServer.send(ex, 200, other);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }));
        scenarios.put("the data host sends the file with extra bytes", () -> s.set((ex, n) -> HostileServer.send(ex, 200, bytes(page)),
                (ex, n) -> HostileServer.send(ex, 200, Arrays.copyOf(file, file.length + 5000))));
        for (Map.Entry<String, Runnable> sc : scenarios.entrySet()) {
            // the destination is made before CMR is asked (a wrong one costs no search); here it is there already
            Path dest = Files.createDirectories(dir("dl").resolve("dest"));
            boolean perFile = sc.getKey().startsWith("the data host");
            Expect expect = perFile ? Expect.FILE_FAILS : sc.getKey().contains("finds nothing") ? Expect.FAILS : Expect.SERVICE_FAILS;
            // a login host that is never visited: the data host here answers without one
            Case c = new Case(cat, sc.getKey(), List.of("download", "--from", "2023-01-30", "--to", "2023-01-30", "--dest", dest.toString(),
                    "--cmr-url", s.base().toString(), "--login-url", "http://127.0.0.1:9"), expect, 1,
                    perFile ? List.of(name) : List.of(), false, List.of(dest.getParent()), 180);
            cases.add(c);
            serverSetups.put(c, sc.getValue());
        }
        // destinations that cannot be: CMR is never asked
        Path d = dir("dl-dest");
        Path notFolder = Files.writeString(d.resolve("notes.txt"), "mine\n");
        Path pipe = SpecialFiles.fifo(d, "pipe");
        Path dev = Path.of("/dev/null");
        for (Path dest : List.of(notFolder, pipe, dev, Path.of("/proc/iceising"), notFolder.resolve("sub"))) {
            Case c = new Case(cat, "--dest " + (dest == dev ? "/dev/null" : dest.getFileName()), List.of("download", "--from",
                    "2023-01-30", "--to", "2023-01-30", "--dest", dest.toString(), "--cmr-url", s.base().toString(), "--login-url",
                    s.base().toString()), Expect.FAILS, 1, List.of(dest.getFileName().toString()), false, List.of(d), 60);
            cases.add(c);
            serverSetups.put(c, () -> s.set((ex, n) -> {
                throw new IOException("CMR must not be asked");
            }, null));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The servers whose answers take the command's own limits minutes to meet (20 s without a byte, 15
     * minutes per file), run through the downloader with limits of seconds: each must end within its
     * limits with one short line.
     */
    private void serviceDownloads(HostileServer s) throws IOException {
        String cat = "6 downloads: the downloader with short limits";
        byte[] file = bytes(NC);
        String page = s.page();
        Map<String, Runnable> scenarios = new LinkedHashMap<>();
        scenarios.put("CMR trickles a byte every 2 s", () -> s.set((ex, n) -> HostileServer.drip(ex, 200, bytes("{\"items\": []}"),
                Duration.ofSeconds(2)), null));
        scenarios.put("CMR drips below the idle limit", () -> s.set((ex, n) -> HostileServer.drip(ex, 200, bytes("{\"items\": []}"),
                Duration.ofMillis(100)), null));
        scenarios.put("CMR sends headers, then nothing", () -> s.set((ex, n) -> {
            ex.sendResponseHeaders(200, 0);
            ex.getResponseBody().flush();
            HostileServer.stall();
        }, null));
        scenarios.put("CMR is busy, Retry-After 1, then answers", () -> s.set((ex, n) -> {
            if (n == 1) {
                ex.getResponseHeaders().add("Retry-After", "1");
                HostileServer.send(ex, 503, new byte[0]);
            } else {
                HostileServer.send(ex, 200, bytes(page));
            }
        }, (ex, n) -> HostileServer.send(ex, 200, file)));
        scenarios.put("CMR asks for Retry-After 5 with 3 s allowed", () -> s.set((ex, n) -> {
            ex.getResponseHeaders().add("Retry-After", "5");
            HostileServer.send(ex, 503, new byte[0]);
        }, null));
        scenarios.put("the data host drips below the idle limit", () -> s.set((ex, n) -> HostileServer.send(ex, 200, bytes(page)),
                (ex, n) -> HostileServer.drip(ex, 200, file, Duration.ofMillis(50))));
        scenarios.put("the data host stalls after half the file", () -> s.set((ex, n) -> HostileServer.send(ex, 200, bytes(page)),
                (ex, n) -> {
                    ex.sendResponseHeaders(200, file.length);
                    OutputStream out = ex.getResponseBody();
                    out.write(file, 0, file.length / 2);
                    out.flush();
                    HostileServer.stall();
                }));
        scenarios.put("the data host sends an endless error page", () -> s.set((ex, n) -> HostileServer.send(ex, 200, bytes(page)),
                (ex, n) -> HostileServer.drip(ex, 502, bytes("<html>bad gateway</html>"), Duration.ofMillis(1))));
        for (Map.Entry<String, Runnable> sc : scenarios.entrySet()) {
            sc.getValue().run();
            Path dest = dir("svc").resolve("dest");
            boolean retryAfter5 = sc.getKey().contains("Retry-After 5");
            DownloadRequest request = DownloadRequest.of(NsidcProduct.NSIDC_0081, LocalDate.of(2023, 1, 30), LocalDate.of(2023, 1, 30), dest)
                    .withCmrUrl(s.base()).withLoginUrl(URI.create("http://127.0.0.1:9"))
                    .withTransfer(new TransferSettings(2000, 2, 3, Duration.ofMillis(10), Duration.ofSeconds(5), Duration.ofSeconds(5),
                            Duration.ofMillis(400), Duration.ofSeconds(retryAfter5 ? 3 : 2), 20, 1 << 20));
            long t0 = System.nanoTime();
            String line;
            boolean ok;
            try {
                var report = new EarthdataDownloader(EarthdataCredentials.none()).download(request, ProgressMonitor.NONE, DownloadListener.NONE);
                List<String> problems = report.failed().stream().map(FileOutcome::problem).toList();
                line = problems.isEmpty() ? report.summary() : String.join(" | ", problems);
                ok = sc.getKey().contains("then answers") ? problems.isEmpty() && report.fetched().size() == 1 : problems.size() == 1;
            } catch (DownloadException e) {
                line = e.getMessage();
                ok = !sc.getKey().contains("then answers");
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            ok &= seconds < 30 && line.length() < 240 && !line.contains("\n") && !JAVA_TEXT.matcher(line).find()
                    && leftovers(dest.getParent()).isEmpty();
            record(new Case(cat, sc.getKey(), List.of(), Expect.FAILS, 1, List.of(), false, List.of(), 30), ok ? "clean" : "unclean",
                    String.format(Locale.ROOT, "%.1f s: %s", seconds, line));
        }
    }

    // ---------------------------------------------------------------- running and judging

    /** Runs one case in this JVM with standard output and error captured (libraries' own prints too). */
    private Outcome execute(Case c) {
        Runnable setup = serverSetups.get(c);
        if (setup != null) {
            setup.run();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int[] code = {-1};
        long t0 = System.nanoTime();
        Thread t = new Thread(() -> {
            CommandLine cl = IceIsingCommand.commandLine(c.args().toArray(String[]::new));
            cl.setOut(new PrintWriter(o, true));
            cl.setErr(new PrintWriter(e, true));
            code[0] = cl.execute(c.args().toArray(String[]::new));
            cl.getOut().flush();
            cl.getErr().flush();
        }, "case");
        t.setDaemon(true);
        System.setOut(o);
        System.setErr(e);
        boolean timedOut;
        try {
            t.start();
            t.join(c.timeoutSeconds() * 1000L);
            timedOut = t.isAlive();
            if (timedOut) {
                t.interrupt();
                unblockPipes(c);
                t.join(10_000);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            timedOut = true;
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new Outcome(code[0], out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), timedOut, ms);
    }

    /** A command stuck on a named pipe is let go by opening the pipe's other end. */
    private static void unblockPipes(Case c) {
        for (String a : c.args()) {
            Path p;
            try {
                p = Path.of(a);
            } catch (RuntimeException e) {
                continue;
            }
            List<Path> candidates = new ArrayList<>(List.of(p));
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p, 3)) {
                    candidates.addAll(s.toList());
                } catch (IOException | RuntimeException e) {
                    // nothing to let go
                }
            }
            for (Path q : candidates) {
                if (Files.exists(q) && !Files.isRegularFile(q) && !Files.isDirectory(q) && !q.startsWith(Path.of("/dev"))) {
                    Thread opener = new Thread(() -> {
                        try (var ch = java.nio.channels.FileChannel.open(q, StandardOpenOption.WRITE)) {
                            ch.write(java.nio.ByteBuffer.allocate(1));
                        } catch (IOException | RuntimeException e) {
                            // gone
                        }
                    });
                    opener.setDaemon(true);
                    opener.start();
                }
            }
        }
    }

    private void judge(Case c, Outcome o) {
        List<String> problems = new ArrayList<>();
        List<String> errLines = o.err().lines().filter(l -> !PROGRESS.matcher(l).matches()).toList();
        List<String> faults = errLines.stream().filter(l -> !l.contains(": note: ")).toList();
        String verdict;
        if (o.timedOut()) {
            problems.add("did not end within " + c.timeoutSeconds() + " s");
        }
        if (JAVA_TEXT.matcher(o.err()).find() || JAVA_TEXT.matcher(o.out()).find()) {
            problems.add("Java text in the output");
        }
        for (String l : errLines) {
            if (!l.startsWith("iceising ")) {
                problems.add("a stderr line that is not the command's: " + abbreviate(l));
            }
        }
        boolean read = false;
        if (o.code() == 0 && c.mayRead()) {
            read = true;
        } else if (!o.timedOut()) {
            switch (c.expect()) {
                case FAILS, SERVICE_FAILS -> {
                    int expected = c.expect() == Expect.FAILS ? IceIsingCommand.USER_ERROR : 1;
                    if (o.code() != expected) {
                        problems.add("exit code " + o.code() + ", expected " + expected);
                    }
                    if (c.lines() > 0 && faults.size() != c.lines()) {
                        problems.add(faults.size() + " stderr lines, expected " + c.lines());
                    }
                    if (!o.out().isBlank()) {
                        problems.add("standard output on a failure");
                    }
                }
                case SKIPS -> {
                    if (o.code() != IceIsingCommand.SOME_INPUTS_SKIPPED && !(c.mayRead() && o.code() == IceIsingCommand.USER_ERROR)) {
                        problems.add("exit code " + o.code() + ", expected 3");
                    }
                    if (c.lines() > 0 && faults.size() != c.lines()) {
                        problems.add(faults.size() + " stderr lines, expected " + c.lines());
                    }
                    if (o.code() == IceIsingCommand.SOME_INPUTS_SKIPPED && o.out().isBlank()) {
                        problems.add("no results for the readable inputs");
                    }
                }
                case FILE_FAILS -> {
                    if (o.code() != 1) {
                        problems.add("exit code " + o.code() + ", expected 1");
                    }
                    if (o.out().lines().noneMatch(l -> l.startsWith("failed: "))) {
                        problems.add("no failed line on standard output");
                    }
                    if (!faults.isEmpty()) {
                        problems.add("stderr lines beside the report: " + faults.size());
                    }
                }
                default -> throw new IllegalStateException();
            }
            String shown = c.expect() == Expect.FILE_FAILS ? o.out() : String.join("\n", faults);
            for (String name : c.names()) {
                boolean valueShown = c.value() != null && (shown.contains("'" + c.value() + "'") || c.value().length() > 2
                        && shown.contains(c.value()));
                if (!shown.contains(name) && !valueShown) {
                    problems.add("does not name " + name + (c.value() == null ? "" : " nor its value"));
                }
            }
        }
        for (Path p : c.unchanged()) {
            String now = state(p);
            if (!now.equals(initialStates.get(p))) {
                problems.add(p.getFileName() + " changed: " + abbreviate(diff(initialStates.get(p), now)));
            }
        }
        List<String> left = leftovers(root);
        if (!left.isEmpty()) {
            problems.add("temporary files left: " + left);
            left.forEach(l -> {
                try {
                    Files.deleteIfExists(Path.of(l));
                } catch (IOException e) {
                    // reported already
                }
            });
        }
        verdict = problems.isEmpty() ? (read ? "read" : "clean") : "unclean";
        record(c, verdict, problems.isEmpty() ? "" : String.join("; ", problems) + "\n\nexit " + o.code() + ", " + o.millis()
                + " ms\n\nstdout:\n" + abbreviate(o.out()) + "\nstderr:\n" + abbreviate(o.err()));
    }

    private final Map<Path, String> initialStates = new LinkedHashMap<>();

    /** Takes the state of every watched path before any case runs. */
    private void snapshot() {
        for (Case c : cases) {
            for (Path p : c.unchanged()) {
                initialStates.computeIfAbsent(p, FaultCampaign::state);
            }
        }
    }

    private static String diff(String before, String after) {
        List<String> b = before == null ? List.of() : before.lines().toList();
        List<String> a = after.lines().toList();
        List<String> changes = new ArrayList<>();
        a.stream().filter(l -> !b.contains(l)).forEach(l -> changes.add("+" + l));
        b.stream().filter(l -> !a.contains(l)).forEach(l -> changes.add("-" + l));
        return String.join(", ", changes);
    }

    /** Names, kinds, sizes, modes and digests of everything under {@code p} (links not followed). */
    static String state(Path p) {
        StringBuilder s = new StringBuilder();
        try (Stream<Path> walk = Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? Files.walk(p) : Stream.of()) {
            for (Path q : walk.sorted().toList()) {
                s.append(p.relativize(q)).append(' ');
                if (Files.isSymbolicLink(q)) {
                    s.append("-> ").append(Files.readSymbolicLink(q));
                } else if (Files.isDirectory(q, LinkOption.NOFOLLOW_LINKS)) {
                    s.append("folder");
                } else if (Files.isRegularFile(q, LinkOption.NOFOLLOW_LINKS)) {
                    long size = Files.size(q);
                    s.append(size).append(' ').append(PosixFilePermissions.toString(Files.getPosixFilePermissions(q, LinkOption.NOFOLLOW_LINKS)));
                    if (size < (64 << 20)) {
                        s.append(' ').append(digest(q));
                    }
                } else {
                    s.append("special");
                }
                s.append('\n');
            }
        } catch (IOException | RuntimeException e) {
            s.append("unreadable: ").append(e.getMessage());
        }
        return s.toString();
    }

    private static String digest(Path q) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(q))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Temporary files (".NAME.RANDOM.part" and the library's side files) anywhere under {@code dir}. */
    private static List<String> leftovers(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".part") || p.getFileName().toString().endsWith(".uncompress"))
                    .map(Path::toString).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 3000 ? s : s.substring(0, 1500) + "\n[... " + (s.length() - 3000) + " characters ...]\n"
                + s.substring(s.length() - 1500);
    }

    private void record(Case c, String verdict, String detail) {
        int[] row = table.computeIfAbsent(c.category(), k -> new int[3]);
        row[0]++;
        if (verdict.equals("clean")) {
            row[1]++;
        } else if (verdict.equals("read")) {
            row[2]++;
        }
        System.err.printf(Locale.ROOT, "%-8s %s: %s%n", verdict, c.category(), c.name().replace('\n', ' '));
        if (verdict.equals("unclean")) {
            unclean.append("### ").append(c.category()).append(": ").append(c.name().replace("\n", "\\n")).append("\n\n    ")
                    .append(String.join(" ", c.args()).replace("\n", "\\n")).append("\n\n```\n").append(detail).append("\n```\n\n");
        }
    }

    private void write(Path out) throws IOException {
        StringBuilder t = new StringBuilder("| fault category | cases | clean | read as it is | unclean |\n|---|---:|---:|---:|---:|\n");
        int[] total = new int[3];
        for (Map.Entry<String, int[]> e : table.entrySet()) {
            int[] r = e.getValue();
            t.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d |%n", e.getKey(), r[0], r[1], r[2], r[0] - r[1] - r[2]));
            for (int i = 0; i < 3; i++) {
                total[i] += r[i];
            }
        }
        t.append(String.format(Locale.ROOT, "| **all** | **%d** | **%d** | **%d** | **%d** |%n", total[0], total[1], total[2],
                total[0] - total[1] - total[2]));
        Files.writeString(out.resolve("table.md"), t.toString());
        Files.writeString(out.resolve("unclean.md"), unclean.length() == 0 ? "No unclean case.\n" : unclean.toString());
        System.err.print(t);
    }

    // ---------------------------------------------------------------- files

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
