package org.iceising.learn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.iceising.data.AtomicFiles;
import org.iceising.data.IoWords;
import org.iceising.model.IsingParams;
import org.iceising.model.SemiMonthlyPeriod;

/**
 * Per-period parameters in CSV: written as {@code period_start,J,B0,Bx,By,I}; read from any CSV
 * whose header names the columns {@code period_start}, {@code J}, {@code B0}, {@code Bx},
 * {@code By} and {@code I} (in any order, other columns ignored), so the files of predict and fit
 * and a reproduction's {@code table.csv} all serve; the spreads of a {@code table.csv} too.
 */
public final class ParamsFile {
    /** The header this class writes. */
    public static final String HEADER = "period_start,J,B0,Bx,By,I";
    private static final List<String> NEEDED = List.of("period_start", "J", "B0", "Bx", "By", "I");
    private static final List<String> SPREADS = List.of("period_start", "J_sd", "B0_sd", "Bx_sd", "By_sd", "I_sd");
    /** A season's table is a few kilobytes; a file of megabytes is something else. */
    private static final long MAX_BYTES = 1L << 20;

    private ParamsFile() {
    }

    /** Writes {@code params} in period order (temporary name, then rename). */
    public static void write(Path file, Map<SemiMonthlyPeriod, IsingParams> params) throws IOException {
        AtomicFiles.writeText(file, w -> {
            w.write(HEADER + "\n");
            for (Map.Entry<SemiMonthlyPeriod, IsingParams> e : new TreeMap<>(params).entrySet()) {
                IsingParams p = e.getValue();
                w.write(String.format(Locale.ROOT, "%s,%.6g,%.6g,%.6g,%.6g,%.6g%n", e.getKey().start(), p.j(), p.b0(), p.bx(),
                        p.by(), p.inertia()));
            }
        });
    }

    /**
     * Reads the parameters per period.
     *
     * @throws IllegalArgumentException naming the file and line, if it is missing or not such a table
     */
    public static SortedMap<SemiMonthlyPeriod, IsingParams> read(Path file) throws IOException {
        SortedMap<SemiMonthlyPeriod, IsingParams> out = new TreeMap<>();
        columns(file, NEEDED, true, (period, values) -> out.put(period, IsingParams.parse(String.join(",", values))));
        return out;
    }

    /**
     * Reads the parameters' spreads per period, as standard deviations (J, B0, Bx, By, I), from the
     * columns {@code J_sd} … {@code I_sd} of a reproduction's {@code table.csv}.
     *
     * @return empty if the table has no such columns
     * @throws IllegalArgumentException naming the file and line, if it is missing, not a table or a spread is not a number ≥ 0
     */
    public static SortedMap<SemiMonthlyPeriod, double[]> readSpreads(Path file) throws IOException {
        SortedMap<SemiMonthlyPeriod, double[]> out = new TreeMap<>();
        columns(file, SPREADS, false, (period, values) -> {
            double[] sd = new double[5];
            for (int k = 0; k < 5; k++) {
                try {
                    sd[k] = Double.parseDouble(values.get(k).trim());
                } catch (NumberFormatException e) {
                    sd[k] = Double.NaN;
                }
                if (!(sd[k] >= 0)) {
                    throw new IllegalArgumentException(SPREADS.get(k + 1) + " must be a number >= 0, got '" + values.get(k).trim() + "'");
                }
            }
            out.put(period, sd);
        });
        return out;
    }

    private interface RowReader {
        void read(SemiMonthlyPeriod period, List<String> values);
    }

    /**
     * Hands each row's period and the cells of {@code names} after the first (the period's start) to
     * {@code rows}; if {@code required} is false, a table without these columns reads as no rows.
     */
    private static void columns(Path file, List<String> names, boolean required, RowReader rows) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        List<String> lines;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException(file + ": " + Files.size(file) + " bytes is too large for a parameter table (at most "
                        + MAX_BYTES + ")");
            }
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + IoWords.of(e) + ")", e);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty, expected a header with " + HEADER);
        }
        List<String> header = Arrays.stream(lines.get(0).trim().split(",", -1)).map(String::trim).toList();
        int[] column = new int[names.size()];
        for (int k = 0; k < column.length; k++) {
            column[k] = header.indexOf(names.get(k));
            if (column[k] < 0) {
                if (!required) {
                    return;
                }
                throw new IllegalArgumentException(file + ": line 1 has no column " + names.get(k) + " (expected at least " + HEADER + ")");
            }
        }
        int read = 0;
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            try {
                if (cells.length != header.size()) {
                    throw new IllegalArgumentException("expected " + header.size() + " columns like the header, got " + cells.length);
                }
                List<String> values = new ArrayList<>();
                for (int k = 1; k < column.length; k++) {
                    values.add(cells[column[k]]);
                }
                rows.read(new SemiMonthlyPeriod(LocalDate.parse(cells[column[0]].trim())), values);
                read++;
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException(file + ": line " + (n + 1) + ": " + e.getMessage());
            }
        }
        if (read == 0) {
            throw new IllegalArgumentException(file + ": no parameters");
        }
    }
}
