package org.iceising.model;

import java.util.SplittableRandom;

/**
 * Random-site sequential Metropolis with the study's inertia term (MODEL.md §3), evolving one
 * {@link Lattice} in place.
 *
 * <p>One step: pick an active cell uniformly at random (masked cells are never picked: drawing
 * among the active cells is the same distribution as "pick again until active"), propose s′
 * (uniform in [−1, 1] for continuous spins, −s for binary spins), compute
 * ΔE = e(s′) − e(s) + I·|s′ − s| and accept if ΔE ≤ 0, else with probability exp(−βΔE).
 *
 * <p>Neighbours: four (up, down, left, right). A neighbour that is outside the lattice under
 * {@link Boundary#STUDY}, or that is a masked cell under either boundary, takes the value of the
 * cell itself — masked cells are treated exactly like the lattice's edge, so land and the pole
 * hole exert no force of their own (see docs/decisions/0001-model-choices.md, item 1).
 *
 * <p>An engine is not thread-safe: one thread runs it. {@link #setParams} may be called from any
 * thread and takes effect at the start of the next {@link #run(long)}.
 */
public final class MetropolisEngine {

    private final Lattice lattice;
    private final SimulationSettings settings;
    private final SplittableRandom random;
    private final double[] spin;       // lattice spins plus a sentinel 0 at index n
    private final int[] neighbour;     // 4 per cell; the sentinel n where the neighbour is missing
    private final double[] missing;    // number of missing neighbours per cell
    private final int[] activeCells;
    private double[] field;
    private IsingParams params;
    private volatile IsingParams pending;
    private long steps;
    private long accepted;

    public MetropolisEngine(Lattice lattice, IsingParams params, SimulationSettings settings, long seed) {
        if (lattice.activeCount() == 0) {
            throw new IllegalArgumentException("the lattice has no active cells to simulate");
        }
        this.lattice = lattice;
        this.settings = settings;
        this.random = new SplittableRandom(seed);
        int n = lattice.size();
        this.spin = new double[n + 1];
        System.arraycopy(lattice.spinArray(), 0, spin, 0, n);
        if (settings.spins() == SpinKind.BINARY) {
            for (int i = 0; i < n; i++) {
                if (lattice.isActive(i) && spin[i] != 1 && spin[i] != -1) {
                    throw new IllegalArgumentException("binary spins must be +1 or -1; cell " + i + " holds " + spin[i]);
                }
            }
        }
        this.neighbour = new int[4 * n];
        this.missing = new double[n];
        this.activeCells = new int[lattice.activeCount()];
        buildNeighbours(lattice, settings.boundary());
        this.params = params;
        this.field = LinearField.values(params, lattice.rows(), lattice.cols());
    }

    private void buildNeighbours(Lattice l, Boundary boundary) {
        int rows = l.rows();
        int cols = l.cols();
        int n = l.size();
        int[] dr = {-1, 1, 0, 0};
        int[] dc = {0, 0, -1, 1};
        int a = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                if (l.isActive(i)) {
                    activeCells[a++] = i;
                }
                int miss = 0;
                for (int k = 0; k < 4; k++) {
                    int nr = r + dr[k];
                    int nc = c + dc[k];
                    if (boundary == Boundary.PERIODIC) {
                        nr = Math.floorMod(nr, rows);
                        nc = Math.floorMod(nc, cols);
                    }
                    int j = n;
                    if (nr >= 0 && nr < rows && nc >= 0 && nc < cols && l.isActive(nr * cols + nc)) {
                        j = nr * cols + nc;
                    } else {
                        miss++;
                    }
                    neighbour[4 * i + k] = j;
                }
                missing[i] = miss;
            }
        }
    }

    /** Replaces the parameters; takes effect at the start of the next {@link #run(long)}. */
    public void setParams(IsingParams p) {
        pending = p;
    }

    public IsingParams params() {
        IsingParams p = pending;
        return p != null ? p : params;
    }

    private void applyPending() {
        IsingParams p = pending;
        if (p != null) {
            pending = null;
            if (!p.equals(params)) {
                params = p;
                field = LinearField.values(p, lattice.rows(), lattice.cols());
            }
        }
    }

    /** Performs {@code count} Metropolis steps and writes the result back into the lattice. */
    public void run(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("step count must be >= 0, got " + count);
        }
        applyPending();
        final double[] s = spin;
        final int[] nb = neighbour;
        final double[] miss = missing;
        final double[] b = field;
        final int[] cells = activeCells;
        final int nActive = cells.length;
        final double j = params.j();
        final double inertia = params.inertia();
        final double beta = settings.beta();
        final boolean binary = settings.spins() == SpinKind.BINARY;
        final SplittableRandom rng = random;
        final int threshold = lemireThreshold(nActive);
        long acc = 0;
        for (long step = 0; step < count; step++) {
            // one 64-bit draw: the high half picks the site, the low half is the proposal
            long r = rng.nextLong();
            long m = (r >>> 32) * nActive;
            while ((m & 0xFFFF_FFFFL) < threshold) {
                r = rng.nextLong();
                m = (r >>> 32) * nActive;
            }
            final int i = cells[(int) (m >>> 32)];
            final double old = s[i];
            final double proposed = binary ? -old : (int) r * 0x1.0p-31;
            final double x = beta * deltaE(s, nb, miss, b, i, old, proposed, j, inertia);
            if (x <= 0 || boltzmannAccepts(rng.nextDouble(), x)) {
                s[i] = proposed;
                acc++;
            }
        }
        steps += count;
        accepted += acc;
        System.arraycopy(s, 0, lattice.spinArray(), 0, lattice.size());
    }

    /**
     * u < exp(−x) for x > 0, evaluated exactly but mostly without {@code exp}: since
     * 1 − x ≤ exp(−x) ≤ 1/(1 + x + x²/2), u below the first bound accepts and u above the second
     * rejects; only the thin band between them needs the exponential.
     */
    private static boolean boltzmannAccepts(double u, double x) {
        if (u < 1 - x) {
            return true;
        }
        if (u * (1 + x * (1 + 0.5 * x)) > 1) {
            return false;
        }
        return u < Math.exp(-x);
    }

    /**
     * 2³² mod n: the rejection threshold of Lemire's multiply-shift, which maps 32 random bits to a
     * uniform index in [0, n) exactly and without the integer division of
     * {@link SplittableRandom#nextInt(int)}.
     */
    private static int lemireThreshold(int n) {
        return (int) ((1L << 32) % n);
    }

    /**
     * ΔE = e(s′) − e(s) + I·|s′ − s| of MODEL.md §3 for cell i holding {@code old} and proposing
     * {@code proposed}: −J·[(s′ − s)·Σ present neighbours + m·(s′² − s²)] − B·(s′ − s) + I·|s′ − s|.
     */
    private static double deltaE(double[] s, int[] nb, double[] miss, double[] b, int i, double old, double proposed,
                                 double j, double inertia) {
        final int k = i << 2;
        final double sum = s[nb[k]] + s[nb[k + 1]] + s[nb[k + 2]] + s[nb[k + 3]];
        final double d = proposed - old;
        return -j * (d * sum + miss[i] * (proposed * proposed - old * old)) - b[i] * d + inertia * Math.abs(d);
    }

    /**
     * The energy change, inertia included, that the engine would weigh if cell (row, col) proposed
     * {@code proposed} now (the quantity compared with 0 and passed to exp(−βΔE)).
     */
    public double energyChange(int row, int col, double proposed) {
        applyPending();
        int i = lattice.index(row, col);
        if (!lattice.isActive(i)) {
            throw new IllegalArgumentException("cell (" + row + ", " + col + ") is masked");
        }
        return deltaE(spin, neighbour, missing, field, i, spin[i], proposed, params.j(), params.inertia());
    }

    /** Runs whole sweeps: one sweep is as many steps as there are active cells. */
    public void sweep(int sweeps) {
        run((long) sweeps * activeCells.length);
    }

    /** The lattice evolved in place. */
    public Lattice lattice() {
        return lattice;
    }

    public SimulationSettings settings() {
        return settings;
    }

    public long steps() {
        return steps;
    }

    public long accepted() {
        return accepted;
    }

    /** Accepted / attempted steps so far (0 before the first step). */
    public double acceptanceRatio() {
        return steps == 0 ? 0 : (double) accepted / steps;
    }

    /** Total energy H of the lattice under the current parameters (without the inertia term). */
    public double energy() {
        applyPending();
        return Hamiltonian.energy(lattice, params, settings.boundary());
    }
}
