package org.iceising.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The engine's chains against a textbook Metropolis written straight from MODEL.md §2–3 (its own
 * random numbers, the local energy e(v) evaluated as written, {@code Math.exp} for every uphill move),
 * and chains run side by side against the same chains run alone.
 */
class ChainStatisticsTest {

    /** A 12 × 10 lattice with three masked cells (one on the edge) and a gradient of ice. */
    private static Lattice start() {
        double[] s = new double[120];
        boolean[] mask = new boolean[120];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.cos(0.37 * i);
            mask[i] = i != 5 && i != 47 && i != 48;
        }
        return Lattice.ofSpins(12, 10, s, mask);
    }

    /** MODEL.md §2: e(x, y; v) = −J·v·Σ_nb(v) − B·v, a neighbour outside the lattice or masked taking v. */
    private static double localEnergy(double[] s, boolean[] active, int rows, int cols, int i, double v, double j, double b,
                                      boolean periodic) {
        int r = i / cols;
        int c = i % cols;
        int[][] steps = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}};
        double sum = 0;
        for (int[] d : steps) {
            int nr = r + d[0];
            int nc = c + d[1];
            if (periodic) {
                nr = Math.floorMod(nr, rows);
                nc = Math.floorMod(nc, cols);
            }
            boolean present = nr >= 0 && nr < rows && nc >= 0 && nc < cols && active[nr * cols + nc];
            sum += present ? s[nr * cols + nc] : v;
        }
        return -j * v * sum - b * v;
    }

    /** One textbook chain: site uniform over the active cells, s′ uniform in [−1, 1], accept with min(1, e^(−βΔE)). */
    private static double[] textbookChain(Lattice start, IsingParams p, SimulationSettings settings, long steps, long seed,
                                          long[] accepted) {
        int rows = start.rows();
        int cols = start.cols();
        double[] s = start.spins();
        boolean[] active = start.mask();
        int[] cells = new int[start.activeCount()];
        for (int i = 0, a = 0; i < s.length; i++) {
            if (active[i]) {
                cells[a++] = i;
            }
        }
        double[] b = LinearField.values(p, rows, cols);
        boolean periodic = settings.boundary() == Boundary.PERIODIC;
        SplittableRandom random = new SplittableRandom(seed);
        for (long k = 0; k < steps; k++) {
            int i = cells[random.nextInt(cells.length)];
            double old = s[i];
            double proposed = settings.spins() == SpinKind.BINARY ? -old : random.nextDouble(-1, 1);
            double dH = localEnergy(s, active, rows, cols, i, proposed, p.j(), b[i], periodic)
                    - localEnergy(s, active, rows, cols, i, old, p.j(), b[i], periodic);
            double dE = dH + p.inertia() * Math.abs(proposed - old);
            if (dE <= 0 || random.nextDouble() < Math.exp(-settings.beta() * dE)) {
                s[i] = proposed;
                accepted[0]++;
            }
        }
        return s;
    }

    private record Moments(double coverage, double coverageError, double acceptance, double acceptanceError) {
    }

    private static Moments moments(double[] coverage, double[] acceptance) {
        return new Moments(mean(coverage), standardError(coverage), mean(acceptance), standardError(acceptance));
    }

    private static double mean(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x / v.length;
        }
        return m;
    }

    private static double standardError(double[] v) {
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.length - 1) / v.length);
    }

    private static void assertSameStatistics(IsingParams p, SimulationSettings settings, Lattice start, long steps) {
        int chains = 300;
        double[][] engine = new double[2][chains];
        double[][] textbook = new double[2][chains];
        List<Lattice> ends = Ensemble.run(start, p, settings, steps, chains, 2018, 1, ProgressMonitor.NONE);
        for (int k = 0; k < chains; k++) {
            engine[0][k] = Measures.coverage(ends.get(k));
            MetropolisEngine single = new MetropolisEngine(start.copy(), p, settings, Seeds.forRun(2018, k));
            single.run(steps);
            assertEquals(single.lattice(), ends.get(k), "chain " + k + " side by side and alone");
            engine[1][k] = single.acceptanceRatio();
            long[] accepted = new long[1];
            double[] s = textbookChain(start, p, settings, steps, 7_000 + k, accepted);
            Lattice end = Lattice.ofSpins(start.rows(), start.cols(), s, start.mask());
            textbook[0][k] = Measures.coverage(end);
            textbook[1][k] = (double) accepted[0] / steps;
        }
        Moments e = moments(engine[0], engine[1]);
        Moments t = moments(textbook[0], textbook[1]);
        // independent samples: the difference of the means over its standard error is about N(0, 1)
        double zCoverage = (e.coverage() - t.coverage()) / Math.hypot(e.coverageError(), t.coverageError());
        double zAcceptance = (e.acceptance() - t.acceptance()) / Math.hypot(e.acceptanceError(), t.acceptanceError());
        String what = p + " " + settings + ": engine " + e + ", textbook " + t;
        assertTrue(Math.abs(zCoverage) < 4.5, "coverage z = " + zCoverage + " " + what);
        assertTrue(Math.abs(zAcceptance) < 4.5, "acceptance z = " + zAcceptance + " " + what);
        // and the test can see a difference: the chains are still moving from the start, not frozen
        assertTrue(Math.abs(e.coverage() - Measures.coverage(start)) > 10 * e.coverageError(), what);
    }

    @Test
    void studyChainsHaveTheTextbookStatistics() {
        assertSameStatistics(IsingParams.studyFreeze(), SimulationSettings.study(), start(), 1_500);
        assertSameStatistics(new IsingParams(0.8, 1.5, -2, 3, 0), SimulationSettings.study(), start(), 1_500);
    }

    @Test
    void periodicAndBinaryChainsHaveTheTextbookStatistics() {
        assertSameStatistics(new IsingParams(0.6, 0.5, 1, -1, 0.5), new SimulationSettings(1.3, SpinKind.CONTINUOUS, Boundary.PERIODIC),
                start(), 1_500);
        Lattice binary = ClassroomIsing.randomStart(10, SpinKind.BINARY, 4);
        assertSameStatistics(new IsingParams(0.4, 0.3, 0, 0, 0), new SimulationSettings(1, SpinKind.BINARY, Boundary.PERIODIC),
                binary, 300);
    }

    @Test
    void chainsSideBySideAreTheChainsAloneWhateverTheThreads() {
        IsingParams p = new IsingParams(1.1, -0.5, 2, -1, 0.3);
        SimulationSettings periodic = new SimulationSettings(1, SpinKind.CONTINUOUS, Boundary.PERIODIC);
        for (SimulationSettings settings : List.of(SimulationSettings.study(), periodic)) {
            // 5 chains on 1 thread: two pairs and one alone; on 5 threads every chain alone
            List<Lattice> paired = Ensemble.run(start(), p, settings, 25_000, 5, 9, 1, ProgressMonitor.NONE);
            List<Lattice> alone = Ensemble.run(start(), p, settings, 25_000, 5, 9, 5, ProgressMonitor.NONE);
            assertEquals(alone, paired, settings.toString());
        }
    }
}
