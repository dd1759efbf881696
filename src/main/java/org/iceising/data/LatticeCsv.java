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
                    sb.append(String.format(Locale.ROOT, "%.6f", l.concentration(i)));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
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
