package org.iceising.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.iceising.data.ArcticExtent;
import org.iceising.data.Ancillary;
import org.iceising.data.AtomicFiles;
import org.iceising.data.DataCatalogue;
import org.iceising.data.DataFileException;
import org.iceising.data.DateRuns;
import org.iceising.data.GridGeometry;
import org.iceising.data.SeaIceIndex;
import org.iceising.model.Measures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "measure", mixinStandardHelpOptions = true,
        description = {"Ice coverage and extent of every grid found between two dates.",
                "focus or a rectangle: coverage = mean concentration, extent = share of cells with >= 15 %% ice, over the "
                        + "area's valid cells.",
                "arctic: extent in million km^2, area-weighted over the whole grid with the pole hole counted as ice "
                        + "(NSIDC's convention), beside NSIDC's Sea Ice Index when its daily CSV is at hand."})
final class MeasureCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = DataFolder.DESCRIPTION)
    Path data;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First date, YYYY-MM-DD.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last date, YYYY-MM-DD (inclusive).")
    LocalDate to;

    @Option(names = "--area", defaultValue = "focus", paramLabel = "AREA", description = AreaOption.DESCRIPTION)
    String area;

    @Option(names = "--semi-monthly", description = "Only the period boundaries (the 1st and the 16th of each month).")
    boolean semiMonthly;

    @Option(names = "--csv", paramLabel = "OUT", description = "Also write the table as CSV.")
    Path csv;

    @Override
    public Integer call() throws Exception {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        AreaOption a = AreaOption.parse(area);
        if (csv != null) {
            AtomicFiles.checkTarget(csv);
        }
        DataCatalogue catalogue = DataFolder.catalogue(spec, data, from, to);
        Path dir = catalogue.directory();
        List<LocalDate> dates = new ArrayList<>(catalogue.dates().subSet(from, to.plusDays(1)));
        if (semiMonthly) {
            dates.removeIf(d -> d.getDayOfMonth() != 1 && d.getDayOfMonth() != 16);
        }
        if (dates.isEmpty()) {
            throw new IllegalArgumentException("no grids between " + from + " and " + to + " in " + dir);
        }
        GridGeometry geometry = a.arctic() ? GridGeometry.load(Ancillary.folder(dir, Ancillary.GRID)) : null;
        Path indexCsv = Ancillary.folder(dir, Ancillary.EXTENT).resolve(SeaIceIndex.FILE_NAME);
        Optional<SeaIceIndex> index = a.arctic() && Files.isRegularFile(indexCsv)
                ? Optional.of(SeaIceIndex.load(indexCsv)) : Optional.empty();
        index.ifPresent(i -> i.problems().forEach(p -> Skipped.report(spec, p)));

        List<String[]> rows = new ArrayList<>();
        String[] header = a.arctic()
                ? new String[] {"date", "coverage_percent", "extent_million_km2", "sea_ice_index_million_km2", "file"}
                : new String[] {"date", "coverage_percent", "extent_percent", "active_cells", "file"};
        Set<LocalDate> measured = new HashSet<>();
        List<DataFileException> unreadable = catalogue.forEach(dates, a.area(), (d, g) -> {
            measured.add(d);
            String file = g.source().getFileName().toString();
            if (a.arctic()) {
                double sum = 0;
                int n = 0;
                for (double c : g.concentrations()) {
                    if (!Double.isNaN(c)) {
                        sum += c;
                        n++;
                    }
                }
                String nsidc = index.flatMap(i -> i.extentMillionKm2(d)).map(v -> fmt("%.3f", v)).orElse("");
                rows.add(new String[] {d.toString(), fmt("%.2f", 100 * sum / n), fmt("%.3f", ArcticExtent.km2(g, geometry) / 1e6),
                        nsidc, file});
            } else {
                var lattice = a.area().lattice(g);
                rows.add(new String[] {d.toString(), fmt("%.2f", 100 * Measures.coverage(lattice)),
                        fmt("%.2f", 100 * Measures.extentFraction(lattice)), Integer.toString(lattice.activeCount()), file});
            }
        });
        unreadable.forEach(e -> Skipped.report(spec, e.getMessage()));
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("none of the " + dates.size() + " grids between " + from + " and " + to + " can be read");
        }

        PrintWriter o = spec.commandLine().getOut();
        o.println("area: " + (a.arctic() ? "arctic (whole grid)" : a.area().toString()) + ", data: " + dir);
        o.printf(Locale.ROOT, "%-10s  %9s  %9s  %9s  %s%n", a.arctic() ? new Object[] {"date", "coverage%", "extent", "NSIDC SII", "file"}
                : new Object[] {"date", "coverage%", "extent%", "cells", "file"});
        for (String[] r : rows) {
            o.printf(Locale.ROOT, "%-10s  %9s  %9s  %9s  %s%n", (Object[]) r);
        }
        List<LocalDate> missing = new ArrayList<>(catalogue.missing(from, to));
        if (semiMonthly) {
            missing.removeIf(d -> d.getDayOfMonth() != 1 && d.getDayOfMonth() != 16);
        }
        if (!missing.isEmpty()) {
            o.println("missing: " + missing.size() + (missing.size() == 1 ? " date has" : " dates have") + " no grid ("
                    + summarise(missing) + ")");
        }
        List<LocalDate> lost = dates.stream().filter(d -> !measured.contains(d)).toList();
        if (!lost.isEmpty()) {
            o.println("unreadable: " + lost.size() + (lost.size() == 1 ? " date has" : " dates have") + " no readable grid ("
                    + summarise(lost) + "); the reasons are on the error stream");
        }
        if (csv != null) {
            AtomicFiles.writeText(csv, w -> {
                w.write(String.join(",", header) + "\n");
                for (String[] r : rows) {
                    w.write(String.join(",", r) + "\n");
                }
            });
            o.println("wrote " + csv);
        }
        return 0;
    }


    private static String fmt(String f, double v) {
        return String.format(Locale.ROOT, f, v);
    }

    /** Dates as ranges: 2018-06-17..2018-06-30, 2018-07-02, ... */
    static String summarise(List<LocalDate> dates) {
        return DateRuns.of(dates).stream().map(r -> r.days() == 1 ? r.first().toString() : r.first() + ".." + r.last())
                .collect(Collectors.joining(", "));
    }
}
