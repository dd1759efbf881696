package org.iceising.spark;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.iceising.learn.ObservedSeason;
import org.iceising.learn.SeasonEvaluation;
import org.iceising.model.IsingParams;
import org.iceising.model.SimulationSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Re-simulates every period of a parameter table (the fit job's output: season, area, period_start, "
                + "J, B0, Bx, By, I) from its observed start with K seeds, as the local evaluate command does: one Spark "
                + "task per period.",
                "Writes coverage, extent and distance per period: observed, simulated (mean of K) and persistence."})
final class EvaluateJob implements Callable<Integer> {
    static final StructType SCHEMA = Jobs.PERIOD_PARAMETERS
            .add("coverage_observed", DataTypes.DoubleType, false)
            .add("coverage_simulated", DataTypes.DoubleType, false)
            .add("coverage_persistence", DataTypes.DoubleType, false)
            .add("extent_observed", DataTypes.DoubleType, false)
            .add("extent_simulated", DataTypes.DoubleType, false)
            .add("extent_persistence", DataTypes.DoubleType, false)
            .add("distance_simulated", DataTypes.DoubleType, false)
            .add("distance_persistence", DataTypes.DoubleType, false);

    @Mixin
    Jobs.Common common;

    @Option(names = "--params", required = true, paramLabel = "DIR", description = "Parameter table, e.g. the fit job's output.")
    String params;

    @Option(names = "--params-format", defaultValue = "csv", paramLabel = "FORMAT", description = "csv or parquet. Default: ${DEFAULT-VALUE}.")
    String paramsFormat;

    @Option(names = "--seeds", defaultValue = "8", paramLabel = "K", description = "Chains per period. Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT", description = "csv or parquet. Default: ${DEFAULT-VALUE}.")
    String format;

    /** A period and the parameters to simulate it with (J, B0, Bx, By, I). */
    record Task(PeriodTask period, double[] values) implements Serializable {
        IsingParams params() {
            return IsingParams.fromArray(values);
        }
    }

    /** The local evaluate command's chains. */
    record Spec(int seeds, long seed, long steps, int threads) implements Serializable {
    }

    @Override
    public Integer call() {
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds must be at least 1, got " + seeds);
        }
        String f = Jobs.format(format);
        SparkSession spark = common.session("evaluate");
        List<Task> tasks = read(spark, params, Jobs.format(paramsFormat));
        GridFiles grids = common.grids(spark);
        for (Task t : tasks) {
            if (!grids.has(t.period().start()) || !grids.has(t.period().period().end())) {
                throw new IllegalArgumentException("period " + t.period().period() + " of the parameter table is not observed at both "
                        + "ends in " + grids.folder());
            }
        }
        Spec spec = new Spec(seeds, common.seed, common.steps, common.threads);
        LongAccumulator done = spark.sparkContext().longAccumulator("periods re-simulated");
        Jobs.describe(spark, "evaluate", String.format(Locale.ROOT, "evaluate: %d periods x %d chains", tasks.size(), seeds));
        long t0 = System.nanoTime();
        List<Row> rows = Jobs.context(spark).parallelize(tasks, tasks.size()).map(t -> evaluate(t, grids, spec, done)).collect();
        Jobs.writeTable(spark.createDataFrame(rows, SCHEMA), f, common.out);
        System.out.printf(Locale.ROOT, "%d periods evaluated in %.1f s -> %s%n", rows.size(), (System.nanoTime() - t0) / 1e9, common.out);
        return 0;
    }

    /** The rows of a parameter table, each checked as the local commands check parameters. */
    static List<Task> read(SparkSession spark, String table, String format) {
        List<Row> rows;
        try {
            rows = spark.read().format(format).option("header", "true").load(table)
                    .select(col("season").cast("int"), col("area").cast("string"), col("period_start").cast("string"),
                            col("J").cast("double"), col("B0").cast("double"), col("Bx").cast("double"),
                            col("By").cast("double"), col("I").cast("double"))
                    .collectAsList();
        } catch (Exception e) {
            // a missing table or column (Scala declares no checked exceptions)
            if (e instanceof org.apache.spark.sql.AnalysisException a) {
                throw new IllegalArgumentException("parameter table " + table + ": " + a.getSimpleMessage(), a);
            }
            throw e;
        }
        List<Task> out = new ArrayList<>();
        for (Row r : rows) {
            try {
                for (int k = 0; k < r.length(); k++) {
                    if (r.isNullAt(k)) {
                        throw new IllegalArgumentException("empty or unreadable " + SCHEMA.fields()[k].name());
                    }
                }
                PeriodTask p = new PeriodTask(r.getInt(0), Jobs.areas(List.of(r.getString(1))).get(0), LocalDate.parse(r.getString(2)));
                if (!p.season().periods().contains(p.period())) {
                    throw new IllegalArgumentException("period " + p.period() + " is not in the " + p.year() + " season");
                }
                out.add(new Task(p, new IsingParams(r.getDouble(3), r.getDouble(4), r.getDouble(5), r.getDouble(6), r.getDouble(7)).toArray()));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException("parameter table " + table + ", row " + r + ": " + e.getMessage());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("parameter table " + table + " has no rows");
        }
        return out;
    }

    static Row evaluate(Task task, GridFiles grids, Spec spec, LongAccumulator done) {
        PeriodTask t = task.period();
        ObservedSeason observed = grids.observe(t.season(), t.focusArea(), t.ends());
        SeasonEvaluation.Period e = SeasonEvaluation.evaluate(observed, Map.of(t.period(), task.params()), spec.seeds(), spec.seed(),
                spec.steps(), SimulationSettings.study(), spec.threads(), new TaskProgress(done)).periods().get(0);
        IsingParams p = task.params();
        return RowFactory.create(t.year(), t.area(), t.start().toString(), p.j(), p.b0(), p.bx(), p.by(), p.inertia(),
                e.coverageObserved(), e.coverageSimulated(), e.coverageStart(), e.extentObserved(), e.extentSimulated(),
                e.extentStart(), e.distanceSimulated(), e.distancePersistence());
    }
}
