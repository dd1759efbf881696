package org.iceising.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.iceising.data.AtomicFiles;
import org.iceising.learn.DirectFitter;
import org.iceising.learn.ObservedSeason;
import org.iceising.learn.ParameterBounds;
import org.iceising.learn.ParamsFile;
import org.iceising.learn.SeasonBounds;
import org.iceising.model.IsingParams;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Fits (J, B0, Bx, By, I) directly, the study's earlier method: CMA-ES minimises the mean distance "
                + "between K simulated ends and the observed end, within the melt or freeze bounds.",
                "One period with --period, else every observed period of the season."})
final class FitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SeasonOptions season;

    @Mixin
    ChainOptions chains;

    @Option(names = "--period", paramLabel = "DATE", description = "Start of the one period to fit (the 1st or the 16th).")
    LocalDate period;

    /** The fitter's defaults, their one definition. */
    private static final DirectFitter.Config DEFAULTS = DirectFitter.Config.defaults(1);
    static final int MAX_EVALUATIONS = 1_000_000;
    static final int MAX_SEEDS = 1_000;
    /** CMA-ES for five parameters wants about 10; thousands only multiply the simulations of one generation. */
    static final int MAX_POPULATION = 1_000;

    @Option(names = "--evaluations", paramLabel = "N", description = "Evaluations per period. Default: ${DEFAULT-VALUE}.")
    int evaluations = DEFAULTS.maxEvaluations();

    @Option(names = "--seeds", paramLabel = "K", description = "Chains averaged per evaluation. Default: ${DEFAULT-VALUE}.")
    int seeds = DEFAULTS.seeds();

    @Option(names = "--population", paramLabel = "N", description = "CMA-ES population. Default: ${DEFAULT-VALUE}.")
    int population = DEFAULTS.populationSize();

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Write the fitted parameters (period_start,J,B0,Bx,By,I).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Ranges.check("--evaluations", evaluations, 1, MAX_EVALUATIONS);
        Ranges.check("--seeds", seeds, 1, MAX_SEEDS);
        Ranges.check("--population", population, 2, MAX_POPULATION);
        int t = chains.threads();
        if (out != null) {
            AtomicFiles.checkTarget(out);
        }
        ObservedSeason observed = season.load();
        DirectFitter.Config config = new DirectFitter.Config(seeds, evaluations, population, 0.3, chains.seed, chains.steps,
                SimulationSettings.study());
        SeasonBounds bounds = SeasonBounds.study();
        ConsoleProgress progress = new ConsoleProgress(System.err);
        SortedMap<SemiMonthlyPeriod, DirectFitter.Result> fits;
        try {
            if (period != null) {
                SemiMonthlyPeriod p = new SemiMonthlyPeriod(period);
                if (!observed.observedPeriods().contains(p)) {
                    throw new IllegalArgumentException("period " + p + " is not observed at both ends in " + season.year
                            + "'s season (missing: " + observed.missingText() + ")");
                }
                ObservedSeason.Pair pair = observed.pair(p);
                ParameterBounds b = bounds.forPeriod(p);
                fits = new TreeMap<>();
                fits.put(p, DirectFitter.fit(pair.start(), pair.end(), b, config, t, progress));
            } else {
                fits = DirectFitter.fitSeason(observed, bounds, config, t, progress);
            }
        } finally {
            progress.finish();
        }
        PrintWriter o = spec.commandLine().getOut();
        SortedMap<SemiMonthlyPeriod, IsingParams> params = new TreeMap<>();
        o.printf(Locale.ROOT, "%-24s %7s %8s %8s %8s %7s %9s %6s%n", "period", "J", "B0", "Bx", "By", "I", "distance", "evals");
        for (var e : fits.entrySet()) {
            IsingParams p = e.getValue().params();
            params.put(e.getKey(), p);
            o.printf(Locale.ROOT, "%-24s %7.3f %8.3f %8.3f %8.3f %7.3f %9.4f %6d%n", e.getKey().start() + " .. " + e.getKey().end(),
                    p.j(), p.b0(), p.bx(), p.by(), p.inertia(), e.getValue().distance(), e.getValue().evaluations());
        }
        if (out != null) {
            ParamsFile.write(out, params);
            o.println("wrote " + out);
        }
        return 0;
    }
}
