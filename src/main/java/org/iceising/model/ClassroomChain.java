package org.iceising.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A running classroom Ising chain whose temperature, coupling and field may change between sweeps
 * (the sliders of a classroom applet), with running averages that can be zeroed. One thread uses it.
 */
public final class ClassroomChain {
    /** The largest lattice side the classroom offers. */
    public static final int MAX_SIZE = 512;

    /** How the lattice starts. */
    public enum Start {
        /** Every spin drawn at random (an infinitely hot start). */
        RANDOM,
        /** Every spin +1 (a cold, ordered start). */
        ORDERED
    }

    /**
     * What a chain is built from; changing any of it starts a new chain.
     *
     * @param size     lattice side L, 2 ≤ L ≤ {@link #MAX_SIZE}
     * @param spins    binary or continuous spins
     * @param boundary periodic or the study's boundary
     * @param start    random or ordered start
     * @param seed     the random seed of start and chain
     */
    public record Setup(int size, SpinKind spins, Boundary boundary, Start start, long seed) {
        public Setup {
            if (size < 2 || size > MAX_SIZE) {
                throw new IllegalArgumentException("lattice size must be between 2 and " + MAX_SIZE + ", got " + size);
            }
            if (spins == null || boundary == null || start == null) {
                throw new IllegalArgumentException("spins, boundary and start must be given");
            }
        }
    }

    /**
     * Temperature, coupling and field: what the sliders change while the chain runs.
     *
     * @param temperature T &gt; 0
     * @param coupling    J
     * @param field       H (uniform)
     */
    public record Conditions(double temperature, double coupling, double field) {
        public Conditions {
            if (!(temperature > 0) || !Double.isFinite(temperature)) {
                throw new IllegalArgumentException("temperature must be a positive finite number, got " + temperature);
            }
            if (!Double.isFinite(coupling) || !Double.isFinite(field)) {
                throw new IllegalArgumentException("J and H must be finite numbers");
            }
        }

        IsingParams params() {
            return new IsingParams(coupling, field, 0, 0, 0);
        }
    }

    /**
     * What the chain looks like after a sweep; immutable, safe to hand to another thread.
     *
     * @param spins                row-major spins (a copy)
     * @param sweeps               sweeps since the start
     * @param energyPerSite        H / N now
     * @param magnetisationPerSite M / N now
     * @param meanEnergy           ⟨H / N⟩ since the averages were zeroed (NaN before a sample)
     * @param meanAbsMagnetisation ⟨|M| / N⟩ since the averages were zeroed (NaN before a sample)
     * @param samples              sweeps averaged over
     * @param acceptance           accepted / attempted steps since the averages were zeroed
     */
    public record Snapshot(Setup setup, Conditions conditions, double[] spins, long sweeps, double energyPerSite,
                           double magnetisationPerSite, double meanEnergy, double meanAbsMagnetisation, long samples,
                           double acceptance) {
    }

    /**
     * One point of a temperature sweep.
     *
     * @param temperature          T
     * @param meanAbsMagnetisation measured ⟨|M|⟩ per site
     * @param meanEnergy           measured ⟨E⟩ per site
     * @param acceptance           acceptance ratio while measuring
     */
    public record SweepPoint(double temperature, double meanAbsMagnetisation, double meanEnergy, double acceptance) {
    }

    private final Setup setup;
    private final Lattice lattice;
    private Conditions conditions;
    private MetropolisEngine engine;
    private long sweeps;
    private double sumEnergy;
    private double sumAbsMagnetisation;
    private long samples;
    private long stepsAtZero;
    private long acceptedAtZero;
    private long stepsBefore;
    private long acceptedBefore;

    public ClassroomChain(Setup setup, Conditions conditions) {
        this.setup = setup;
        this.lattice = setup.start() == Start.ORDERED ? Lattice.uniform(setup.size(), setup.size(), 1.0)
                : ClassroomIsing.randomStart(setup.size(), setup.spins(), setup.seed());
        this.conditions = conditions;
        this.engine = newEngine();
    }

    private MetropolisEngine newEngine() {
        SimulationSettings s = new SimulationSettings(conditions.temperature(), setup.spins(), setup.boundary());
        return new MetropolisEngine(lattice, conditions.params(), s, Seeds.forRun(setup.seed(), sweeps));
    }

    public Setup setup() {
        return setup;
    }

    public Conditions conditions() {
        return conditions;
    }

    /** New conditions from the next sweep on; the averages go on (zero them to measure afresh). */
    public void setConditions(Conditions c) {
        if (c.equals(conditions)) {
            return;
        }
        boolean newTemperature = c.temperature() != conditions.temperature();
        conditions = c;
        if (newTemperature) {
            stepsBefore += engine.steps();
            acceptedBefore += engine.accepted();
            engine = newEngine();
        } else {
            engine.setParams(c.params());
        }
    }

    /** Runs {@code n} sweeps, adding one sample to the averages after each. */
    public void sweep(int n) {
        for (int k = 0; k < n; k++) {
            engine.sweep(1);
            sweeps++;
            sumEnergy += energyPerSite();
            sumAbsMagnetisation += Math.abs(magnetisationPerSite());
            samples++;
        }
    }

    /** Starts the averages and the acceptance ratio afresh from now. */
    public void zeroAverages() {
        sumEnergy = 0;
        sumAbsMagnetisation = 0;
        samples = 0;
        stepsAtZero = steps();
        acceptedAtZero = accepted();
    }

    private long steps() {
        return stepsBefore + engine.steps();
    }

    private long accepted() {
        return acceptedBefore + engine.accepted();
    }

    private double energyPerSite() {
        return Hamiltonian.energy(lattice, conditions.params(), setup.boundary()) / lattice.size();
    }

    private double magnetisationPerSite() {
        double m = 0;
        for (int i = 0; i < lattice.size(); i++) {
            m += lattice.spin(i);
        }
        return m / lattice.size();
    }

    public Snapshot snapshot() {
        long attempted = steps() - stepsAtZero;
        return new Snapshot(setup, conditions, lattice.spins(), sweeps, energyPerSite(), magnetisationPerSite(),
                samples == 0 ? Double.NaN : sumEnergy / samples, samples == 0 ? Double.NaN : sumAbsMagnetisation / samples,
                samples, attempted == 0 ? 0 : (double) (accepted() - acceptedAtZero) / attempted);
    }

    /**
     * Measures ⟨|M|⟩ and ⟨E⟩ per site at each temperature from an ordered start: {@code equilibration}
     * sweeps, then {@code measured} sweeps averaged.
     */
    public static List<SweepPoint> temperatureSweep(Setup setup, double coupling, double field, double[] temperatures,
                                                    int equilibration, int measured, ProgressMonitor monitor) {
        if (equilibration < 0 || measured < 1) {
            throw new IllegalArgumentException("need >= 0 equilibration sweeps and >= 1 measured sweep");
        }
        List<SweepPoint> points = new ArrayList<>();
        long total = (long) temperatures.length * (equilibration + measured);
        for (int k = 0; k < temperatures.length; k++) {
            ClassroomChain chain = new ClassroomChain(new Setup(setup.size(), setup.spins(), setup.boundary(),
                    Start.ORDERED, Seeds.forRun(setup.seed(), k)), new Conditions(temperatures[k], coupling, field));
            for (int s = 0; s < equilibration + measured; s++) {
                monitor.checkCancelled();
                if (s == equilibration) {
                    chain.zeroAverages();
                }
                chain.sweep(1);
                monitor.progress((long) k * (equilibration + measured) + s + 1, total,
                        "T = " + String.format(Locale.ROOT, "%.3f", temperatures[k]));
            }
            Snapshot r = chain.snapshot();
            points.add(new SweepPoint(temperatures[k], r.meanAbsMagnetisation(), r.meanEnergy(), r.acceptance()));
        }
        return points;
    }
}
