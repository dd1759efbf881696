package org.iceising.app.charts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iceising.data.AtomicFiles;
import org.iceising.model.Lattice;

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

    private CsvExport() {
    }

    /**
     * The season's series: one line per date, observed and simulated coverage and extent as
     * fractions; a value that does not exist (no file, not simulated) is left empty.
     */
    public static String series(List<LocalDate> dates, Map<LocalDate, SeriesPoint> observed, Map<LocalDate, SeriesPoint> simulated) {
        StringBuilder sb = new StringBuilder("date,observed_coverage,observed_extent,simulated_coverage,simulated_extent\n");
        for (LocalDate d : dates) {
            SeriesPoint o = observed.get(d);
            SeriesPoint s = simulated.get(d);
            sb.append(d).append(',').append(o == null ? "," : number(o.coverage()) + "," + number(o.extent()))
                    .append(',').append(s == null ? "," : number(s.coverage()) + "," + number(s.extent())).append('\n');
        }
        return sb.toString();
    }

    /** A value in CSV: six decimals, a dot whatever the locale. */
    public static String number(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    /** Writes text to {@code file} atomically, UTF-8. */
    public static void write(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}
