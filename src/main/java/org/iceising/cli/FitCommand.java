package org.iceising.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.iceising.learn.DirectFitter;
import org.iceising.learn.ObservedSeason;
import org.iceising.learn.ParameterBounds;
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

    @Option(names = "--evaluations", defaultValue = "400", paramLabel = "N", description = "Evaluations per period. Default: ${DEFAULT-VALUE}.")
    int evaluations;

    @Option(names = "--seeds", defaultValue = "4", paramLabel = "K", description = "Chains averaged per evaluation. Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = "--population", defaultValue = "10", paramLabel = "N", description = "CMA-ES population. Default: ${DEFAULT-VALUE}.")
    int population;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Write the fitted parameters (period_start,J,B0,Bx,By,I).")
    Path out;

    @Override
    public Integer call() throws Exception {
        ObservedSeason observed = season.load();
        DirectFitter.Config config = new DirectFitter.Config(seeds, evaluations, population, 0.3, chains.seed, chains.steps,
                SimulationSettings.study());
        int t = chains.threads();
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
            ParamsCsv.write(out, params);
            o.println("wrote " + out);
        }
        return 0;
    }
}
