package org.iceising.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.iceising.data.AtomicFiles;
import org.iceising.data.DataCatalogue;
import org.iceising.data.LatticeCsv;
import org.iceising.data.SeaIceGrid;
import org.iceising.model.Ensemble;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.Measures;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Runs K independent Metropolis chains from the observed lattice of a date and writes each "
                + "final lattice as ice concentration in [0, 1].",
                "The CSV holds one block of rows per run (comma-separated, masked cells empty) with a blank line "
                        + "between runs."})
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = DataFolder.DESCRIPTION)
    Path data;

    @Option(names = "--start", required = true, paramLabel = "DATE", description = "Observed start date, YYYY-MM-DD.")
    LocalDate start;

    @Option(names = "--end", paramLabel = "DATE", description = "Observed end date to compare with, YYYY-MM-DD.")
    LocalDate end;

    @Option(names = "--params", required = true, paramLabel = "J,B0,Bx,By,I", description = "The five Ising parameters.")
    String params;

    @Option(names = "--steps", paramLabel = "N",
            description = "Metropolis steps per run. Default: the study's 50,000 per 3,600 active cells.")
    Long steps;

    /** Each run keeps its final lattice in memory until the file is written. */
    static final int MAX_RUNS = 10_000;

    @Option(names = "--runs", defaultValue = "1", paramLabel = "K", description = "Independent runs. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Master seed; run k uses a seed derived from it. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Threads. Default: all cores.")
    Integer threads;

    @Option(names = "--temperature", defaultValue = "1", paramLabel = "T", description = "Ising temperature. Default: ${DEFAULT-VALUE} (the study's).")
    double temperature;

    @Option(names = "--area", defaultValue = "focus", paramLabel = "AREA", description = AreaOption.DESCRIPTION)
    String area;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Where to write the final lattices.")
    Path out;

    @Override
    public Integer call() throws Exception {
        IsingParams p = Converters.named("--params", () -> IsingParams.parse(params));
        Ranges.check("--runs", runs, 1, MAX_RUNS);
        Ranges.positive("--temperature", temperature);
        int t = threads == null ? Ensemble.defaultThreads() : Ranges.check("--threads", threads, 1, Ranges.MAX_THREADS);
        if (steps != null) {
            Ranges.check("--steps", steps, 0, ChainOptions.MAX_STEPS);
        }
        AtomicFiles.checkTarget(out);
        AreaOption a = AreaOption.parse(area);
        DataCatalogue catalogue = DataFolder.catalogue(spec, data, start, end == null ? start : end);
        Lattice observedStart = a.area().lattice(observed(catalogue, start, a));
        Lattice observedEnd = end == null ? null : a.area().lattice(observed(catalogue, end, a));
        if (observedEnd != null && !observedEnd.sameShape(observedStart)) {
            // cells flagged on one day only (missing data) are dropped from both
            Lattice[] both = Lattice.restrictToCommonMask(observedStart, observedEnd);
            observedStart = both[0];
            observedEnd = both[1];
        }
        long n = steps != null ? steps : SemiMonthlyPeriod.stepsFor(observedStart.activeCount(), SemiMonthlyPeriod.STUDY_STEPS);

        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "start %s: %d x %d lattice, %d active cells; %d steps x %d runs, seed %d, %d threads%n",
                start, observedStart.rows(), observedStart.cols(), observedStart.activeCount(), n, runs, seed, t);
        o.printf(Locale.ROOT, "params J=%s B0=%s Bx=%s By=%s I=%s, T=%s%n", p.j(), p.b0(), p.bx(), p.by(), p.inertia(), temperature);

        ConsoleProgress progress = new ConsoleProgress(System.err);
        List<Lattice> finals;
        try {
            finals = Ensemble.run(observedStart, p, SimulationSettings.study().withTemperature(temperature), n, runs, seed, t, progress);
        } finally {
            progress.finish();
        }
        LatticeCsv.write(out, finals);

        o.printf(Locale.ROOT, "observed start  coverage %6.2f %%  extent %6.2f %%%n",
                100 * Measures.coverage(observedStart), 100 * Measures.extentFraction(observedStart));
        if (observedEnd != null) {
            o.printf(Locale.ROOT, "observed end    coverage %6.2f %%  extent %6.2f %%  (persistence distance %.4f)%n",
                    100 * Measures.coverage(observedEnd), 100 * Measures.extentFraction(observedEnd),
                    Measures.distance(observedStart, observedEnd));
        }
        o.println(observedEnd == null ? "run  coverage%   extent%" : "run  coverage%   extent%   distance");
        double[][] stats = new double[3][finals.size()];
        for (int k = 0; k < finals.size(); k++) {
            Lattice f = finals.get(k);
            stats[0][k] = 100 * Measures.coverage(f);
            stats[1][k] = 100 * Measures.extentFraction(f);
            stats[2][k] = observedEnd == null ? Double.NaN : Measures.distance(f, observedEnd);
            o.printf(Locale.ROOT, observedEnd == null ? "%3d  %9.2f  %8.2f%n" : "%3d  %9.2f  %8.2f  %9.4f%n",
                    k + 1, stats[0][k], stats[1][k], stats[2][k]);
        }
        o.printf(Locale.ROOT, observedEnd == null ? "mean %9s  %8s%n" : "mean %9s  %8s  %9s%n",
                meanSd(stats[0], "%.2f"), meanSd(stats[1], "%.2f"), meanSd(stats[2], "%.4f"));
        o.println("wrote " + out);
        return 0;
    }

    /** The grid of a date; damaged copies passed over for a good one are reported. */
    private SeaIceGrid observed(DataCatalogue catalogue, LocalDate date, AreaOption a) {
        DataCatalogue.Loaded loaded = catalogue.read(date, a.area());
        loaded.skipped().forEach(e -> Skipped.report(spec, e.getMessage()));
        return loaded.grid();
    }

    /** "mean ± sd" (sample standard deviation; just the mean for one value). */
    static String meanSd(double[] v, String format) {
        double mean = 0;
        for (double x : v) {
            mean += x / v.length;
        }
        if (v.length < 2) {
            return String.format(Locale.ROOT, format, mean);
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return String.format(Locale.ROOT, format + " ± " + format, mean, Math.sqrt(ss / (v.length - 1)));
    }
}
