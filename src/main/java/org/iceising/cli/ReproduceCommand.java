package org.iceising.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.iceising.data.DataCatalogue;
import org.iceising.learn.Network;
import org.iceising.learn.ObservedSeason;
import org.iceising.learn.Reproduction;
import org.iceising.learn.SeasonBounds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Runs the study's protocol on a season: generate -> train -> calibrate intervals -> predict -> refine -> "
                + "re-simulate with K chains -> report (table.csv, the figures as PNG, report.md).",
                "Each stage is skipped when its output in the folder is complete, so an interrupted or long run resumes where it "
                        + "stopped. Periods are the season's periods observed at both ends."})
final class ReproduceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SeasonOptions season;

    @Mixin
    ChainOptions chains;

    @Option(names = "--scale", defaultValue = "quick", paramLabel = "SCALE",
            description = "quick (13 x 800 samples, 2 epochs) or study (13 x 10,000, 20 epochs). Default: ${DEFAULT-VALUE}.")
    String scale;

    @Option(names = "--network", defaultValue = "cnn", paramLabel = "NAME", converter = TrainCommand.NetworkConverter.class,
            description = "cnn, resnet50 or vit (trained with its own batch and learning rate). Default: ${DEFAULT-VALUE}.")
    Network network;

    @Option(names = "--boxes", defaultValue = "wide", paramLabel = "BOXES", description = BoxesOption.DESCRIPTION)
    String boxes;

    @Option(names = "--seeds", defaultValue = "8", paramLabel = "K", description = "Chains per re-simulated period. Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder of the run (made if missing; reused to resume).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Reproduction.Scale s = switch (scale.toLowerCase(Locale.ROOT)) {
            case "quick" -> Reproduction.Scale.QUICK;
            case "study" -> Reproduction.Scale.STUDY;
            default -> throw new IllegalArgumentException("--scale must be quick or study, got '" + scale + "'");
        };
        SeasonBounds bounds = BoxesOption.parse(boxes);
        Ranges.check("--seeds", seeds, 1, FitCommand.MAX_SEEDS);
        int threads = chains.threads();
        DataCatalogue catalogue = season.catalogue();
        ObservedSeason observed = season.load(catalogue);
        Map<LocalDate, String> sources = new TreeMap<>();
        for (LocalDate d : observed.lattices().keySet()) {
            catalogue.file(d).ifPresent(f -> sources.put(d, f.getFileName().toString()));
        }
        Reproduction.Config config = Reproduction.Config.of(s, network.id(), boxes.toLowerCase(Locale.ROOT), bounds, seeds, chains.seed,
                chains.steps, threads);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "season %d: %d periods observed at both ends; scale %s, network %s, %s boxes, K = %d -> %s%n", season.year,
                observed.observedPeriods().size(), scale, network, boxes, seeds, out);
        o.flush();
        ConsoleProgress progress = new ConsoleProgress(System.err);
        List<Reproduction.Row> rows;
        long t0 = System.nanoTime();
        try {
            rows = Reproduction.run(observed, sources, out, config, (name, skipped, seconds) -> {
                progress.finish();
                o.printf(Locale.ROOT, skipped ? "%-10s  skipped: its output is complete%n" : "%-10s  %.1f s%n", name, seconds);
                o.flush();
            }, progress);
        } finally {
            progress.finish();
        }
        o.println(Reproduction.summary(rows));
        o.printf(Locale.ROOT, "%.1f s in all; table.csv, figures and report.md in %s%n", (System.nanoTime() - t0) / 1e9, out);
        return 0;
    }
}
