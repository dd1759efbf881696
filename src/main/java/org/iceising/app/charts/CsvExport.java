package org.iceising.app.charts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iceising.data.AtomicFiles;

/** Comma-separated exports, written atomically. Plain Java. */
public final class CsvExport {

    /**
     * Ice coverage and extent of a lattice on one date.
     *
     * @param coverage mean ice concentration, a fraction
     * @param extent   share of cells with at least 15 % ice
     */
    public record SeriesPoint(LocalDate date, double coverage, double extent) {
    }

    /**
     * The spread of a simulated point, standard deviations as fractions.
     *
     * @param coverageChainSd    of the coverage over the K chains at the parameters (chain noise)
     * @param extentChainSd      of the extent over those chains
     * @param coverageCombinedSd of the coverage over K chains at parameters drawn from their spread (chain noise and
     *                           parameter spread); NaN where the parameters carry no spread
     * @param extentCombinedSd   of the extent over those chains; NaN likewise
     */
    public record Band(double coverageChainSd, double extentChainSd, double coverageCombinedSd, double extentCombinedSd) {
        /** Whether the parameters carried a spread. */
        public boolean hasCombined() {
            return !Double.isNaN(coverageCombinedSd);
        }
    }

    private CsvExport() {
    }

    /**
     * The season's series: one line per date, observed and simulated coverage and extent as
     * fractions, and the simulated points' spreads; a value that does not exist (no file, not
     * simulated, no parameter spread) is left empty.
     */
    public static String series(List<LocalDate> dates, Map<LocalDate, SeriesPoint> observed, Map<LocalDate, SeriesPoint> simulated,
                                Map<LocalDate, Band> bands) {
        StringBuilder sb = new StringBuilder("date,observed_coverage,observed_extent,simulated_coverage,simulated_extent,"
                + "simulated_coverage_chain_sd,simulated_extent_chain_sd,simulated_coverage_combined_sd,simulated_extent_combined_sd\n");
        for (LocalDate d : dates) {
            SeriesPoint o = observed.get(d);
            SeriesPoint s = simulated.get(d);
            Band b = s == null ? null : bands.get(d);
            sb.append(d).append(',').append(o == null ? "," : number(o.coverage()) + "," + number(o.extent()))
                    .append(',').append(s == null ? "," : number(s.coverage()) + "," + number(s.extent()))
                    .append(',').append(b == null ? "," : number(b.coverageChainSd()) + "," + number(b.extentChainSd()))
                    .append(',').append(b == null ? "," : number(b.coverageCombinedSd()) + "," + number(b.extentCombinedSd()))
                    .append('\n');
        }
        return sb.toString();
    }

    /** A value in CSV: six decimals, a dot whatever the locale; empty for a missing value. */
    public static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
    }

    /** Writes text to {@code file} atomically, UTF-8. */
    public static void write(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}
