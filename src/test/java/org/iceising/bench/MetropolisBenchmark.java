package org.iceising.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.iceising.data.DataCatalogue;
import org.iceising.data.FocusArea;
import org.iceising.data.SampleData;
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
 * Cost of the Metropolis engine on 60 × 60 lattices: ns per step of one chain, and ns per step of
 * a 16-chain ensemble of whole study periods over 1 and 2 threads. Run with
 * {@code mvn -Pbench test-compile exec:exec} (see docs/PERFORMANCE.md).
 */
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MetropolisBenchmark {
    static final int STEPS = 1_000_000;
    static final int RUNS = 16;

    /** A start lattice and the study's parameters for it. */
    @State(Scope.Thread)
    public static class Start {
        /**
         * observed-freeze: the real 2018-09-16 focus area with the study's freeze example;
         * observed-melt: the real 2018-07-16 focus area with mid-bound melt parameters;
         * random-freeze: independent uniform concentrations, the hardest case for branch prediction.
         */
        @Param({"observed-freeze", "observed-melt", "random-freeze"})
        public String lattice;

        Lattice start;
        IsingParams params;

        @Setup(Level.Trial)
        public void load() {
            if (lattice.startsWith("observed")) {
                DataCatalogue catalogue = DataCatalogue.scan(SampleData.directory());
                boolean freeze = lattice.endsWith("freeze");
                start = FocusArea.STUDY.lattice(catalogue.load(java.time.LocalDate.of(2018, freeze ? 9 : 7, 16)));
                params = freeze ? IsingParams.studyFreeze() : IsingParams.studyMelt();
            } else {
                SplittableRandom r = new SplittableRandom(1);
                double[] c = new double[3600];
                for (int i = 0; i < c.length; i++) {
                    c[i] = r.nextDouble();
                }
                start = Lattice.ofConcentration(60, 60, c);
                params = IsingParams.studyFreeze();
            }
        }
    }

    /** One chain, restarted from the start lattice every million steps (about 20 periods). */
    @State(Scope.Thread)
    public static class Chain {
        MetropolisEngine engine;

        @Setup(Level.Invocation)
        public void restart(Start s) {
            engine = new MetropolisEngine(s.start.copy(), s.params, SimulationSettings.study(), 7);
        }
    }

    @State(Scope.Thread)
    public static class Threads {
        @Param({"1", "2"})
        public int threads;
    }

    /** One chain: time per Metropolis step. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public Lattice step(Chain chain) {
        chain.engine.run(STEPS);
        return chain.engine.lattice();
    }

    /** 16 chains of one study period (50,000 steps) each, over the given threads: time per step. */
    @Benchmark
    @OperationsPerInvocation(RUNS * 50_000)
    public List<Lattice> ensemble(Start s, Threads t) {
        return Ensemble.run(s.start, s.params, SimulationSettings.study(), SemiMonthlyPeriod.STUDY_STEPS, RUNS, 3,
                t.threads, ProgressMonitor.NONE);
    }
}
