package org.iceising.app.classroom;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.iceising.model.Boundary;
import org.iceising.model.ClassroomChain;
import org.iceising.model.ClassroomIsing;
import org.iceising.model.SpinKind;

/**
 * The chain the classroom tab animates: the classroom Ising model of {@link ClassroomChain} (an
 * L × L lattice, no mask, uniform field H, no inertia; random-site Metropolis as in MODEL.md §3)
 * stepped by a loop made for that case, so that a large lattice animates while it simulates.
 *
 * <p>Three things make it fast where the general engine recomputes: the energy and magnetisation
 * are kept as running sums of the accepted moves' ΔE and ΔM (for binary spins as whole numbers,
 * so they stay exact), neighbours are found from the row and column (no neighbour table to miss
 * the cache at L = 512), and for binary spins the Boltzmann factors of the nine possible
 * neighbour sums are computed once per temperature, J and H. Its snapshots are the model's
 * {@link ClassroomChain.Snapshot}, with the same meaning. One thread uses a chain.
 *
 * <p>Energy (MODEL.md §2 with B = H): E = −J (Σ_bonds s_i s_j + Σ_i m_i s_i²) − H Σ_i s_i, where
 * m_i counts the neighbours missing under the study's boundary (each takes the cell's own value).
 * Proposing s′ at cell i changes the bond sum by (s′ − s)·Σ_present neighbours, the self term by
 * m_i (s′² − s²) and the magnetisation by s′ − s.
 */
final class LiveChain {
    private final ClassroomChain.Setup setup;
    private final int side;
    private final int n;
    private final boolean periodic;
    private final boolean binary;
    /** The spins, plus a sentinel 0 at index n standing for a missing neighbour. */
    private final double[] spin;
    private final SplittableRandom random;
    private final int threshold;
    private ClassroomChain.Conditions conditions;
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

    LiveChain(ClassroomChain.Setup setup, ClassroomChain.Conditions conditions) {
        this.setup = setup;
        this.side = setup.size();
        this.n = side * side;
        this.periodic = setup.boundary() == Boundary.PERIODIC;
        this.binary = setup.spins() == SpinKind.BINARY;
        this.spin = new double[n + 1];
        if (setup.start() == ClassroomChain.Start.ORDERED) {
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

    ClassroomChain.Setup setup() {
        return setup;
    }

    ClassroomChain.Conditions conditions() {
        return conditions;
    }

    /** New conditions from the next step on; the averages go on. */
    void setConditions(ClassroomChain.Conditions c) {
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
    void zeroAverages() {
        sumEnergy = 0;
        sumAbsMagnetisation = 0;
        samples = 0;
        stepsAtZero = steps;
        acceptedAtZero = accepted;
    }

    /** Runs {@code count} sweeps (L² steps each), adding one sample to the averages after each. */
    void sweep(int count) {
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
    double energy() {
        double j = conditions.coupling();
        double h = conditions.field();
        return binary ? -j * (bondsWhole + selfWhole) - h * magnetisationWhole : -j * (bonds + self) - h * magnetisation;
    }

    /** The total magnetisation Σ s_i from the running sums. */
    double magnetisation() {
        return binary ? magnetisationWhole : magnetisation;
    }

    ClassroomChain.Snapshot snapshot() {
        long attempted = steps - stepsAtZero;
        return new ClassroomChain.Snapshot(setup, conditions, Arrays.copyOf(spin, n), sweeps, energy() / n, magnetisation() / n,
                samples == 0 ? Double.NaN : sumEnergy / samples, samples == 0 ? Double.NaN : sumAbsMagnetisation / samples,
                samples, attempted == 0 ? 0 : (double) (accepted - acceptedAtZero) / attempted);
    }
}
