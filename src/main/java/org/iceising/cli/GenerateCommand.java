package org.iceising.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.iceising.data.AtomicFiles;
import org.iceising.learn.ObservedSeason;
import org.iceising.learn.ParameterBounds;
import org.iceising.learn.SeasonBounds;
import org.iceising.learn.TrainingSetGenerator;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generates the training set of the inverse problem: for every observed period start of a season, "
                + "N parameter sets drawn uniformly within the melt or freeze bounds, each simulated for one period from "
                + "the observed start.",
                "One compact binary file per period in the output folder. Re-running the same command resumes an "
                        + "interrupted set; the result is the same byte for byte whatever the thread count."})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SeasonOptions season;

    @Mixin
    ChainOptions chains;

    /** A hundred times the study's 10,000 per period. */
    static final int MAX_SAMPLES = 1_000_000;

    @Option(names = "--samples", paramLabel = "N", description = "Samples per period. Default: ${DEFAULT-VALUE} (the study's).")
    int samples = TrainingSetGenerator.Settings.STUDY_SAMPLES_PER_PERIOD;

    @Option(names = "--melt-bounds", paramLabel = "BOUNDS", description = "J=lo..hi,B0=lo..hi,Bx=lo..hi,By=lo..hi,I=lo..hi for "
            + "periods starting before 15 Sep. Default: the study's " + "J=2.25..2.75,B0=2..9,Bx=-10..0,By=-10..10,I=9..11.")
    String meltBounds;

    @Option(names = "--freeze-bounds", paramLabel = "BOUNDS", description = "The same for periods from 15 Sep. Default: the "
            + "study's J=2.25..2.75,B0=-15..-9,Bx=-10..-1,By=-10..10,I=9..11.")
    String freezeBounds;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the training set.")
    Path out;

    @Override
    public Integer call() throws IOException {
        SeasonBounds bounds = new SeasonBounds(
                meltBounds == null ? ParameterBounds.studyMelt() : Converters.named("--melt-bounds", () -> ParameterBounds.parse(meltBounds)),
                freezeBounds == null ? ParameterBounds.studyFreeze()
                        : Converters.named("--freeze-bounds", () -> ParameterBounds.parse(freezeBounds)));
        Ranges.check("--samples", samples, 1, MAX_SAMPLES);
        int threads = chains.threads();
        AtomicFiles.checkFolderTarget(out);
        ObservedSeason observed = season.load();
        TrainingSetGenerator generator = new TrainingSetGenerator(
                new TrainingSetGenerator.Settings(samples, chains.seed, chains.steps, bounds, SimulationSettings.study()),
                threads);
        generator.checkFolder(observed.starts(), out);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "season %d: %d period starts observed, %d samples each, %d steps per 3,600 cells, seed %d%n",
                season.year, observed.starts().size(), samples, chains.steps, chains.seed);
        ConsoleProgress progress = new ConsoleProgress(System.err);
        long t0 = System.nanoTime();
        List<Path> files;
        try {
            files = generator.generate(observed.starts(), out, progress);
        } finally {
            progress.finish();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (SemiMonthlyPeriod p : observed.starts().keySet()) {
            o.printf(Locale.ROOT, "  %s  %s  %s%n", p, p.isMelting() ? "melt  " : "freeze", TrainingSetGenerator.fileFor(out, p).getFileName());
        }
        o.printf(Locale.ROOT, "%d files, %d samples in %.1f s -> %s%n", files.size(), (long) samples * files.size(), seconds, out);
        return 0;
    }
}
