package org.iceising.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.iceising.cli.IceIsingCommand;
import org.iceising.data.DataCatalogue;
import org.iceising.data.FocusArea;
import org.iceising.learn.DirectFitter;
import org.iceising.learn.ObservedSeason;
import org.iceising.learn.ParameterBounds;
import org.iceising.learn.SeasonBounds;
import org.iceising.learn.SeasonEvaluation;
import org.iceising.model.Ensemble;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.Measures;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.Season;
import org.iceising.model.Seeds;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jobs in local[2] against the local commands and services on the repository's sample data. */
class SparkJobsTest {
    static final Path SAMPLE = Path.of("..", "sample-data").toAbsolutePath().normalize();
    static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("IceIsing tests").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static ObservedSeason season2018(FocusArea area) {
        return ObservedSeason.load(DataCatalogue.scan(SAMPLE), Season.study(2018), area);
    }

    static List<Row> table(String format, Path dir) {
        return spark.read().format(format).option("header", "true").option("inferSchema", "true").load(dir.toString())
                .collectAsList();
    }

    static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            Set<String> out = new HashSet<>();
            s.forEach(p -> out.add(p.getFileName().toString()));
            return out;
        }
    }

    @Test
    void generateWritesTheLocalCommandsFilesByteForByte() throws IOException {
        String[] common = {"--samples", "6", "--steps", "3000", "--seed", "7"};
        Path focus = tmp.resolve("local-focus");
        Path box = tmp.resolve("local-box");
        assertEquals(0, IceIsingCommand.run(concat(new String[] {"generate", "--data", SAMPLE.toString(), "--season", "2018",
            "--threads", "2", "--out", focus.toString()}, common)));
        assertEquals(0, IceIsingCommand.run(concat(new String[] {"generate", "--data", SAMPLE.toString(), "--season", "2018",
            "--area", "170,70,30,40", "--threads", "1", "--out", box.toString()}, common)));

        Path out = tmp.resolve("spark");
        // the data as a URI, as a cluster names it (hdfs://, s3a://, file://)
        assertEquals(0, SparkMain.run(concat(new String[] {"generate", "--data", SAMPLE.toUri().toString(), "--seasons", "2018,2019",
            "--area", "focus", "--area", "170,70,30,40", "--out", out.toString()}, common)));

        assertEquals(Set.of("2018-focus", "2018-170-70-30-40", "_SUCCESS", "._SUCCESS.crc"), names(out));
        for (Path[] pair : new Path[][] {{focus, out.resolve("2018-focus")}, {box, out.resolve("2018-170-70-30-40")}}) {
            Set<String> local = names(pair[0]);
            assertEquals(13, local.size());
            Set<String> sets = new HashSet<>(names(pair[1]));
            sets.removeIf(n -> n.endsWith(".crc"));
            assertEquals(local, sets);
            for (String n : local) {
                assertArrayEquals(Files.readAllBytes(pair[0].resolve(n)), Files.readAllBytes(pair[1].resolve(n)), n);
            }
        }
    }

    @Test
    void fitAndEvaluateGiveTheLocalServicesNumbers() {
        long seed = 3;
        Path fits = tmp.resolve("fits");
        assertEquals(0, SparkMain.run("fit", "--data", SAMPLE.toString(), "--seasons", "2018", "--evaluations", "4",
                "--population", "2", "--seeds", "2", "--steps", "400", "--seed", Long.toString(seed), "--format", "csv",
                "--out", fits.toString()));
        ObservedSeason observed = season2018(FocusArea.STUDY);
        DirectFitter.Config config = new DirectFitter.Config(2, 4, 2, 0.3, seed, 400, SimulationSettings.study());
        SortedMap<SemiMonthlyPeriod, DirectFitter.Result> local = DirectFitter.fitSeason(observed, SeasonBounds.study(), config, 1,
                ProgressMonitor.NONE);

        // CSV: the doubles must come back exactly from their text
        List<Row> rows = table("csv", fits);
        assertEquals(observed.observedPeriods().size(), rows.size());
        assertEquals(12, rows.size());
        SortedMap<SemiMonthlyPeriod, IsingParams> fitted = new TreeMap<>();
        for (Row r : rows) {
            SemiMonthlyPeriod p = new SemiMonthlyPeriod(LocalDate.parse(r.getAs("period_start").toString()));
            DirectFitter.Result want = local.get(p);
            IsingParams got = new IsingParams(r.getDouble(3), r.getDouble(4), r.getDouble(5), r.getDouble(6), r.getDouble(7));
            assertEquals(2018, r.getInt(0));
            assertEquals("focus", r.getString(1));
            assertEquals(want.params(), got, p.toString());
            assertEquals(want.distance(), r.getDouble(r.fieldIndex("distance")), 0.0);
            assertEquals(want.evaluations(), r.getInt(r.fieldIndex("evaluations")));
            fitted.put(p, got);
        }

        Path evaluated = tmp.resolve("evaluated");
        assertEquals(0, SparkMain.run("evaluate", "--data", SAMPLE.toString(), "--params", fits.toString(), "--params-format",
                "csv", "--seeds", "3", "--steps", "400", "--seed", "5", "--out", evaluated.toString()));
        SeasonEvaluation.Result want = SeasonEvaluation.evaluate(observed, fitted, 3, 5, 400, SimulationSettings.study(), 2,
                ProgressMonitor.NONE);
        Map<LocalDate, Row> byStart = new TreeMap<>();
        for (Row r : table("csv", evaluated)) {
            byStart.put(LocalDate.parse(r.getAs("period_start").toString()), r);
        }
        assertEquals(12, byStart.size());
        for (SeasonEvaluation.Period p : want.periods()) {
            Row r = byStart.get(p.period().start());
            assertEquals(p.coverageObserved(), r.<Double>getAs("coverage_observed"), 0.0);
            assertEquals(p.coverageSimulated(), r.<Double>getAs("coverage_simulated"), 0.0);
            assertEquals(p.coverageStart(), r.<Double>getAs("coverage_persistence"), 0.0);
            assertEquals(p.extentObserved(), r.<Double>getAs("extent_observed"), 0.0);
            assertEquals(p.extentSimulated(), r.<Double>getAs("extent_simulated"), 0.0);
            assertEquals(p.extentStart(), r.<Double>getAs("extent_persistence"), 0.0);
            assertEquals(p.distanceSimulated(), r.<Double>getAs("distance_simulated"), 0.0);
            assertEquals(p.distancePersistence(), r.<Double>getAs("distance_persistence"), 0.0);
        }
    }

    @Test
    void aGridSweepsNumbersAreTheEnsemblesMeansFromTheObservedStart() {
        long seed = 11;
        Path out = tmp.resolve("sweep");
        assertEquals(0, SparkMain.run("sweep", "--data", SAMPLE.toString(), "--season", "2018", "--period", "2018-07-01",
                "--period", "2018-10-01", "--grid", "2", "--seeds", "2", "--steps", "300", "--seed", Long.toString(seed),
                "--partitions", "3", "--format", "parquet", "--out", out.toString()));
        List<Row> rows = table("parquet", out);
        assertEquals(2 * 32, rows.size());
        ObservedSeason observed = season2018(FocusArea.STUDY);
        Map<LocalDate, Set<IsingParams>> corners = new TreeMap<>();
        for (Row r : rows) {
            SemiMonthlyPeriod p = new SemiMonthlyPeriod(LocalDate.parse(r.getString(0)));
            IsingParams params = new IsingParams(r.getDouble(2), r.getDouble(3), r.getDouble(4), r.getDouble(5), r.getDouble(6));
            ParameterBounds box = SeasonBounds.study().forPeriod(p);
            for (int k = 0; k < 5; k++) {
                double v = params.toArray()[k];
                assertTrue(v == box.lower(k) || v == box.upper(k), "a 2-point grid holds the box's corners");
            }
            corners.computeIfAbsent(p.start(), d -> new HashSet<>()).add(params);
            // K chains from the observed start, chain k seeded as evaluate seeds it, measured independently here
            ObservedSeason.Pair pair = observed.pair(p);
            List<Lattice> ends = Ensemble.run(pair.start(), params, SimulationSettings.study(),
                    SemiMonthlyPeriod.stepsFor(pair.start().activeCount(), 300), 2, Seeds.forRun(seed, p.start().toEpochDay()), 1,
                    ProgressMonitor.NONE);
            double coverage = (Measures.coverage(ends.get(0)) + Measures.coverage(ends.get(1))) / 2;
            double extent = (Measures.extentFraction(ends.get(0)) + Measures.extentFraction(ends.get(1))) / 2;
            double distance = (Measures.distance(ends.get(0), pair.end()) + Measures.distance(ends.get(1), pair.end())) / 2;
            assertEquals(coverage, r.getDouble(7), 1e-12);
            assertEquals(extent, r.getDouble(8), 1e-12);
            assertEquals(distance, r.getDouble(9), 1e-12);
        }
        assertEquals(Set.of(LocalDate.of(2018, 7, 1), LocalDate.of(2018, 10, 1)), corners.keySet());
        corners.values().forEach(c -> assertEquals(32, c.size()));
    }

    @Test
    void aRandomSweepDrawsEachSetFromItsOwnSeedInTheBox() {
        Path out = tmp.resolve("random");
        String box = "J=2..3,B0=-1..1,Bx=-2..0,By=0..2,I=5..6";
        assertEquals(0, SparkMain.run("sweep", "--data", SAMPLE.toString(), "--period", "2018-08-01", "--box", box, "--random", "5",
                "--seeds", "1", "--steps", "200", "--seed", "4", "--out", out.toString()));
        List<Row> rows = table("csv", out);
        assertEquals(5, rows.size());
        ParameterBounds b = ParameterBounds.parse(box);
        for (Row r : rows) {
            long set = ((Number) r.getAs("set")).longValue();
            IsingParams want = b.sample(new SplittableRandom(Seeds.forRun(4, set)));
            IsingParams got = new IsingParams(r.<Double>getAs("J"), r.<Double>getAs("B0"), r.<Double>getAs("Bx"),
                    r.<Double>getAs("By"), r.<Double>getAs("I"));
            assertEquals(want, got);
            assertTrue(b.contains(got));
        }
    }

    @Test
    void anExistingOutputFolderIsRefusedInOneLine() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("taken"));
        Run r = run("sweep", "--data", SAMPLE.toString(), "--grid", "1", "--out", out.toString());
        assertEquals(IceIsingCommand.USER_ERROR, r.code());
        assertEquals(List.of("iceising-spark sweep: output folder " + out + " already exists; a job never overwrites, "
                + "choose another folder"), r.err().lines().filter(l -> l.startsWith("iceising-spark")).toList());
        assertEquals(Set.of(), names(out));
    }

    /** A job's exit code and what it wrote to standard error (Spark's own log lines included). */
    record Run(int code, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream before = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = SparkMain.run(args);
            return new Run(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(before);
        }
    }

    static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
