package org.iceising.spark;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.iceising.learn.ObservedSeason;
import org.iceising.learn.ParameterBounds;
import org.iceising.learn.SeasonBounds;
import org.iceising.learn.SeasonEvaluation;
import org.iceising.model.IsingParams;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Sweeps the parameters over a box, a grid or random points, for observed periods of a season: "
                + "each parameter set is simulated with K chains from the observed start, as the local evaluate command "
                + "simulates a period (the same K seeds for every set, so the sets are compared on common random numbers).",
                "Writes one row per period and set: period_start, set, J, B0, Bx, By, I and the K chains' mean coverage, "
                        + "extent and distance to the observed end."})
final class SweepJob implements Callable<Integer> {
    static final StructType SCHEMA = new StructType()
            .add("period_start", DataTypes.StringType, false)
            .add("set", DataTypes.LongType, false)
            .add("J", DataTypes.DoubleType, false)
            .add("B0", DataTypes.DoubleType, false)
            .add("Bx", DataTypes.DoubleType, false)
            .add("By", DataTypes.DoubleType, false)
            .add("I", DataTypes.DoubleType, false)
            .add("coverage", DataTypes.DoubleType, false)
            .add("extent", DataTypes.DoubleType, false)
            .add("distance", DataTypes.DoubleType, false);

    @Mixin
    Jobs.Common common;

    @Option(names = "--season", defaultValue = "2018", paramLabel = "YEAR", description = "The study season. Default: ${DEFAULT-VALUE}.")
    int season;

    @Option(names = "--area", defaultValue = "focus", paramLabel = "AREA", description = "Area. Default: ${DEFAULT-VALUE}.")
    String area;

    @Option(names = "--period", paramLabel = "DATE", description = "Start of a period to sweep, repeatable. Default: every "
            + "period of the season observed at both ends.")
    List<LocalDate> periods;

    @Option(names = "--box", paramLabel = "BOUNDS", description = "J=lo..hi,B0=lo..hi,Bx=lo..hi,By=lo..hi,I=lo..hi. "
            + "Default: the study's melt or freeze box of each period.")
    String box;

    static final class Points {
        @Option(names = "--grid", paramLabel = "N", description = "A grid of N points per axis (N^5 sets).")
        Integer grid;

        @Option(names = "--random", paramLabel = "N", description = "N points drawn uniformly in the box.")
        Long random;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Points points;

    @Option(names = "--seeds", defaultValue = "8", paramLabel = "K", description = "Chains per set. Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = "--partitions", paramLabel = "P", description = "Spark partitions. Default: 4 per core of the cluster.")
    Integer partitions;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT", description = "csv or parquet. Default: ${DEFAULT-VALUE}.")
    String format;

    /** Everything a task needs besides the grids. */
    record Spec(int year, String area, List<LocalDate> periods, String box, SweepPoints points, int seeds, long seed, long steps,
                int threads) implements Serializable {
        PeriodTask task(int period) {
            return new PeriodTask(year, area, periods.get(period));
        }

        ParameterBounds boxFor(SemiMonthlyPeriod p) {
            return box == null ? SeasonBounds.study().forPeriod(p) : ParameterBounds.parse(box);
        }
    }

    @Override
    public Integer call() {
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds must be at least 1, got " + seeds);
        }
        String f = Jobs.format(format);
        SweepPoints sp = points.grid != null ? SweepPoints.grid(points.grid) : SweepPoints.random(points.random, common.seed);
        if (box != null) {
            ParameterBounds.parse(box);
        }
        SparkSession spark = common.session("sweep");
        GridFiles grids = common.grids(spark);
        List<LocalDate> starts = new ArrayList<>();
        for (PeriodTask t : Jobs.periods(grids, List.of(season), Jobs.areas(List.of(area)), true)) {
            if (periods == null || periods.contains(t.start())) {
                starts.add(t.start());
            }
        }
        if (periods != null && starts.size() < periods.size()) {
            List<LocalDate> missing = new ArrayList<>(periods);
            missing.removeAll(starts);
            throw new IllegalArgumentException("--period " + missing + ": not a period of the " + season
                    + " season observed at both ends in " + grids.folder());
        }
        Spec spec = new Spec(season, area, List.copyOf(starts), box, sp, seeds, common.seed, common.steps, common.threads);
        long total = sp.size() * starts.size();
        int parts = (int) Math.min(total, partitions != null ? partitions : 4L * spark.sparkContext().defaultParallelism());
        if (parts < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1, got " + parts);
        }
        LongAccumulator done = spark.sparkContext().longAccumulator("parameter sets simulated");
        Jobs.describe(spark, "sweep", String.format(Locale.ROOT, "sweep: %d periods x %d parameter sets x %d chains",
                starts.size(), sp.size(), seeds));
        long t0 = System.nanoTime();
        JavaRDD<Row> rows = spark.range(0, total, 1, parts).javaRDD().mapPartitions(it -> sweep(it, grids, spec, done));
        spark.createDataFrame(rows, SCHEMA).write().format(f).option("header", "true").save(common.out);
        System.out.printf(Locale.ROOT, "%d parameter sets x %d periods x %d chains in %.1f s -> %s%n", sp.size(), starts.size(),
                seeds, (System.nanoTime() - t0) / 1e9, common.out);
        return 0;
    }

    /** The rows of a partition of the (period, set) indices: period = index / sets, set = index % sets. */
    static Iterator<Row> sweep(Iterator<Long> indices, GridFiles grids, Spec spec, LongAccumulator done) {
        return new Iterator<>() {
            private final ProgressMonitor monitor = new TaskProgress(done);
            private long finished;
            private ObservedSeason observed;

            @Override
            public boolean hasNext() {
                return indices.hasNext();
            }

            @Override
            public Row next() {
                long index = indices.next();
                long sets = spec.points().size();
                PeriodTask t = spec.task((int) (index / sets));
                if (observed == null) {
                    List<LocalDate> dates = new ArrayList<>();
                    for (int k = 0; k < spec.periods().size(); k++) {
                        dates.addAll(spec.task(k).ends());
                    }
                    observed = grids.observe(t.season(), t.focusArea(), dates);
                }
                SemiMonthlyPeriod p = t.period();
                IsingParams params = spec.points().at(spec.boxFor(p), index % sets);
                SeasonEvaluation.Period e = SeasonEvaluation.evaluate(observed, Map.of(p, params), spec.seeds(), spec.seed(),
                        spec.steps(), SimulationSettings.study(), spec.threads(), ProgressMonitor.NONE).periods().get(0);
                monitor.checkCancelled();
                monitor.progress(++finished, sets, p + ": set " + (index % sets));
                return RowFactory.create(t.start().toString(), index % sets, params.j(), params.b0(), params.bx(), params.by(),
                        params.inertia(), e.coverageSimulated(), e.extentSimulated(), e.distanceSimulated());
            }
        };
    }
}
