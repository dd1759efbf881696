package org.iceising.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import org.iceising.data.AtomicFiles;
import org.iceising.learn.ObservedSeason;
import org.iceising.learn.ParamsFile;
import org.iceising.learn.SeasonBounds;
import org.iceising.learn.Sensitivity;
import org.iceising.model.IsingParams;
import org.iceising.model.SemiMonthlyPeriod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = {"What the observations determine: at each period's fitted point, how much coverage, extent and distance "
                + "change as each parameter sweeps its box, against the chain-to-chain spread, and the parameters' trade-offs "
                + "(correlations from the Fisher information).",
                "Writes sensitivity.csv, sensitivity_summary.csv and sensitivity.md into the output folder."})
final class SensitivityCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SeasonOptions season;

    @Mixin
    ChainOptions chains;

    @Option(names = "--params", required = true, paramLabel = "FILE.csv",
            description = "Fitted parameters per period (from predict, fit, or a reproduction's table.csv).")
    Path params;

    @Option(names = "--boxes", defaultValue = "wide", paramLabel = "BOXES", description = BoxesOption.DESCRIPTION)
    String boxes;

    @Option(names = "--seeds", defaultValue = "8", paramLabel = "K", description = "Chains per point. Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the report.")
    Path out;

    @Override
    public Integer call() throws Exception {
        // the chain spread needs two chains
        Ranges.check("--seeds", seeds, 2, FitCommand.MAX_SEEDS);
        int threads = chains.threads();
        AtomicFiles.checkFolderTarget(out);
        SeasonBounds bounds = BoxesOption.parse(boxes);
        ObservedSeason observed = season.load();
        SortedMap<SemiMonthlyPeriod, IsingParams> fitted = ParamsFile.read(params);
        fitted.keySet().retainAll(observed.observedPeriods());
        if (fitted.isEmpty()) {
            throw new IllegalArgumentException("none of the periods in " + params + " is observed at both ends in the " + season.year + " season");
        }
        ConsoleProgress progress = new ConsoleProgress(System.err);
        List<Sensitivity.Result> results = new ArrayList<>();
        try {
            for (Map.Entry<SemiMonthlyPeriod, IsingParams> e : fitted.entrySet()) {
                results.add(Sensitivity.analyse(observed.pair(e.getKey()), e.getValue(), bounds.forPeriod(e.getKey()), seeds, chains.seed,
                        chains.steps, threads, progress));
            }
        } finally {
            progress.finish();
        }
        Sensitivity.write(out, results, boxes.toLowerCase(Locale.ROOT));
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%d periods analysed -> %s%n", results.size(), out);
        return 0;
    }
}
