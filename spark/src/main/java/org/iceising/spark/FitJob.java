package org.iceising.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.iceising.learn.DirectFitter;
import org.iceising.learn.ObservedSeason;
import org.iceising.learn.SeasonBounds;
import org.iceising.model.IsingParams;
import org.iceising.model.SimulationSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Fits (J, B0, Bx, By, I) directly for every observed period of many seasons and areas, as the "
                + "local fit command does for one season: one Spark task per period.",
                "Writes one table: season, area, period_start, J, B0, Bx, By, I, distance, evaluations."})
final class FitJob implements Callable<Integer> {
    static final StructType SCHEMA = Jobs.PERIOD_PARAMETERS
            .add("distance", DataTypes.DoubleType, false)
            .add("evaluations", DataTypes.IntegerType, false);

    @Mixin
    Jobs.Common common;

    @Option(names = "--seasons", defaultValue = "2018", paramLabel = "YEARS",
            description = "Seasons: 2018, 2016,2018 or 1979..2020. Default: ${DEFAULT-VALUE}.")
    String seasons;

    @Option(names = "--area", defaultValue = "focus", paramLabel = "AREA", description = "Area, repeatable. Default: ${DEFAULT-VALUE}.")
    List<String> areas;

    @Option(names = "--evaluations", defaultValue = "400", paramLabel = "N", description = "Evaluations per period. Default: ${DEFAULT-VALUE}.")
    int evaluations;

    @Option(names = "--seeds", defaultValue = "4", paramLabel = "K", description = "Chains averaged per evaluation. Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = "--population", defaultValue = "10", paramLabel = "N", description = "CMA-ES population. Default: ${DEFAULT-VALUE}.")
    int population;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT", description = "csv or parquet. Default: ${DEFAULT-VALUE}.")
    String format;

    /** The local fit command's configuration. */
    record Spec(int seeds, int evaluations, int population, long seed, long steps, int threads) implements Serializable {
        DirectFitter.Config config() {
            return new DirectFitter.Config(seeds, evaluations, population, 0.3, seed, steps, SimulationSettings.study());
        }
    }

    @Override
    public Integer call() {
        Spec spec = new Spec(seeds, evaluations, population, common.seed, common.steps, common.threads);
        spec.config(); // checks the options before any task starts
        String f = Jobs.format(format);
        List<Integer> years = Jobs.years(seasons);
        List<String> places = Jobs.areas(areas);
        SparkSession spark = common.session("fit");
        GridFiles grids = common.grids(spark);
        List<PeriodTask> tasks = Jobs.periods(grids, years, places, true);
        LongAccumulator done = spark.sparkContext().longAccumulator("evaluations");
        Jobs.describe(spark, "fit", String.format(Locale.ROOT, "fit: %d periods x %d evaluations x %d chains", tasks.size(),
                evaluations, seeds));
        long t0 = System.nanoTime();
        List<Row> rows = Jobs.context(spark).parallelize(tasks, tasks.size()).map(t -> fit(t, grids, spec, done)).collect();
        Jobs.writeTable(spark.createDataFrame(rows, SCHEMA), f, common.out);
        System.out.printf(Locale.ROOT, "%d periods fitted in %.1f s -> %s%n", rows.size(), (System.nanoTime() - t0) / 1e9, common.out);
        return 0;
    }

    static Row fit(PeriodTask task, GridFiles grids, Spec spec, LongAccumulator done) {
        ObservedSeason.Pair pair = grids.observe(task.season(), task.focusArea(), task.ends()).pair(task.period());
        DirectFitter.Result r = DirectFitter.fit(pair.start(), pair.end(), SeasonBounds.study().forPeriod(task.period()),
                spec.config(), spec.threads(), new TaskProgress(done));
        IsingParams p = r.params();
        return RowFactory.create(task.year(), task.area(), task.start().toString(), p.j(), p.b0(), p.bx(), p.by(), p.inertia(),
                r.distance(), r.evaluations());
    }
}
