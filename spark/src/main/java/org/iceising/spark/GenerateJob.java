package org.iceising.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.iceising.learn.ObservedSeason;
import org.iceising.learn.ParameterBounds;
import org.iceising.learn.SeasonBounds;
import org.iceising.learn.TrainingSetGenerator;
import org.iceising.model.SimulationSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import scala.Tuple2;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generates training sets for many seasons and areas: the local generate command's files, byte for "
                + "byte, one folder per season and area (OUT/2018-focus/2018-06-16.itset, ...), one Spark task per period."})
final class GenerateJob implements Callable<Integer> {
    @Mixin
    Jobs.Common common;

    @Option(names = "--seasons", defaultValue = "2018", paramLabel = "YEARS",
            description = "Seasons: 2018, 2016,2018 or 1979..2020. Default: ${DEFAULT-VALUE}.")
    String seasons;

    @Option(names = "--area", defaultValue = "focus", paramLabel = "AREA",
            description = "Area, repeatable: focus, arctic or R0,C0,ROWS,COLS as in the local commands. Default: ${DEFAULT-VALUE}.")
    List<String> areas;

    @Option(names = "--samples", defaultValue = "10000", paramLabel = "N", description = "Samples per period. Default: ${DEFAULT-VALUE}.")
    int samples;

    @Option(names = "--melt-bounds", paramLabel = "BOUNDS", description = "As in the local generate command.")
    String meltBounds;

    @Option(names = "--freeze-bounds", paramLabel = "BOUNDS", description = "As in the local generate command.")
    String freezeBounds;

    /** What the executors need to build the same generator as the local command. */
    record Spec(int samples, long seed, long steps, String meltBounds, String freezeBounds, int threads) implements Serializable {
        TrainingSetGenerator generator() {
            SeasonBounds bounds = new SeasonBounds(
                    meltBounds == null ? ParameterBounds.studyMelt() : ParameterBounds.parse(meltBounds),
                    freezeBounds == null ? ParameterBounds.studyFreeze() : ParameterBounds.parse(freezeBounds));
            return new TrainingSetGenerator(new TrainingSetGenerator.Settings(samples, seed, steps, bounds, SimulationSettings.study()),
                    threads);
        }
    }

    @Override
    public Integer call() throws IOException {
        Spec spec = new Spec(samples, common.seed, common.steps, meltBounds, freezeBounds, common.threads);
        spec.generator(); // checks the options before any task starts
        List<Integer> years = Jobs.years(seasons);
        List<String> places = Jobs.areas(areas);
        SparkSession spark = common.session("generate");
        GridFiles grids = common.grids(spark);
        List<PeriodTask> tasks = Jobs.periods(grids, years, places, false);
        LongAccumulator done = spark.sparkContext().longAccumulator("samples simulated");
        Jobs.describe(spark, "generate", String.format(Locale.ROOT, "generate: %d seasons x %d areas, %d periods x %d samples",
                years.size(), places.size(), tasks.size(), samples));
        Job job = Job.getInstance(Jobs.hadoop(spark));
        FileOutputFormat.setOutputPath(job, new org.apache.hadoop.fs.Path(common.out));
        long t0 = System.nanoTime();
        Jobs.context(spark).parallelize(tasks, tasks.size())
                .mapToPair(t -> generate(t, grids, spec, done))
                .saveAsNewAPIHadoopFile(common.out, String.class, byte[].class, FilesOutputFormat.class, job.getConfiguration());
        System.out.printf(Locale.ROOT, "%d files, %d samples in %.1f s -> %s%n", tasks.size(), (long) samples * tasks.size(),
                (System.nanoTime() - t0) / 1e9, common.out);
        return 0;
    }

    /** One period's training-set file, made by the local generator in a local folder. */
    static Tuple2<String, byte[]> generate(PeriodTask task, GridFiles grids, Spec spec, LongAccumulator done) {
        ObservedSeason observed = grids.observe(task.season(), task.focusArea(), List.of(task.start()));
        Path dir;
        try {
            dir = Files.createTempDirectory("iceising-set");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a local folder for the training set", e);
        }
        try {
            Path file = spec.generator().generate(observed.starts(), dir, new TaskProgress(done)).get(0);
            return new Tuple2<>(task.folder() + "/" + file.getFileName(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the training set back from " + dir, e);
        } finally {
            GridFiles.deleteTree(dir);
        }
    }
}
