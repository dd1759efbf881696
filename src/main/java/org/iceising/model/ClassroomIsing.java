package org.iceising.model;

import java.util.SplittableRandom;

/**
 * The classroom Ising model: an L × L lattice, coupling J = 1, uniform field H, no inertia,
 * measured after equilibration. Binary spins on a periodic lattice reproduce Onsager's results.
 */
public final class ClassroomIsing {

    /**
     * @param meanAbsMagnetisation ⟨|M|⟩ per site, averaged over the measured sweeps
     * @param energyPerSite        ⟨H⟩ per site, averaged over the measured sweeps
     * @param acceptance           accepted / attempted steps during measurement
     * @param measuredSweeps       sweeps averaged over
     */
    public record Result(double meanAbsMagnetisation, double energyPerSite, double acceptance, int measuredSweeps) {
    }

    private ClassroomIsing() {
    }

    /** A random start: ±1 with equal odds for binary spins, uniform in [−1, 1] for continuous ones. */
    public static Lattice randomStart(int size, SpinKind spins, long seed) {
        if (size < 2) {
            throw new IllegalArgumentException("lattice size must be at least 2, got " + size);
        }
        SplittableRandom r = new SplittableRandom(seed);
        double[] s = new double[size * size];
        for (int i = 0; i < s.length; i++) {
            s[i] = spins == SpinKind.BINARY ? (r.nextBoolean() ? 1 : -1) : 2 * r.nextDouble() - 1;
        }
        return Lattice.ofSpins(size, size, s, null);
    }

    /** Parameters of the classroom model: J = 1, uniform field h, no gradient, no inertia. */
    public static IsingParams params(double h) {
        return new IsingParams(1.0, h, 0, 0, 0);
    }

    /**
     * Equilibrates for {@code equilibrationSweeps}, then averages |M| and H per site over
     * {@code measureSweeps}, one sample per sweep.
     */
    public static Result measure(Lattice start, SimulationSettings settings, double h, int equilibrationSweeps,
                                 int measureSweeps, long seed, ProgressMonitor monitor) {
        if (equilibrationSweeps < 0 || measureSweeps < 1) {
            throw new IllegalArgumentException("need >= 0 equilibration sweeps and >= 1 measured sweep");
        }
        Lattice lattice = start.copy();
        IsingParams p = params(h);
        MetropolisEngine engine = new MetropolisEngine(lattice, p, settings, seed);
        int total = equilibrationSweeps + measureSweeps;
        for (int k = 0; k < equilibrationSweeps; k++) {
            monitor.checkCancelled();
            engine.sweep(1);
            monitor.progress(k + 1, total, "equilibrating");
        }
        long stepsBefore = engine.steps();
        long acceptedBefore = engine.accepted();
        double n = lattice.activeCount();
        double sumAbsM = 0;
        double sumE = 0;
        for (int k = 0; k < measureSweeps; k++) {
            monitor.checkCancelled();
            engine.sweep(1);
            double m = 0;
            for (int i = 0; i < lattice.size(); i++) {
                if (lattice.isActive(i)) {
                    m += lattice.spin(i);
                }
            }
            sumAbsM += Math.abs(m) / n;
            sumE += Hamiltonian.energy(lattice, p, settings.boundary()) / n;
            monitor.progress(equilibrationSweeps + k + 1, total, "measuring");
        }
        double acceptance = (double) (engine.accepted() - acceptedBefore) / (engine.steps() - stepsBefore);
        return new Result(sumAbsM / measureSweeps, sumE / measureSweeps, acceptance, measureSweeps);
    }
}
