package org.iceising.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.iceising.cli.AreaOption;
import org.iceising.model.Season;
import org.iceising.model.SemiMonthlyPeriod;
import picocli.CommandLine.Option;

/** What every job shares: the session, the output folder, the seasons and areas, the chains. */
final class Jobs {
    /** The leading columns of the fit and evaluate tables: which period, and its (J, B0, Bx, By, I). */
    static final StructType PERIOD_PARAMETERS = new StructType()
            .add("season", DataTypes.IntegerType, false)
            .add("area", DataTypes.StringType, false)
            .add("period_start", DataTypes.StringType, false)
            .add("J", DataTypes.DoubleType, false)
            .add("B0", DataTypes.DoubleType, false)
            .add("Bx", DataTypes.DoubleType, false)
            .add("By", DataTypes.DoubleType, false)
            .add("I", DataTypes.DoubleType, false);

    /** The options of every job. */
    static final class Common {
        @Option(names = "--master", paramLabel = "URL", description = "Spark master when spark-submit does not set one, "
                + "e.g. local[2] or spark://host:7077.")
        String master;

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "Folder of NSIDC grids (any nesting): "
                + "a local path, file:///..., hdfs://... or s3a://...")
        String data;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (must not exist yet). "
                + "Complete when it holds _SUCCESS.")
        String out;

        @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--steps", defaultValue = "50000", paramLabel = "N",
                description = "Metropolis steps per period for 3,600 active cells (scaled by the active count). Default: ${DEFAULT-VALUE}.")
        long steps;

        @Option(names = "--threads", defaultValue = "1", paramLabel = "T", description = "Threads per task (Spark runs "
                + "one task per core). Default: ${DEFAULT-VALUE}.")
        int threads;

        SparkSession session(String job) {
            if (threads < 1) {
                throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
            }
            if (steps < 0) {
                throw new IllegalArgumentException("--steps must be >= 0, got " + steps);
            }
            SparkSession.Builder b = SparkSession.builder().appName("IceIsing " + job);
            if (master != null) {
                b.master(master);
            }
            SparkSession spark = b.getOrCreate();
            requireAbsent(spark, out);
            return spark;
        }

        GridFiles grids(SparkSession spark) {
            return GridFiles.list(data, hadoop(spark));
        }
    }

    private Jobs() {
    }

    /**
     * The session's Hadoop configuration with the file output committer's algorithm 1: task output
     * moves into the output folder only when the whole job commits.
     */
    static Configuration hadoop(SparkSession spark) {
        Configuration conf = new Configuration(spark.sparkContext().hadoopConfiguration());
        conf.setInt("mapreduce.fileoutputcommitter.algorithm.version", 1);
        return conf;
    }

    static JavaSparkContext context(SparkSession spark) {
        return JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    /** Names the job in Spark's UI; cancelling the group interrupts its tasks. */
    static void describe(SparkSession spark, String job, String description) {
        spark.sparkContext().setJobGroup("iceising-" + job, description, true);
    }

    private static void requireAbsent(SparkSession spark, String out) {
        Path p = new Path(out);
        try {
            if (p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p)) {
                throw new IllegalArgumentException("output folder " + out + " already exists; a job never overwrites, "
                        + "choose another folder");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("output folder " + out + ": cannot be checked (" + e.getMessage() + ")", e);
        }
    }

    /** Writes a table as one CSV (with a header line) or Parquet file, through Spark's commit protocol. */
    static void writeTable(Dataset<Row> table, String format, String out) {
        table.coalesce(1).write().format(format(format)).option("header", "true").mode(SaveMode.ErrorIfExists).save(out);
    }

    static String format(String format) {
        String f = format.trim().toLowerCase(java.util.Locale.ROOT);
        if (!f.equals("csv") && !f.equals("parquet")) {
            throw new IllegalArgumentException("--format must be csv or parquet, got '" + format + "'");
        }
        return f;
    }

    /** Seasons from "2018", "2016,2018" or "1979..2020" (and mixes: "1990,2000..2005"). */
    static List<Integer> years(String text) {
        TreeSet<Integer> out = new TreeSet<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            try {
                int dots = p.indexOf("..");
                if (dots < 0) {
                    out.add(Integer.parseInt(p));
                } else {
                    int from = Integer.parseInt(p.substring(0, dots).trim());
                    int to = Integer.parseInt(p.substring(dots + 2).trim());
                    if (to < from) {
                        throw new IllegalArgumentException("--seasons: range '" + p + "' ends before it starts");
                    }
                    for (int y = from; y <= to; y++) {
                        out.add(y);
                    }
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--seasons: '" + p + "' is neither a year nor a range like 1979..2020");
            }
        }
        return List.copyOf(out);
    }

    /** Checks every --area text as the local commands read it, and that each gets its own output folder. */
    static List<String> areas(List<String> areas) {
        java.util.Set<String> folders = new java.util.HashSet<>();
        for (String a : areas) {
            AreaOption.parse(a);
            if (!folders.add(PeriodTask.folder(0, a))) {
                throw new IllegalArgumentException("--area " + a + " is given twice (or writes to the same folder as another)");
            }
        }
        return List.copyOf(areas);
    }

    /**
     * The periods of the seasons in the areas whose grids are there: at the start when {@code bothEnds}
     * is false (training sets), at start and end when it is true (fits, evaluations).
     */
    static List<PeriodTask> periods(GridFiles grids, List<Integer> years, List<String> areas, boolean bothEnds) {
        List<PeriodTask> out = new ArrayList<>();
        for (int year : years) {
            for (String area : areas) {
                List<SemiMonthlyPeriod> all = Season.study(year).periods();
                int before = out.size();
                for (SemiMonthlyPeriod p : all) {
                    if (grids.has(p.start()) && (!bothEnds || grids.has(p.end()))) {
                        out.add(new PeriodTask(year, area, p.start()));
                    }
                }
                System.out.printf(java.util.Locale.ROOT, "season %d, area %s: %d of %d periods observed%s%n", year, area,
                        out.size() - before, all.size(), bothEnds ? " at both ends" : " at the start");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no period of the seasons " + years + " is observed " + (bothEnds ? "at both ends " : "")
                    + "in " + grids.folder());
        }
        return out;
    }
}
