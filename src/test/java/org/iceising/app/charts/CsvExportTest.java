package org.iceising.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExportTest {
    @Test
    void seriesLeavesMissingValuesEmpty() {
        LocalDate a = LocalDate.of(2018, 12, 16);
        LocalDate b = LocalDate.of(2019, 1, 1);
        LocalDate c = LocalDate.of(2018, 12, 1);
        String csv = CsvExport.series(List.of(c, a, b),
                Map.of(a, new CsvExport.SeriesPoint(a, 0.98, 1.0)),
                Map.of(b, new CsvExport.SeriesPoint(b, 0.5, 0.25), c, new CsvExport.SeriesPoint(c, 0.75, 0.8)),
                Map.of(b, new CsvExport.Band(0.01, 0.02, 0.03, 0.04), c, new CsvExport.Band(0.005, 0, Double.NaN, Double.NaN)));
        assertEquals("""
                date,observed_coverage,observed_extent,simulated_coverage,simulated_extent,simulated_coverage_chain_sd,\
                simulated_extent_chain_sd,simulated_coverage_combined_sd,simulated_extent_combined_sd
                2018-12-01,,,0.750000,0.800000,0.005000,0.000000,,
                2018-12-16,0.980000,1.000000,,,,,,
                2019-01-01,,,0.500000,0.250000,0.010000,0.020000,0.030000,0.040000
                """, csv);
    }

    @Test
    void writesUtf8Atomically(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.csv");
        CsvExport.write(f, "a,b\n");
        assertEquals("a,b\n", Files.readString(f));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}
