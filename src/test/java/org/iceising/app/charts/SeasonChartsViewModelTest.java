package org.iceising.app.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.iceising.app.parameters.ParametersViewModel;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.app.task.SameThreadJobRunner;
import org.iceising.data.DataCatalogue;
import org.iceising.data.FocusArea;
import org.iceising.data.SampleData;
import org.iceising.learn.DirectFitter;
import org.iceising.learn.IntervalsFile;
import org.iceising.learn.ParamsFile;
import org.iceising.learn.ObservedSeason;
import org.iceising.learn.Reproduction;
import org.iceising.learn.SeasonBounds;
import org.iceising.model.IsingParams;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.Season;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Season charts' K-chain points and bands on real 2018 grids, against a reproduction's own table. */
class SeasonChartsViewModelTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path table;

    /** A tiny reproduction (K = 2, seed 3, 3,000 steps per 3,600 cells) of four real boundary grids of 2018: three periods. */
    @BeforeAll
    static void reproduce() throws Exception {
        data = Files.createDirectories(dir.resolve("data"));
        for (String day : List.of("20180901", "20180916", "20181001", "20181016")) {
            String name = "nt_" + day + "_f18_nrt_n.bin";
            Files.copy(SampleData.directory().resolve("nt_2018").resolve(name), data.resolve(name));
        }
        ObservedSeason season = ObservedSeason.load(DataCatalogue.scan(data), Season.study(2018), FocusArea.STUDY);
        Reproduction.Config config = new Reproduction.Config(12, 1, 0.25, 3, "cnn", "wide", SeasonBounds.wide(),
                new DirectFitter.Config(1, 8, 4, 0.3, 3, 3000, SimulationSettings.study()), 2, 3, 2);
        Reproduction.run(season, Map.of(), dir.resolve("run"), config, (n, s, t) -> { }, ProgressMonitor.NONE);
        table = dir.resolve("run").resolve("table.csv");
    }

    private record Charts(SeasonViewModel season, ParametersViewModel parameters, SeasonChartsViewModel charts) {
    }

    private static Charts open(Path folder) {
        SameThreadJobRunner runner = new SameThreadJobRunner();
        SeasonViewModel season = new SeasonViewModel(runner);
        ParametersViewModel parameters = new ParametersViewModel(runner);
        SeasonChartsViewModel charts = new SeasonChartsViewModel(season, parameters, runner);
        season.open(folder, 2018);
        return new Charts(season, parameters, charts);
    }

    @Test
    void withAReproductionsParametersAndSpreadsTheChartsDrawItsMeansAndCombinedSpread() throws Exception {
        Charts c = open(data);
        c.parameters().seedProperty().set(3);
        c.parameters().stepsPer3600Property().set(3000);
        c.charts().chainsProperty().set(2);
        // what the reproduction re-simulated with: its refined parameters and the refinement's calibrated spread
        SortedMap<SemiMonthlyPeriod, IsingParams> refined = ParamsFile.read(dir.resolve("run").resolve("refined.csv"));
        double[] sd = IntervalsFile.read(dir.resolve("run").resolve("intervals.csv")).get("refined").intervals().sd();
        Map<SemiMonthlyPeriod, double[]> spreads = new TreeMap<>();
        refined.keySet().forEach(p -> spreads.put(p, sd));
        c.parameters().usePerPeriod(refined, spreads, c.season().periodProperty().get());
        c.charts().runSeason();
        List<String> lines = Files.readAllLines(table);
        assertEquals(4, lines.size(), "three periods observed at both ends");
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",");
            LocalDate end = LocalDate.parse(v[1]);
            CsvExport.SeriesPoint point = c.charts().simulated().get(end);
            CsvExport.Band band = c.charts().bands().get(end);
            // table.csv: coverage_sim (14), coverage_sim_sd (15), extent_sim (18), extent_sim_sd (19), in % with three decimals
            assertEquals(Double.parseDouble(v[14]), 100 * point.coverage(), 0.0005 + 1e-9, line);
            assertEquals(Double.parseDouble(v[18]), 100 * point.extent(), 0.0005 + 1e-9, line);
            assertTrue(band.hasCombined(), line);
            assertEquals(Double.parseDouble(v[15]), 100 * band.coverageCombinedSd(), 0.0005 + 1e-9, line);
            assertEquals(Double.parseDouble(v[19]), 100 * band.extentCombinedSd(), 0.0005 + 1e-9, line);
            assertTrue(band.coverageChainSd() >= 0 && band.extentChainSd() >= 0, line);
        }
        // 16 Oct has an observed start but no row: it runs with the knobs and has the chain band only
        CsvExport.Band lastBand = c.charts().bands().get(LocalDate.of(2018, 11, 1));
        assertFalse(lastBand.hasCombined());
        assertTrue(c.charts().noteProperty().get().contains("3 with their parameters' spread"), c.charts().noteProperty().get());
        String csv = c.charts().csv();
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("2018-11-01,") && l.endsWith(",,")), csv);

        // a direct change of a period's parameters drops its spread; the next run draws no combined band there
        SemiMonthlyPeriod sept16 = new SemiMonthlyPeriod(LocalDate.of(2018, 9, 16));
        c.parameters().perPeriod().put(sept16, new IsingParams(2, -10, 0, 0, 5));
        assertFalse(c.parameters().perPeriodSpread().containsKey(sept16));
        c.charts().runSeason();
        assertFalse(c.charts().bands().get(sept16.end()).hasCombined());
        assertTrue(c.charts().bands().get(LocalDate.of(2018, 9, 16)).hasCombined(), "1–16 Sep keeps its spread");
    }

    @Test
    void loadingATableGivesThePeriodsItsParametersAndSpreadsAndRunsTheSeason() throws Exception {
        Charts c = open(data);
        c.charts().chainsProperty().set(2);
        c.charts().loadTable(table);
        List<String> lines = Files.readAllLines(table);
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",");
            SemiMonthlyPeriod p = new SemiMonthlyPeriod(LocalDate.parse(v[0]));
            assertEquals(IsingParams.parse(String.join(",", v[3], v[4], v[5], v[6], v[7])), c.parameters().perPeriod().get(p));
            assertArrayEquals(new double[] {Double.parseDouble(v[8]), Double.parseDouble(v[9]), Double.parseDouble(v[10]),
                Double.parseDouble(v[11]), Double.parseDouble(v[12])}, c.parameters().perPeriodSpread().get(p), 1e-12);
            assertTrue(c.charts().bands().get(p.end()).hasCombined(), line);
        }
        assertEquals(4, c.charts().simulated().size(), "every period with an observed start");
    }

    @Test
    void aTableOfAnotherSeasonIsSaidSoAndKChainsStayInRange() throws Exception {
        Charts c = open(data);
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "period_start,J,B0,Bx,By,I\n2019-09-01,2,-10,0,0,5\n");
        c.charts().loadTable(other);
        assertEquals("Could not read the parameters: other.csv has no period of the 2018 season", c.charts().noteProperty().get());
        assertTrue(c.charts().simulated().isEmpty());
        c.charts().chainsProperty().set(0);
        assertEquals(1, c.charts().chainsProperty().get());
        c.charts().chainsProperty().set(1000);
        assertEquals(SeasonChartsViewModel.MAX_CHAINS, c.charts().chainsProperty().get());
    }
}
