package org.iceising.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.iceising.data.DataCatalogue;
import org.iceising.data.FocusArea;
import org.iceising.learn.ObservedSeason;
import org.iceising.learn.TrainingSetGenerator;
import org.iceising.model.Lattice;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.Season;
import org.iceising.model.SemiMonthlyPeriod;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to generate a training set from the observed starts of the sample 2018 season: 13 periods
 * of {@code samples} samples each, 50,000 steps per sample, on {@code threads} threads, written to
 * disk. The study's scale is 10,000 samples per period: multiply the time by 10,000 / samples.
 * Run with {@code mvn -Pbench test-compile exec:exec -Dbench.args=TrainingSetBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class TrainingSetBenchmark {
    @Param({"500"})
    public int samples;

    @Param({"1", "2"})
    public int threads;

    private Map<SemiMonthlyPeriod, Lattice> starts;
    private Path dir;

    @Setup(Level.Trial)
    public void load() {
        starts = ObservedSeason.load(DataCatalogue.scan(Path.of("sample-data")), Season.study(2018), FocusArea.STUDY).starts();
    }

    @Setup(Level.Invocation)
    public void folder() throws IOException {
        dir = Files.createTempDirectory("iceising-bench");
    }

    @TearDown(Level.Invocation)
    public void clean() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public Object generate() {
        return new TrainingSetGenerator(TrainingSetGenerator.Settings.study(samples, 2018), threads)
                .generate(starts, dir, ProgressMonitor.NONE);
    }
}
