package org.iceising.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.iceising.data.DataCatalogue;
import org.iceising.data.FocusArea;
import org.iceising.data.SampleData;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.Measures;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.SemiMonthlyPeriod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastAndBaselinesTest {
    static final DataCatalogue SAMPLE = DataCatalogue.scan(SampleData.directory());

    @TempDir
    Path dir;

    static Lattice observed(LocalDate d) {
        return FocusArea.STUDY.lattice(SAMPLE.load(d, FocusArea.STUDY));
    }

    @Test
    void aUniformShiftReachesTheCoverageAndKeepsTheOrderOfCells() {
        Lattice start = observed(LocalDate.of(2018, 9, 16));
        Lattice shifted = Baselines.shifted(start, 0.6);
        assertEquals(0.6, Measures.coverage(shifted), 1e-9);
        // cells that were not clipped moved by the same amount
        double delta = Double.NaN;
        for (int i = 0; i < start.size(); i++) {
            if (start.isActive(i) && shifted.concentration(i) > 0 && shifted.concentration(i) < 1) {
                double d = shifted.concentration(i) - start.concentration(i);
                if (Double.isNaN(delta)) {
                    delta = d;
                }
                assertEquals(delta, d, 1e-9);
            }
        }
        assertTrue(delta > 0);
    }

    @Test
    void aForecastChainsItsPeriodsBesideObservationPersistenceAndAnalogue() throws Exception {
        SortedMap<SemiMonthlyPeriod, IsingParams> params = new TreeMap<>();
        for (LocalDate d : List.of(LocalDate.of(2018, 11, 16), LocalDate.of(2018, 12, 1), LocalDate.of(2018, 12, 16))) {
            params.put(new SemiMonthlyPeriod(d), new IsingParams(2.5, -14, -5, 0, 10));
        }
        LocalDate from = LocalDate.of(2018, 11, 16);
        List<Forecast.Row> rows = Forecast.run(SAMPLE, FocusArea.STUDY, from, 3, params, 2, 5, 5000, ProgressMonitor.NONE);
        assertEquals(3, rows.size());
        Lattice start = observed(from);
        for (int n = 0; n < 3; n++) {
            Forecast.Row r = rows.get(n);
            assertEquals(n == 0 ? from : rows.get(n - 1).period().end(), r.period().start());
            assertEquals(Measures.coverage(start), r.coveragePersistence(), 1e-12);
        }
        for (int n = 0; n < 2; n++) {
            Lattice end = observed(rows.get(n).period().end());
            assertEquals(Measures.coverage(end), rows.get(n).coverageObs(), 1e-12);
            assertEquals(Measures.distance(start, end), rows.get(n).distancePersistence(), 1e-12);
            // the parameters are this season's own, so the analogue's coverage change is the observed one
            assertEquals(rows.get(n).coverageObs(), rows.get(n).coverageAnalogue(), 1e-6);
        }
        // 2019-01-01 has no grid: nothing to compare the last period with
        assertTrue(Double.isNaN(rows.get(2).coverageObs()) && Double.isNaN(rows.get(2).distanceSim()));
        Path csv = dir.resolve("f.csv");
        Forecast.write(csv, rows);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(Forecast.HEADER, lines.get(0));
        assertEquals(Forecast.HEADER.split(",").length, lines.get(3).split(",", -1).length);
        assertTrue(lines.get(3).contains(",,"), lines.get(3));
        assertThrows(IllegalArgumentException.class,
                () -> Forecast.run(SAMPLE, FocusArea.STUDY, from, 4, params, 1, 5, 5000, ProgressMonitor.NONE));
    }
}
