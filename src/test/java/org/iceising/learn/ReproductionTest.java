package org.iceising.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.iceising.data.DataCatalogue;
import org.iceising.data.FocusArea;
import org.iceising.data.SampleData;
import org.iceising.model.Lattice;
import org.iceising.model.Measures;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.Season;
import org.iceising.model.SimulationSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protocol at a tiny scale on a partial season: four real boundary grids of 2018, three periods observed at both ends. */
class ReproductionTest {
    @TempDir
    static Path dir;
    static ObservedSeason season;
    static Path run;
    static List<String> firstStages = new ArrayList<>();
    static List<Reproduction.Row> rows;

    static Reproduction.Config tiny(long seed) {
        return new Reproduction.Config(12, 1, 0.25, 3, "cnn", "wide", SeasonBounds.wide(),
                new DirectFitter.Config(1, 8, 4, 0.3, seed, 3000, SimulationSettings.study()), 2, seed, 2);
    }

    @BeforeAll
    static void runOnce() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        for (String day : List.of("20180901", "20180916", "20181001", "20181016")) {
            String name = "nt_" + day + "_f18_nrt_n.bin";
            Files.copy(SampleData.directory().resolve("nt_2018").resolve(name), data.resolve(name));
        }
        season = ObservedSeason.load(DataCatalogue.scan(data), Season.study(2018), FocusArea.STUDY);
        run = dir.resolve("run");
        rows = Reproduction.run(season, Map.of(), run, tiny(3), (name, skipped, s) -> firstStages.add(name + (skipped ? " skipped" : "")),
                ProgressMonitor.NONE);
    }

    @Test
    void everyStageRunsOnceAndTheTableHasOneRowPerPeriodObservedAtBothEnds() throws Exception {
        assertEquals(Reproduction.STAGES, firstStages);
        List<String> lines = Files.readAllLines(run.resolve("table.csv"));
        assertEquals(Reproduction.TABLE_HEADER, lines.get(0));
        assertEquals(25, lines.get(0).split(",").length);
        assertEquals(List.of("2018-09-01", "2018-09-16", "2018-10-01"), lines.subList(1, lines.size()).stream().map(l -> l.split(",")[0]).toList());
        for (int n = 0; n < rows.size(); n++) {
            Reproduction.Row r = rows.get(n);
            ObservedSeason.Pair pair = season.pair(r.period());
            String[] v = lines.get(n + 1).split(",");
            assertEquals(100 * Measures.coverage(pair.end()), Double.parseDouble(v[13]), 1e-3);
            assertEquals(100 * Measures.coverage(pair.start()), Double.parseDouble(v[16]), 1e-3);
            assertEquals(Measures.distance(pair.start(), pair.end()), Double.parseDouble(v[23]), 1e-5);
            assertTrue(ParameterBounds.wide().contains(r.params()), r.params().toString());
            for (double sd : r.sd()) {
                assertTrue(sd >= 0);
            }
            // the mean of the chains is smoother than each chain: its distance is not larger than their mean distance
            assertTrue(r.distanceEnsemble() <= r.distanceSim() + 1e-12);
        }
        // the study's calendar regimes: a period starting before 15 September melts
        assertEquals(List.of("melt", "freeze", "freeze"), lines.subList(1, lines.size()).stream().map(l -> l.split(",")[2]).toList());
    }

    @Test
    void theReportShowsTheFiguresAsPng() throws Exception {
        for (String f : List.of(ReproductionReport.OBSERVED, ReproductionReport.SIMULATED, ReproductionReport.DIFFERENCE,
                ReproductionReport.COVERAGE, ReproductionReport.EXTENT, ReproductionReport.TABLE)) {
            BufferedImage img = ImageIO.read(run.resolve(f).toFile());
            assertTrue(img != null && img.getWidth() > 100 && img.getHeight() > 50, f);
        }
        String md = Files.readString(run.resolve("report.md"));
        assertTrue(md.contains("(" + ReproductionReport.SIMULATED + ")"), md);
        assertTrue(md.contains("Over 3 periods"), md);
        assertTrue(md.contains("| generate |"), md);
    }

    @Test
    void aSecondRunSkipsEveryCompletedStageAndARemovedOutputIsMadeAgainTheSame() throws Exception {
        byte[] table = Files.readAllBytes(run.resolve("table.csv"));
        List<String> again = new ArrayList<>();
        Reproduction.run(season, Map.of(), run, tiny(3), (name, skipped, s) -> again.add(name + (skipped ? " skipped" : "")),
                ProgressMonitor.NONE);
        assertEquals(Reproduction.STAGES.stream().map(s -> s + " skipped").toList(), again);
        Files.delete(run.resolve("table.csv"));
        Files.delete(run.resolve("report.md"));
        List<String> third = new ArrayList<>();
        Reproduction.run(season, Map.of(), run, tiny(3), (name, skipped, s) -> third.add(name + (skipped ? " skipped" : "")),
                ProgressMonitor.NONE);
        assertEquals(List.of("generate skipped", "train skipped", "calibrate skipped", "predict skipped", "refine skipped", "resimulate",
                "report"), third);
        assertArrayEquals(table, Files.readAllBytes(run.resolve("table.csv")));
        Map<String, String> stages = new TreeMap<>();
        for (String line : Files.readAllLines(run.resolve("stages.csv")).subList(1, 8)) {
            stages.put(line.split(",")[0], line.split(",")[1]);
        }
        assertEquals(new TreeMap<>(Map.of("generate", 0, "train", 0, "calibrate", 0, "predict", 0, "refine", 0, "resimulate", 0, "report", 0))
                .keySet(), stages.keySet());
    }

    @Test
    void aFolderOfAnotherRunIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Reproduction.run(season, Map.of(), run, tiny(4), (n, s, t) -> { }, ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("other settings"), e.getMessage());
    }

    @Test
    void aFolderMadeFromOtherObservationsIsRefused() {
        // the same settings, but one boundary day's lattice changed in one cell: other data or another area
        SortedMap<LocalDate, Lattice> other = new TreeMap<>(season.lattices());
        Lattice changed = other.get(LocalDate.of(2018, 9, 1)).copy();
        int cell = IntStream.range(0, changed.size()).filter(changed::isActive).findFirst().orElseThrow();
        changed.setSpin(cell / changed.cols(), cell % changed.cols(), -changed.spin(cell) / 2);
        other.put(LocalDate.of(2018, 9, 1), changed);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Reproduction.run(new ObservedSeason(season.season(), other),
                Map.of(), run, tiny(3), (n, s, t) -> { }, ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("other settings") && e.getMessage().contains("season=2018-06-16..2019-01-01 observed="), e.getMessage());
    }

    @Test
    void aSeasonWithoutAPeriodObservedAtBothEndsIsRefused() {
        ObservedSeason none = new ObservedSeason(Season.study(2018), new TreeMap<>(Map.of(LocalDate.of(2018, 9, 1),
                season.lattices().get(LocalDate.of(2018, 9, 1)))));
        assertThrows(IllegalArgumentException.class,
                () -> Reproduction.run(none, Map.of(), dir.resolve("none"), tiny(3), (n, s, t) -> { }, ProgressMonitor.NONE));
    }
}
