package org.iceising.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.iceising.data.CellFlag;
import org.iceising.data.GridReader;
import org.iceising.data.SeaIceGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Describes NSIDC grid files: format, date, sensors, a histogram of concentrations and the flagged cells.")
final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "NASA Team .bin, NSIDC-0081/0051 v2 or CDR netCDF, Bootstrap .bin.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        boolean first = true;
        for (Path f : files) {
            if (!first) {
                o.println();
            }
            first = false;
            SeaIceGrid g = GridReader.read(f);
            o.println(f.getFileName());
            o.printf(Locale.ROOT, "  format    %s%n", g.productKind().label());
            o.printf(Locale.ROOT, "  date      %s%n", g.date());
            o.printf(Locale.ROOT, "  sensor    %s%s%n", g.sensor(), g.variable().isEmpty() ? "" : " (variable " + g.variable() + ")");
            List<String> variables = GridReader.variables(f);
            if (variables.size() > 1) {
                o.printf(Locale.ROOT, "  sensors   %s%n", String.join(", ", variables));
            }
            o.printf(Locale.ROOT, "  grid      %d x %d%n", SeaIceGrid.ROWS, SeaIceGrid.COLS);
            for (CellFlag flag : CellFlag.values()) {
                o.printf(Locale.ROOT, "  %-9s %,7d cells%n", flag.name().toLowerCase(Locale.ROOT).replace('_', ' '), g.count(flag));
            }
            o.println("  concentration histogram (valid cells)");
            int[] bins = new int[11];
            for (double c : g.concentrations()) {
                if (!Double.isNaN(c)) {
                    bins[c >= 1 ? 10 : (int) (c * 10)]++;
                }
            }
            int max = 1;
            for (int b : bins) {
                max = Math.max(max, b);
            }
            for (int b = 0; b < bins.length; b++) {
                String label = b == 10 ? "   100 %  " : String.format(Locale.ROOT, "%3d-%3d %%", 10 * b, 10 * b + 10);
                o.printf(Locale.ROOT, "    %s %,7d %s%n", label, bins[b], "#".repeat((int) Math.round(40.0 * bins[b] / max)));
            }
        }
        return 0;
    }
}
