package org.iceising.learn;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iceising.data.AtomicFiles;
import org.iceising.learn.report.ColourScale;
import org.iceising.learn.report.Png;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.Measures;

/**
 * A reproduction's figures (the paper's Figures 3–6 and Table 1, as PNG) and {@code report.md},
 * which shows them with the settings, the data files, the time of each stage and the summary the
 * study's claim is judged by.
 */
final class ReproductionReport {
    static final String OBSERVED = "fig3_observed.png";
    static final String SIMULATED = "fig4_simulated.png";
    static final String DIFFERENCE = "fig5_difference.png";
    static final String COVERAGE = "fig6_coverage.png";
    static final String EXTENT = "fig6_extent.png";
    static final String TABLE = "table1_parameters.png";
    static final List<String> FIGURES = List.of(OBSERVED, SIMULATED, DIFFERENCE, COVERAGE, EXTENT, TABLE);

    private ReproductionReport() {
    }

    static void write(Path dir, ObservedSeason season, Map<LocalDate, String> sources, Map<String, String> settings,
                      List<Reproduction.Row> rows, Map<String, IntervalsFile.Entry> intervals, Map<String, String> stageTimes)
            throws IOException {
        Lattice any = rows.get(0).observed().start();
        int r = any.rows();
        int c = any.cols();
        List<Png.Panel> observed = new ArrayList<>();
        season.lattices().forEach((d, l) -> observed.add(new Png.Panel(d.toString(), l.concentrations())));
        Png.write(Png.maps("Observed ice concentration at the period boundaries (Figure 3)", observed, r, c, 7, ColourScale.ICE),
                dir.resolve(OBSERVED));
        List<Png.Panel> simulated = new ArrayList<>();
        List<Png.Panel> difference = new ArrayList<>();
        for (Reproduction.Row row : rows) {
            Lattice sim = row.simulated().get(0);
            simulated.add(new Png.Panel(row.period().end().toString(), sim.concentrations()));
            difference.add(new Png.Panel(row.period().end().toString(), Measures.absoluteDifference(sim, row.observed().end())));
        }
        Png.write(Png.maps("Simulated ice concentration at each period's end, chain 1 (Figure 4)", simulated, r, c, 6, ColourScale.ICE),
                dir.resolve(SIMULATED));
        Png.write(Png.maps("|Simulated - observed| water fraction, chain 1 (Figure 5)", difference, r, c, 6,
                ColourScale.ABSOLUTE_DIFFERENCE), dir.resolve(DIFFERENCE));
        List<String> ends = rows.stream().map(x -> x.period().end().toString()).toList();
        Png.write(Png.curves("Ice coverage at each period's end (Figure 6)", "coverage, % of the area", ends, List.of(
                new Png.Curve("observed", column(rows, Reproduction.Row::coverageObs), null, Color.BLACK, false),
                new Png.Curve("simulated (mean of K) +- 1 sd", column(rows, Reproduction.Row::coverageSim),
                        column(rows, Reproduction.Row::coverageSimSd), new Color(0xC0392B), false),
                new Png.Curve("persistence (start)", column(rows, Reproduction.Row::coveragePersistence), null, Color.GRAY, true))),
                dir.resolve(COVERAGE));
        Png.write(Png.curves("Ice extent at each period's end (Figure 6)", "extent, % of the area", ends, List.of(
                new Png.Curve("observed", column(rows, Reproduction.Row::extentObs), null, Color.BLACK, false),
                new Png.Curve("simulated (mean of K) +- 1 sd", column(rows, Reproduction.Row::extentSim),
                        column(rows, Reproduction.Row::extentSimSd), new Color(0x2471A3), false),
                new Png.Curve("persistence (start)", column(rows, Reproduction.Row::extentPersistence), null, Color.GRAY, true))),
                dir.resolve(EXTENT));
        List<List<String>> table = new ArrayList<>();
        for (Reproduction.Row row : rows) {
            List<String> cells = new ArrayList<>(List.of(row.period().start() + " .. " + row.period().end()));
            double[] p = row.params().toArray();
            for (int k = 0; k < 5; k++) {
                cells.add(String.format(Locale.ROOT, "%.2f +- %.2f", p[k], row.sd()[k]));
            }
            table.add(cells);
        }
        List<String> header = new ArrayList<>(List.of("period"));
        header.addAll(List.of(IsingParams.NAMES));
        Png.write(Png.table("Parameters per period, +- the calibrated spread (Table 1)", header, table), dir.resolve(TABLE));
        AtomicFiles.writeText(dir.resolve("report.md"), w -> w.write(markdown(season, sources, settings, rows, intervals, stageTimes)));
    }

    private static double[] column(List<Reproduction.Row> rows, java.util.function.ToDoubleFunction<Reproduction.Row> f) {
        return rows.stream().mapToDouble(x -> 100 * f.applyAsDouble(x)).toArray();
    }

    static String markdown(ObservedSeason season, Map<LocalDate, String> sources, Map<String, String> settings,
                           List<Reproduction.Row> rows, Map<String, IntervalsFile.Entry> intervals, Map<String, String> stageTimes) {
        StringBuilder md = new StringBuilder();
        md.append("# Reproduction of the study, season ").append(season.season().start().getYear()).append("\n\n");
        md.append("## Settings\n\n");
        settings.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n## Data\n\nNSIDC daily sea-ice concentration, the focus area of each boundary date:\n\n");
        for (LocalDate d : season.season().dates()) {
            md.append("- ").append(d).append(": ").append(sources.getOrDefault(d, "not observed")).append('\n');
        }
        md.append("\n## Time per stage\n\n| stage | seconds |\n|---|---:|\n");
        stageTimes.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\n(The report's own time is in stages.csv; a stage skipped because its output was complete keeps the time of the "
                + "sitting that made it.)\n");
        md.append("\n## Summary\n\n").append(summary(rows)).append('\n');
        md.append("\n## Table (coverage and extent in % of the area)\n\n");
        md.append("| period | J | B0 | Bx | By | I | coverage obs | sim ± sd | pers. | extent obs | sim ± sd | pers. "
                + "| distance sim | ensemble | pers. | shift |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Reproduction.Row r : rows) {
            double[] p = r.params().toArray();
            md.append(String.format(Locale.ROOT, "| %s .. %s | %.2f ± %.2f | %.2f ± %.2f | %.2f ± %.2f | %.2f ± %.2f | %.2f ± %.2f "
                            + "| %.2f | %.2f ± %.2f | %.2f | %.2f | %.2f ± %.2f | %.2f | %.4f | %.4f | %.4f | %.4f |\n",
                    r.period().start(), r.period().end(), p[0], r.sd()[0], p[1], r.sd()[1], p[2], r.sd()[2], p[3], r.sd()[3], p[4], r.sd()[4],
                    100 * r.coverageObs(), 100 * r.coverageSim(), 100 * r.coverageSimSd(), 100 * r.coveragePersistence(),
                    100 * r.extentObs(), 100 * r.extentSim(), 100 * r.extentSimSd(), 100 * r.extentPersistence(),
                    r.distanceSim(), r.distanceEnsemble(), r.distancePersistence(), r.distanceShift()));
        }
        md.append("\n## Parameter intervals (nominal ").append(Math.round(100 * Reproduction.LEVEL))
                .append(" %, split conformal on held-out synthetic samples)\n\n");
        md.append("| estimator | samples | J | B0 | Bx | By | I | contained the truth on other held-out samples |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        intervals.forEach((name, e) -> {
            double[] h = e.intervals().halfWidth();
            md.append(String.format(Locale.ROOT, "| %s | %d | ± %.3f | ± %.3f | ± %.3f | ± %.3f | ± %.3f | %s |\n", name, e.intervals().samples(),
                    h[0], h[1], h[2], h[3], h[4], e.checked() == null ? "not measured" : String.format(Locale.ROOT,
                            "%.0f, %.0f, %.0f, %.0f, %.0f %%", 100 * e.checked()[0], 100 * e.checked()[1], 100 * e.checked()[2],
                            100 * e.checked()[3], 100 * e.checked()[4])));
        });
        md.append("\nThe table's spreads (`_sd`) are the refinement's half-widths over 1.645. A half-width near the box's half "
                + "range means the observations do not pin that parameter down.\n");
        md.append("\n## Figures\n\n");
        for (String f : FIGURES) {
            md.append("![").append(f).append("](").append(f).append(")\n\n");
        }
        return md.toString();
    }

    /** Mean and worst |coverage error| and |extent error| in pp, and how often the simulation beats persistence and the shift. */
    static String summary(List<Reproduction.Row> rows) {
        double cm = 0;
        double cx = 0;
        double em = 0;
        double ex = 0;
        int beatPersistence = 0;
        int beatShift = 0;
        for (Reproduction.Row r : rows) {
            double ce = 100 * Math.abs(r.coverageSim() - r.coverageObs());
            double ee = 100 * Math.abs(r.extentSim() - r.extentObs());
            cm += ce / rows.size();
            em += ee / rows.size();
            cx = Math.max(cx, ce);
            ex = Math.max(ex, ee);
            beatPersistence += r.distanceSim() < r.distancePersistence() ? 1 : 0;
            beatShift += r.distanceSim() < r.distanceShift() ? 1 : 0;
        }
        return String.format(Locale.ROOT, "Over %d periods: mean |coverage error| %.2f pp (worst %.2f), mean |extent error| %.2f pp "
                + "(worst %.2f); distance below persistence in %d of %d periods, below the uniform shift in %d.",
                rows.size(), cm, cx, em, ex, beatPersistence, rows.size(), beatShift);
    }
}
