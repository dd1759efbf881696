package org.iceising.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import org.iceising.data.AtomicFiles;
import org.iceising.learn.InverseModel;
import org.iceising.learn.ObservedSeason;
import org.iceising.learn.ParamsFile;
import org.iceising.learn.SeasonEvaluation;
import org.iceising.model.IsingParams;
import org.iceising.model.SemiMonthlyPeriod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predicts (J, B0, Bx, By, I) for every period of a season observed at both ends, with a trained model.")
final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SeasonOptions season;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "A model saved by train.")
    Path model;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Also write the parameters (period_start,J,B0,Bx,By,I).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (out != null) {
            AtomicFiles.checkTarget(out);
        }
        InverseModel m = InverseModel.load(model);
        ObservedSeason observed = season.load();
        SortedMap<SemiMonthlyPeriod, IsingParams> params = SeasonEvaluation.predict(m, observed);
        print(spec.commandLine().getOut(), params);
        if (!observed.missing().isEmpty()) {
            spec.commandLine().getOut().println("not observed: " + observed.missingText());
        }
        if (out != null) {
            ParamsFile.write(out, params);
            spec.commandLine().getOut().println("wrote " + out);
        }
        return 0;
    }

    static void print(PrintWriter o, Map<SemiMonthlyPeriod, IsingParams> params) {
        o.printf(Locale.ROOT, "%-24s %7s %8s %8s %8s %7s%n", "period", "J", "B0", "Bx", "By", "I");
        for (Map.Entry<SemiMonthlyPeriod, IsingParams> e : params.entrySet()) {
            IsingParams p = e.getValue();
            o.printf(Locale.ROOT, "%-24s %7.3f %8.3f %8.3f %8.3f %7.3f%n", e.getKey().start() + " .. " + e.getKey().end(),
                    p.j(), p.b0(), p.bx(), p.by(), p.inertia());
        }
    }
}
