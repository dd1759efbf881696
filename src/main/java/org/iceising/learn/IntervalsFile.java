package org.iceising.learn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iceising.data.AtomicFiles;

/**
 * A reproduction's {@code intervals.csv}: per estimator (the network, the refinement), the
 * half-widths of its calibrated intervals and, where measured, the share of other held-out samples
 * whose interval contained the truth. Columns:
 * {@code estimator,level,samples,J,B0,Bx,By,I,J_covered,B0_covered,Bx_covered,By_covered,I_covered}.
 */
public final class IntervalsFile {
    static final String HEADER = "estimator,level,samples,J,B0,Bx,By,I,J_covered,B0_covered,Bx_covered,By_covered,I_covered";

    /**
     * One estimator's intervals.
     *
     * @param checked coverage on held-out samples not calibrated on, per parameter; null if not measured
     */
    public record Entry(PredictionIntervals intervals, double[] checked) {
    }

    private IntervalsFile() {
    }

    static void write(Path file, Map<String, Entry> entries) throws IOException {
        AtomicFiles.writeText(file, w -> {
            w.write(HEADER + "\n");
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                PredictionIntervals p = e.getValue().intervals();
                StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s,%s,%d", e.getKey(), p.level(), p.samples()));
                for (double h : p.halfWidth()) {
                    sb.append(',').append(String.format(Locale.ROOT, "%.6g", h));
                }
                for (int k = 0; k < 5; k++) {
                    sb.append(',');
                    if (e.getValue().checked() != null) {
                        sb.append(String.format(Locale.ROOT, "%.4f", e.getValue().checked()[k]));
                    }
                }
                w.write(sb + "\n");
            }
        });
    }

    /** Reads what {@link #write} wrote. */
    public static Map<String, Entry> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IllegalArgumentException(file + ": line 1 must be '" + HEADER + "'");
        }
        Map<String, Entry> out = new LinkedHashMap<>();
        for (int n = 1; n < lines.size(); n++) {
            String[] c = lines.get(n).split(",", -1);
            try {
                if (c.length != 13) {
                    throw new IllegalArgumentException("expected 13 columns, got " + c.length);
                }
                double[] half = new double[5];
                double[] checked = c[8].isEmpty() ? null : new double[5];
                for (int k = 0; k < 5; k++) {
                    half[k] = Double.parseDouble(c[3 + k]);
                    if (checked != null) {
                        checked[k] = Double.parseDouble(c[8 + k]);
                    }
                }
                out.put(c[0], new Entry(new PredictionIntervals(Double.parseDouble(c[1]), half, Integer.parseInt(c[2])), checked));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": line " + (n + 1) + ": " + e.getMessage());
            }
        }
        return out;
    }
}
