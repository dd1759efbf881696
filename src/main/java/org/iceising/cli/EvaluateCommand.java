package org.iceising.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import org.iceising.learn.InverseModel;
import org.iceising.learn.ObservedSeason;
import org.iceising.learn.ParameterRecovery;
import org.iceising.learn.ParamsFile;
import org.iceising.learn.SeasonEvaluation;
import org.iceising.learn.TrainingSet;
import org.iceising.model.IsingParams;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Re-simulates every observed period of a season from its observed start with K seeds, using a "
                + "model's predictions or parameters from a CSV, and compares coverage, extent and distance with the "
                + "observation and with persistence (end = start): the study's Table 1 with its measures.",
                "With --set and --model, also the parameter recovery (R², MAE) on the training set's held-out samples."})
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SeasonOptions season;

    @Mixin
    ChainOptions chains;

    static final class Source {
        @Option(names = "--model", paramLabel = "MODEL", description = "A model saved by train: its predictions are evaluated.")
        Path model;

        @Option(names = "--params", paramLabel = "FILE.csv", description = "Per-period parameters (from predict or fit).")
        Path params;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--set", paramLabel = "DIR", description = "Training set whose held-out samples test the model's recovery.")
    Path set;

    @Option(names = "--seeds", defaultValue = "8", paramLabel = "K", description = "Chains per period. Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Override
    public Integer call() throws Exception {
        Ranges.check("--seeds", seeds, 1, FitCommand.MAX_SEEDS);
        if (set != null && source.model == null) {
            throw new IllegalArgumentException("--set needs --model: recovery tests a model on held-out samples");
        }
        PrintWriter o = spec.commandLine().getOut();
        ObservedSeason observed = season.load();
        InverseModel model = source.model == null ? null : InverseModel.load(source.model);
        SortedMap<SemiMonthlyPeriod, IsingParams> params = model != null ? SeasonEvaluation.predict(model, observed)
                : ParamsFile.read(source.params);
        params.keySet().retainAll(observed.observedPeriods());
        if (params.isEmpty()) {
            throw new IllegalArgumentException("none of the parameters' periods is observed at both ends in the " + season.year + " season");
        }
        // the training set is checked whole before the season is evaluated: a damaged file is the only line
        try (TrainingSet data = set == null ? null : TrainingSet.open(set)) {
            ConsoleProgress progress = new ConsoleProgress(System.err);
            SeasonEvaluation.Result result;
            try {
                result = SeasonEvaluation.evaluate(observed, params, seeds, chains.seed, chains.steps, SimulationSettings.study(),
                        chains.threads(), progress);
            } finally {
                progress.finish();
            }
            o.print(result.table());
            if (data != null) {
                o.println("parameter recovery on held-out synthetic samples:");
                o.print(ParameterRecovery.onHeldOut(model, data).table());
            }
        }
        return 0;
    }
}
