package org.iceising.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.iceising.data.AtomicFiles;
import org.iceising.learn.Forecast;
import org.iceising.learn.ParamsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = {"Projects the next periods from one day's observation with the parameters of the same calendar periods "
                + "of another year, each period starting from the previous simulated end (the study projected 2023 from 2022).",
                "One row per period, beside the observation where there is one, persistence (the start) and the analogue (the "
                        + "start shifted by the other year's coverage change)."})
final class ForecastCommand implements Callable<Integer> {
    /** Ten years of semi-monthly periods. */
    static final int MAX_PERIODS = 240;

    @Spec
    CommandSpec spec;

    @Mixin
    ChainOptions chains;

    @Option(names = "--data", paramLabel = "DIR", description = DataFolder.DESCRIPTION)
    Path data;

    @Option(names = "--area", defaultValue = "focus", paramLabel = "AREA", description = AreaOption.DESCRIPTION)
    String area;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "The observed start (the 1st or 16th of a month).")
    LocalDate from;

    @Option(names = "--periods", required = true, paramLabel = "N", description = "Periods to forecast.")
    int periods;

    @Option(names = "--params", required = true, paramLabel = "FILE.csv",
            description = "Parameters per period of another year (from predict, fit, or a reproduction's table.csv).")
    Path params;

    @Option(names = "--runs", defaultValue = "8", paramLabel = "K", description = "Chains. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Where to write the forecast.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Ranges.check("--periods", periods, 1, MAX_PERIODS);
        Ranges.check("--runs", runs, 1, SimulateCommand.MAX_RUNS);
        long steps = chains.steps();
        AtomicFiles.checkTarget(out);
        ConsoleProgress progress = new ConsoleProgress(System.err);
        List<Forecast.Row> rows;
        try {
            rows = Forecast.run(DataFolder.catalogue(spec, data, from, from.plusDays(16L * periods)), AreaOption.parse(area).area(), from, periods, ParamsFile.read(params), runs, chains.seed,
                    steps, progress);
        } finally {
            progress.finish();
        }
        Forecast.write(out, rows);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%-24s %9s %9s %9s %9s | %8s %8s %8s%n", "period", "cov sim", "cov obs", "cov pers", "cov anal",
                "d sim", "d pers", "d anal");
        for (Forecast.Row r : rows) {
            o.printf(Locale.ROOT, "%-24s %9.2f %9.2f %9.2f %9.2f | %8.4f %8.4f %8.4f%n", r.period().start() + " .. " + r.period().end(),
                    100 * r.coverageSim(), 100 * r.coverageObs(), 100 * r.coveragePersistence(), 100 * r.coverageAnalogue(),
                    r.distanceSim(), r.distancePersistence(), r.distanceAnalogue());
        }
        o.println("wrote " + out);
        return 0;
    }
}
