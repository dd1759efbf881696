package org.iceising.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.iceising.model.Ensemble;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.MetropolisEngine;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of the Metropolis engine on a 60 × 60 study lattice: ns per step for one chain, and the
 * time of a 16-chain ensemble of whole periods over 1 and 2 threads. Run with
 * {@code mvn -Pbench test-compile exec:exec} (see docs/PERFORMANCE.md).
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MetropolisBenchmark {
    static final int STEPS = 1_000_000;
    static final int RUNS = 16;

    /** Study parameters of a freezing and a melting period. */
    @Param({"freeze", "melt"})
    public String regime;

    @Param({"1", "2"})
    public int threads;

    private Lattice start;
    private IsingParams params;
    private MetropolisEngine engine;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom r = new SplittableRandom(1);
        double[] c = new double[3600];
        for (int i = 0; i < c.length; i++) {
            c[i] = r.nextDouble();
        }
        start = Lattice.ofConcentration(60, 60, c);
        params = regime.equals("freeze") ? IsingParams.studyFreeze() : IsingParams.studyMelt();
        engine = new MetropolisEngine(start.copy(), params, SimulationSettings.study(), 7);
    }

    /** One chain: time per Metropolis step (threads parameter unused). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(STEPS)
    public Lattice step() {
        engine.run(STEPS);
        return engine.lattice();
    }

    /** 16 chains of one study period (50,000 steps) each, spread over the given threads: time per step. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(RUNS * 50_000)
    public List<Lattice> ensemble() {
        return Ensemble.run(start, params, SimulationSettings.study(), SemiMonthlyPeriod.STUDY_STEPS, RUNS, 3,
                threads, ProgressMonitor.NONE);
    }
}
