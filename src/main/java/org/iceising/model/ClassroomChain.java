package org.iceising.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A running classroom Ising chain whose temperature, coupling and field may change between sweeps
 * (the sliders of a classroom applet), with running averages that can be zeroed: an L × L lattice,
 * no mask, uniform field H, no inertia, random-site Metropolis as in MODEL.md §3, stepped by a loop
 * made for that case so that a large lattice animates while it simulates.
 *
 * <p>Three things make it fast where the general engine recomputes: the energy and magnetisation
 * are kept as running sums of the accepted moves' ΔE and ΔM (for binary spins as whole numbers,
 * so they stay exact), neighbours are found from the row and column (no neighbour table to miss
 * the cache at L = 512), and for binary spins the Boltzmann factors of the nine possible
 * neighbour sums are computed once per temperature, J and H.
 * One thread uses a chain.
 *
 * <p>Energy (MODEL.md §2 with B = H): E = −J (Σ_bonds s_i s_j + Σ_i m_i s_i²) − H Σ_i s_i, where
 * m_i counts the neighbours missing under the study's boundary (each takes the cell's own value).
 * Proposing s′ at cell i changes the bond sum by (s′ − s)·Σ_present neighbours, the self term by
 * m_i (s′² − s²) and the magnetisation by s′ − s.
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
    private final int side;
    private final int n;
    private final boolean periodic;
    private final boolean binary;
    /** The spins, plus a sentinel 0 at index n standing for a missing neighbour. */
    private final double[] spin;
    private final SplittableRandom random;
    private final int threshold;
    private Conditions conditions;
    private double beta;
    /** Binary spins: acceptance probability of flipping a spin s with present-neighbour sum k, at [(s > 0 ? 9 : 0) + k + 4]. */
    private final double[] flipAcceptance = new double[18];

    // running sums: binary spins keep the bond sum and magnetisation as whole numbers
    private long bondsWhole;
    private long magnetisationWhole;
    private final long selfWhole;
    private double bonds;
    private double self;
    private double magnetisation;

    private long sweeps;
    private long steps;
    private long accepted;
    private double sumEnergy;
    private double sumAbsMagnetisation;
    private long samples;
    private long stepsAtZero;
    private long acceptedAtZero;

    public ClassroomChain(Setup setup, Conditions conditions) {
        this.setup = setup;
        this.side = setup.size();
        this.n = side * side;
        this.periodic = setup.boundary() == Boundary.PERIODIC;
        this.binary = setup.spins() == SpinKind.BINARY;
        this.spin = new double[n + 1];
        if (setup.start() == Start.ORDERED) {
            Arrays.fill(spin, 0, n, 1.0);
        } else {
            System.arraycopy(ClassroomIsing.randomStart(side, setup.spins(), setup.seed()).spins(), 0, spin, 0, n);
        }
        this.random = new SplittableRandom(setup.seed());
        this.threshold = (int) ((1L << 32) % side);
        long missing = 0;
        for (int i = 0; i < n; i++) {
            missing += missing(i / side, i % side);
        }
        this.selfWhole = missing;
        recompute();
        setConditions(conditions);
    }

    public Setup setup() {
        return setup;
    }

    public Conditions conditions() {
        return conditions;
    }

    /** New conditions from the next step on; the averages go on. */
    public void setConditions(Conditions c) {
        if (c.equals(conditions)) {
            return;
        }
        conditions = c;
        beta = 1 / c.temperature();
        for (int up = 0; up < 2; up++) {
            double s = up == 1 ? 1 : -1;
            for (int k = -4; k <= 4; k++) {
                double deltaE = 2 * s * (c.coupling() * k + c.field());
                flipAcceptance[9 * up + k + 4] = deltaE <= 0 ? 1 : Math.exp(-beta * deltaE);
            }
        }
    }

    /** Starts the averages and the acceptance ratio afresh from now. */
    public void zeroAverages() {
        sumEnergy = 0;
        sumAbsMagnetisation = 0;
        samples = 0;
        stepsAtZero = steps;
        acceptedAtZero = accepted;
    }

    /** Runs {@code count} sweeps (L² steps each), adding one sample to the averages after each. */
    public void sweep(int count) {
        for (int k = 0; k < count; k++) {
            if (binary) {
                sweepBinary();
            } else {
                sweepContinuous();
            }
            steps += n;
            sweeps++;
            sumEnergy += energy() / n;
            sumAbsMagnetisation += Math.abs(magnetisation()) / n;
            samples++;
        }
    }

    private void sweepBinary() {
        final double[] s = spin;
        final double[] acceptance = flipAcceptance;
        final SplittableRandom rng = random;
        long acc = 0;
        long bondChange = 0;
        long magnetisationChange = 0;
        for (int step = 0; step < n; step++) {
            final int rc = site(rng);
            final int i = (rc >>> 16) * side + (rc & 0xFFFF);
            final double old = s[i];
            final int sum = (int) neighbourSum(s, rc >>> 16, rc & 0xFFFF, i);
            final double p = acceptance[(old > 0 ? 9 : 0) + sum + 4];
            if (p >= 1 || rng.nextDouble() < p) {
                s[i] = -old;
                acc++;
                // d = −2s: the bond sum changes by d · sum, the magnetisation by d
                final int d = old > 0 ? -2 : 2;
                bondChange += (long) d * sum;
                magnetisationChange += d;
            }
        }
        accepted += acc;
        bondsWhole += bondChange;
        magnetisationWhole += magnetisationChange;
    }

    private void sweepContinuous() {
        final double[] s = spin;
        final SplittableRandom rng = random;
        final double j = conditions.coupling();
        final double h = conditions.field();
        final double b = beta;
        long acc = 0;
        for (int step = 0; step < n; step++) {
            final int rc = site(rng);
            final int r = rc >>> 16;
            final int c = rc & 0xFFFF;
            final int i = r * side + c;
            final double old = s[i];
            final double proposed = 2 * rng.nextDouble() - 1;
            final double d = proposed - old;
            final double sum = neighbourSum(s, r, c, i);
            final double selfChange = periodic ? 0 : missing(r, c) * (proposed * proposed - old * old);
            final double deltaE = -j * (d * sum + selfChange) - h * d;
            if (deltaE <= 0 || rng.nextDouble() < Math.exp(-b * deltaE)) {
                s[i] = proposed;
                acc++;
                bonds += d * sum;
                self += selfChange;
                magnetisation += d;
            }
        }
        accepted += acc;
    }

    /**
     * A cell drawn uniformly, as row &lt;&lt; 16 | column: row and column each from 32 bits of one
     * draw by Lemire's multiply-shift, which is exact with its rejection step.
     */
    private int site(SplittableRandom rng) {
        while (true) {
            long r = rng.nextLong();
            long row = (r >>> 32) * side;
            long col = (r & 0xFFFF_FFFFL) * side;
            if ((row & 0xFFFF_FFFFL) >= threshold && (col & 0xFFFF_FFFFL) >= threshold) {
                return (int) (row >>> 32) << 16 | (int) (col >>> 32);
            }
        }
    }

    /** The sum of the present neighbours of cell i = (r, c) (a missing one counts 0 here and in the self term). */
    private double neighbourSum(double[] s, int r, int c, int i) {
        int up = r > 0 ? i - side : periodic ? i + n - side : n;
        int down = r < side - 1 ? i + side : periodic ? i - n + side : n;
        int left = c > 0 ? i - 1 : periodic ? i + side - 1 : n;
        int right = c < side - 1 ? i + 1 : periodic ? i - side + 1 : n;
        return s[up] + s[down] + s[left] + s[right];
    }

    /** Neighbours of (r, c) outside the lattice under the study's boundary (none when periodic). */
    private int missing(int r, int c) {
        if (periodic) {
            return 0;
        }
        return (r == 0 ? 1 : 0) + (r == side - 1 ? 1 : 0) + (c == 0 ? 1 : 0) + (c == side - 1 ? 1 : 0);
    }

    /** Sets the running sums from the spins (at the start). */
    private void recompute() {
        double b = 0;
        double sf = 0;
        double m = 0;
        for (int i = 0; i < n; i++) {
            int r = i / side;
            int c = i % side;
            // each bond once: to the neighbour below and to the right
            int down = r < side - 1 ? i + side : periodic ? i - n + side : n;
            int right = c < side - 1 ? i + 1 : periodic ? i - side + 1 : n;
            b += spin[i] * (spin[down] + spin[right]);
            sf += missing(r, c) * spin[i] * spin[i];
            m += spin[i];
        }
        bonds = b;
        self = sf;
        magnetisation = m;
        bondsWhole = Math.round(b);
        magnetisationWhole = Math.round(m);
    }

    /** The total energy E from the running sums. */
    public double energy() {
        double j = conditions.coupling();
        double h = conditions.field();
        return binary ? -j * (bondsWhole + selfWhole) - h * magnetisationWhole : -j * (bonds + self) - h * magnetisation;
    }

    /** The total magnetisation Σ s_i from the running sums. */
    public double magnetisation() {
        return binary ? magnetisationWhole : magnetisation;
    }

    public Snapshot snapshot() {
        long attempted = steps - stepsAtZero;
        return new Snapshot(setup, conditions, Arrays.copyOf(spin, n), sweeps, energy() / n, magnetisation() / n,
                samples == 0 ? Double.NaN : sumEnergy / samples, samples == 0 ? Double.NaN : sumAbsMagnetisation / samples,
                samples, attempted == 0 ? 0 : (double) (accepted - acceptedAtZero) / attempted);
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
