package org.iceising.learn;

import java.util.List;
import java.util.SplittableRandom;
import org.iceising.model.Ensemble;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.Measures;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.Seeds;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;

/**
 * Re-simulating one period from its observed start with K chains, two ways: all K at the point
 * estimate, whose ends spread by chain noise alone; and each at its own parameters drawn from the
 * estimate's spread (normal, limited to the box), whose ends spread by chain noise and parameter
 * spread combined. Seeds follow the period's start day, so a period gives the same chains whatever
 * else runs with it. {@link SeasonEvaluation}, {@link Reproduction} and the workbench's season
 * charts re-simulate through here, so their numbers agree for the same seed.
 */
public final class Resimulation {

    /**
     * Coverage and extent of each chain's end, chain order.
     *
     * @param coverage mean ice concentration, fractions
     * @param extent   share of cells with at least 15 % ice, fractions
     */
    public record Spread(double[] coverage, double[] extent) {
        public Spread {
            coverage = coverage.clone();
            extent = extent.clone();
        }

        /** Standard deviation of the chains' coverage. */
        public double coverageSd() {
            return sd(coverage);
        }

        /** Standard deviation of the chains' extent. */
        public double extentSd() {
            return sd(extent);
        }
    }

    private Resimulation() {
    }

    /**
     * K chains at {@code params}: chain k of the period starting on day d is seeded by
     * {@code Seeds.forRun(Seeds.forRun(seed, d), k)}.
     *
     * @return the chains' ends in chain order
     * @throws org.iceising.model.CancelledException if the monitor is cancelled
     */
    public static List<Lattice> chains(Lattice start, SemiMonthlyPeriod period, IsingParams params, int chains, long seed,
                                       long stepsPer3600, SimulationSettings settings, int threads, ProgressMonitor monitor) {
        return Ensemble.run(start, params, settings, SemiMonthlyPeriod.stepsFor(start.activeCount(), stepsPer3600), chains,
                Seeds.forRun(seed, period.start().toEpochDay()), threads, monitor);
    }

    /** The cell-wise mean of lattices of one shape (the K chains' ensemble mean). */
    public static Lattice mean(List<Lattice> lattices) {
        Lattice first = lattices.get(0);
        double[] s = new double[first.size()];
        for (Lattice l : lattices) {
            for (int i = 0; i < s.length; i++) {
                s[i] += l.spin(i) / lattices.size();
            }
        }
        return Lattice.ofSpins(first.rows(), first.cols(), s, first.mask());
    }

    /**
     * K chains, chain k at {@code params} plus {@code sd} times its own standard normal draws (a
     * parameter whose spread is not finite is not drawn), limited to {@code box}; draws and chains
     * are seeded from {@code seed + 1} and the period's start day.
     *
     * @param sd the parameters' spread as standard deviations (J, B0, Bx, By, I)
     * @throws org.iceising.model.CancelledException if the monitor is cancelled
     */
    public static Spread drawn(Lattice start, SemiMonthlyPeriod period, IsingParams params, double[] sd, ParameterBounds box, int chains,
                               long seed, long stepsPer3600, SimulationSettings settings, ProgressMonitor monitor) {
        long steps = SemiMonthlyPeriod.stepsFor(start.activeCount(), stepsPer3600);
        long drawSeed = Seeds.forRun(Seeds.forRun(seed + 1, period.start().toEpochDay()), 1);
        double[] cov = new double[chains];
        double[] ext = new double[chains];
        for (int k = 0; k < chains; k++) {
            monitor.checkCancelled();
            SplittableRandom random = new SplittableRandom(Seeds.forRun(drawSeed, 2L * k));
            double[] v = params.toArray();
            for (int q = 0; q < 5; q++) {
                v[q] += Double.isFinite(sd[q]) ? sd[q] * gaussian(random) : 0;
                v[q] = Math.max(box.lower(q), Math.min(box.upper(q), v[q]));
            }
            Lattice end = Ensemble.run(start, IsingParams.fromArray(v), settings, steps, 1, Seeds.forRun(drawSeed, 2L * k + 1), 1,
                    ProgressMonitor.NONE).get(0);
            cov[k] = Measures.coverage(end);
            ext[k] = Measures.extentFraction(end);
        }
        return new Spread(cov, ext);
    }

    /** The sample standard deviation (n − 1); 0 for fewer than two values. */
    public static double sd(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = 0;
        for (double x : v) {
            m += x / v.length;
        }
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }
}
