package org.iceising.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.iceising.data.AtomicFiles;
import org.iceising.data.IoWords;
import org.iceising.model.IsingParams;
import org.iceising.model.SemiMonthlyPeriod;

/** Per-period parameters as CSV: {@code period_start,J,B0,Bx,By,I}. */
final class ParamsCsv {
    static final String HEADER = "period_start,J,B0,Bx,By,I";
    /** A season has 13 periods of about 60 bytes; a file of megabytes is something else. */
    private static final long MAX_BYTES = 1L << 20;

    private ParamsCsv() {
    }

    static void write(Path file, Map<SemiMonthlyPeriod, IsingParams> params) throws IOException {
        AtomicFiles.writeText(file, w -> {
            w.write(HEADER + "\n");
            for (Map.Entry<SemiMonthlyPeriod, IsingParams> e : new TreeMap<>(params).entrySet()) {
                IsingParams p = e.getValue();
                w.write(String.format(Locale.ROOT, "%s,%.6g,%.6g,%.6g,%.6g,%.6g%n", e.getKey().start(), p.j(), p.b0(), p.bx(),
                        p.by(), p.inertia()));
            }
        });
    }

    static SortedMap<SemiMonthlyPeriod, IsingParams> read(Path file) throws IOException {
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
        if (lines.isEmpty() || !lines.get(0).trim().equals(HEADER)) {
            throw new IllegalArgumentException(file + ": line 1 must be '" + HEADER + "'");
        }
        SortedMap<SemiMonthlyPeriod, IsingParams> out = new TreeMap<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n).trim();
            if (line.isEmpty()) {
                continue;
            }
            int comma = line.indexOf(',');
            try {
                if (comma < 0) {
                    throw new IllegalArgumentException("expected " + HEADER);
                }
                out.put(new SemiMonthlyPeriod(LocalDate.parse(line.substring(0, comma))), IsingParams.parse(line.substring(comma + 1)));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException(file + ": line " + (n + 1) + ": " + e.getMessage());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + ": no parameters");
        }
        return out;
    }
}
