package org.iceising.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iceising.data.DataCatalogue;
import org.iceising.data.FocusArea;
import org.iceising.data.SampleData;
import org.iceising.model.IsingParams;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.Season;
import org.iceising.model.SemiMonthlyPeriod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensitivityTest {
    @TempDir
    Path dir;

    @Test
    void sweepsMoveTheIceTheWayTheFieldPushesAndTheTradeOffsAreCorrelations() throws Exception {
        ObservedSeason season = ObservedSeason.load(DataCatalogue.scan(SampleData.directory()), Season.study(2018), FocusArea.STUDY);
        SemiMonthlyPeriod p = new SemiMonthlyPeriod(java.time.LocalDate.of(2018, 10, 1));
        Sensitivity.Result r = Sensitivity.analyse(season.pair(p), new IsingParams(1, -10, -5, 0, 10), ParameterBounds.wide(), 3, 7, 10_000,
                2, ProgressMonitor.NONE);
        assertEquals(5 * Sensitivity.POINTS, r.sweeps().size());
        List<Sensitivity.Point> b0 = r.sweeps().stream().filter(x -> x.parameter() == 1).toList();
        // B > 0 favours water (s = +1): the ice at B0 = -20 exceeds that at B0 = +20
        assertEquals(-20, b0.get(0).value(), 1e-12);
        assertEquals(20, b0.get(b0.size() - 1).value(), 1e-12);
        assertTrue(b0.get(0).coverage() > b0.get(b0.size() - 1).coverage() + 0.05, b0.toString());
        assertTrue(r.coverageRatio(1) > 1, "B0 moves coverage beyond the chain spread: " + r.coverageRatio(1));
        for (int a = 0; a < 5; a++) {
            assertEquals(1, r.correlation()[a][a], 1e-9);
            for (int c = 0; c < 5; c++) {
                assertEquals(r.correlation()[a][c], r.correlation()[c][a], 1e-9);
                assertTrue(Math.abs(r.correlation()[a][c]) <= 1 + 1e-9);
            }
        }
        Sensitivity.write(dir, List.of(r), "wide");
        List<String> summary = Files.readAllLines(dir.resolve("sensitivity_summary.csv"));
        assertEquals(1 + 5, summary.size());
        assertTrue(summary.get(0).startsWith("period_start,parameter,value,coverage_range_sd"), summary.get(0));
        assertEquals(1 + 5 * Sensitivity.POINTS, Files.readAllLines(dir.resolve("sensitivity.csv")).size());
        assertTrue(Files.readString(dir.resolve("sensitivity.md")).contains("| B0 |"));
    }
}
