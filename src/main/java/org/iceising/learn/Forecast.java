package org.iceising.learn;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.iceising.data.AtomicFiles;
import org.iceising.data.DataCatalogue;
import org.iceising.data.FocusArea;
import org.iceising.model.Ensemble;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.Measures;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.Seeds;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;

/**
 * The study's projection (MODEL.md §6): from the observation of one day, run the next periods
 * forward, each starting from the previous simulated end, with the parameters of the same calendar
 * periods of another year; K chains carry their own lattices through. Each period is compared with
 * the observation where one exists, with persistence (the forecast's start) and with the analogue
 * forecast — the start shifted uniformly by the other year's observed change of coverage since the
 * same calendar day.
 */
public final class Forecast {
    /** The columns of the forecast CSV. */
    public static final String HEADER = "period_start,period_end,coverage_sim,coverage_sim_sd,extent_sim,extent_sim_sd,coverage_obs,"
            + "extent_obs,coverage_persistence,extent_persistence,coverage_analogue,distance_sim,distance_persistence,distance_analogue";

    /**
     * One forecast period; coverage and extent as fractions, NaN where there is nothing to compare
     * with. The analogue's extent is not a column of the CSV (the workbench draws it).
     */
    public record Row(SemiMonthlyPeriod period, double coverageSim, double coverageSimSd, double extentSim, double extentSimSd,
                      double coverageObs, double extentObs, double coveragePersistence, double extentPersistence,
                      double coverageAnalogue, double distanceSim, double distancePersistence, double distanceAnalogue,
                      double extentAnalogue) {

        String csv() {
            return String.join(",", period.start().toString(), period.end().toString(), pct(coverageSim), pct(coverageSimSd),
                    pct(extentSim), pct(extentSimSd), pct(coverageObs), pct(extentObs), pct(coveragePersistence), pct(extentPersistence),
                    pct(coverageAnalogue), num(distanceSim), num(distancePersistence), num(distanceAnalogue));
        }

        private static String pct(double v) {
            return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", 100 * v);
        }

        private static String num(double v) {
            return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.5f", v);
        }
    }

    private Forecast() {
    }

    /**
     * Forecasts {@code periods} periods from {@code from} (the 1st or 16th of a month, observed).
     *
     * @param params parameters by period; the one whose start has the same month and day serves each period
     * @throws IllegalArgumentException if {@code from} has no grid or a period has no parameters
     */
    public static List<Row> run(DataCatalogue catalogue, FocusArea area, LocalDate from, int periods,
                                Map<SemiMonthlyPeriod, IsingParams> params, int runs, long seed, long stepsPer3600,
                                ProgressMonitor monitor) {
        if (periods < 1 || runs < 1) {
            throw new IllegalArgumentException("need at least 1 period and 1 run, got " + periods + " and " + runs);
        }
        SemiMonthlyPeriod first = new SemiMonthlyPeriod(from);
        Lattice start = observed(catalogue, area, from)
                .orElseThrow(() -> new IllegalArgumentException("no grid for the forecast's start " + from + " in " + catalogue.directory()));
        List<Lattice> chains = new ArrayList<>();
        for (int k = 0; k < runs; k++) {
            chains.add(start);
        }
        SemiMonthlyPeriod otherFirst = analogue(params, first);
        Optional<Lattice> otherStart = observed(catalogue, area, otherFirst.start());
        List<Row> out = new ArrayList<>();
        SemiMonthlyPeriod p = first;
        for (int n = 0; n < periods; n++, p = p.next()) {
            SemiMonthlyPeriod other = analogue(params, p);
            IsingParams q = params.get(other);
            long steps = SemiMonthlyPeriod.stepsFor(start.activeCount(), stepsPer3600);
            double[] cov = new double[runs];
            double[] ext = new double[runs];
            Optional<Lattice> obs = observed(catalogue, area, p.end());
            double[] dist = new double[runs];
            for (int k = 0; k < runs; k++) {
                monitor.checkCancelled();
                Lattice end = Ensemble.run(chains.get(k), q, SimulationSettings.study(), steps, 1,
                        Seeds.forRun(Seeds.forRun(seed, p.start().toEpochDay()), k), 1, ProgressMonitor.NONE).get(0);
                chains.set(k, end);
                cov[k] = Measures.coverage(end);
                ext[k] = Measures.extentFraction(end);
                dist[k] = obs.map(o -> distance(end, o)).orElse(Double.NaN);
            }
            double analogueCoverage = Double.NaN;
            double analogueExtent = Double.NaN;
            double analogueDistance = Double.NaN;
            Optional<Lattice> otherEnd = observed(catalogue, area, other.end());
            if (otherStart.isPresent() && otherEnd.isPresent()) {
                Lattice[] both = Lattice.restrictToCommonMask(otherStart.get(), otherEnd.get());
                Lattice shifted = Baselines.shifted(start, Measures.coverage(start) + Measures.coverage(both[1]) - Measures.coverage(both[0]));
                analogueCoverage = Measures.coverage(shifted);
                analogueExtent = Measures.extentFraction(shifted);
                analogueDistance = obs.map(o -> distance(shifted, o)).orElse(Double.NaN);
            }
            out.add(new Row(p, mean(cov), Resimulation.sd(cov), mean(ext), Resimulation.sd(ext),
                    obs.map(Measures::coverage).orElse(Double.NaN), obs.map(Measures::extentFraction).orElse(Double.NaN),
                    Measures.coverage(start), Measures.extentFraction(start), analogueCoverage, mean(dist),
                    obs.map(o -> distance(start, o)).orElse(Double.NaN), analogueDistance, analogueExtent));
            monitor.progress(n + 1, periods, "forecast " + p);
        }
        return out;
    }

    /** Writes the rows under {@link #HEADER} (temporary name, then rename). */
    public static void write(Path file, List<Row> rows) throws IOException {
        String text = csv(rows);
        AtomicFiles.writeText(file, w -> w.write(text));
    }

    /** The rows under {@link #HEADER}, one line each, as {@link #write} writes them. */
    public static String csv(List<Row> rows) {
        StringBuilder sb = new StringBuilder(HEADER + "\n");
        for (Row r : rows) {
            sb.append(r.csv()).append('\n');
        }
        return sb.toString();
    }

    private static SemiMonthlyPeriod analogue(Map<SemiMonthlyPeriod, IsingParams> params, SemiMonthlyPeriod p) {
        for (SemiMonthlyPeriod q : params.keySet()) {
            if (q.start().getMonth() == p.start().getMonth() && q.start().getDayOfMonth() == p.start().getDayOfMonth()) {
                return q;
            }
        }
        throw new IllegalArgumentException("the parameters have no period starting on " + p.start().getMonth().toString().charAt(0)
                + p.start().getMonth().toString().substring(1).toLowerCase(Locale.ROOT) + " " + p.start().getDayOfMonth()
                + " of any year (needed for " + p + ")");
    }

    private static Optional<Lattice> observed(DataCatalogue catalogue, FocusArea area, LocalDate d) {
        return catalogue.file(d).map(f -> area.lattice(catalogue.load(d, area)));
    }

    private static double distance(Lattice a, Lattice b) {
        Lattice[] both = Lattice.restrictToCommonMask(a, b);
        return Measures.distance(both[0], both[1]);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x / v.length;
        }
        return s;
    }
}
