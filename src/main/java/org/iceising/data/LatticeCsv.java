package org.iceising.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.iceising.model.Lattice;

/**
 * The one CSV form of lattices, for the command line and the workbench alike: one line per row,
 * the ice concentrations in [0, 1] with six decimals, comma-separated, an empty field on a masked
 * cell; several lattices follow each other with a blank line between.
 */
public final class LatticeCsv {
    private LatticeCsv() {
    }

    /** One lattice's rows. */
    public static String of(Lattice l) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < l.rows(); r++) {
            for (int c = 0; c < l.cols(); c++) {
                int i = l.index(r, c);
                if (c > 0) {
                    sb.append(',');
                }
                if (l.isActive(i)) {
                    appendSixDecimals(sb, l.concentration(i));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * Appends {@code v} as {@code String.format(Locale.ROOT, "%.6f", v)} does, without its cost (a
     * formatter and its locale's symbols per number made writing 100 lattices take seconds). That
     * format rounds the shortest decimal form of v half up; for v in [0, 1] that form lies within
     * 6·10⁻¹¹ of v·10⁶ and so does the computed product, so v·10⁶ decides the rounding unless it lies
     * within 10⁻⁹ of a tie, where (as outside [0, 1]) the formatter itself is asked.
     */
    static void appendSixDecimals(StringBuilder sb, double v) {
        double scaled = v * 1e6;
        double whole = Math.floor(scaled);
        double fraction = scaled - whole;
        if (!(v >= 0 && v <= 1) || Double.doubleToRawLongBits(v) < 0 || Math.abs(fraction - 0.5) <= 1e-9) {
            sb.append(String.format(Locale.ROOT, "%.6f", v));
            return;
        }
        long micro = (long) whole + (fraction > 0.5 ? 1 : 0);
        sb.append(micro / 1_000_000).append('.');
        String digits = Long.toString(micro % 1_000_000);
        for (int k = digits.length(); k < 6; k++) {
            sb.append('0');
        }
        sb.append(digits);
    }

    /** Writes the lattices, a blank line between two, under a temporary name and then renamed. */
    public static void write(Path file, List<Lattice> lattices) throws IOException {
        AtomicFiles.writeText(file, w -> {
            for (int k = 0; k < lattices.size(); k++) {
                if (k > 0) {
                    w.write('\n');
                }
                w.write(of(lattices.get(k)));
            }
        });
    }
}
