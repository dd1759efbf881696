package org.iceising.model;

import java.util.Arrays;

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

    /** The layout the last engine was built on: chains from copies of one start share it. */
    private static volatile Layout recent;

    private final Lattice lattice;
    private final SimulationSettings settings;
    private final int width;           // padded row length: cols + 2
    private final double[] spin;       // padded lattice: a frame of 0 around it, 0 on masked cells
    private final double[] missing;    // number of missing neighbours per (padded) cell
    private final int[] activeCells;   // padded indices of the active cells
    private final int[][] mirrors;     // periodic boundary only: the frame cells that copy a cell
    private double[] field;
    private IsingParams params;
    private volatile IsingParams pending;
    private long random;               // SplittableRandom(seed)'s state, kept here to live in a register
    private long steps;
    private long accepted;

    public MetropolisEngine(Lattice lattice, IsingParams params, SimulationSettings settings, long seed) {
        if (lattice.activeCount() == 0) {
            throw new IllegalArgumentException("the lattice has no active cells to simulate");
        }
        if (settings.spins() == SpinKind.BINARY) {
            for (int i = 0; i < lattice.size(); i++) {
                if (lattice.isActive(i) && lattice.spin(i) != 1 && lattice.spin(i) != -1) {
                    throw new IllegalArgumentException("binary spins must be +1 or -1; cell " + i + " holds " + lattice.spin(i));
                }
            }
        }
        this.lattice = lattice;
        this.settings = settings;
        this.random = seed;
        Layout layout = recent;
        if (layout == null || !layout.fits(lattice, settings.boundary())) {
            layout = new Layout(lattice, settings.boundary());
            recent = layout;
        }
        this.width = layout.width;
        this.missing = layout.missing;
        this.activeCells = layout.activeCells;
        this.mirrors = layout.mirrors;
        int rows = lattice.rows();
        int cols = lattice.cols();
        this.spin = new double[missing.length];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(lattice.spinArray(), r * cols, spin, padded(r, 0), cols);
        }
        if (mirrors != null) {
            // each frame cell starts as a copy of the cell it stands for (0 for a masked one)
            for (int i = 0; i < mirrors.length; i++) {
                copyToImages(spin, mirrors[i], spin[i]);
            }
        }
        this.params = params;
        this.field = paddedField(params);
    }

    private int padded(int row, int col) {
        return (row + 1) * width + col + 1;
    }

    /**
     * What an engine needs of a lattice's shape, mask and boundary, built once and shared by the
     * engines of copies of one lattice (a copy shares its original's mask). The lattice is padded by a
     * frame of one cell: a present neighbour is read at i ∓ width (up, down) and i ∓ 1 (left, right),
     * inside the lattice the neighbour itself, in the frame its periodic image or 0. A missing
     * neighbour reads 0 and is counted instead.
     */
    private static final class Layout {
        final boolean[] mask;
        final int rows;
        final int cols;
        final Boundary boundary;
        final int width;
        final int[] activeCells;
        final double[] missing;
        final int[][] mirrors;

        Layout(Lattice l, Boundary boundary) {
            this.mask = l.activeArray();
            this.rows = l.rows();
            this.cols = l.cols();
            this.boundary = boundary;
            this.width = cols + 2;
            this.activeCells = new int[l.activeCount()];
            this.missing = new double[(rows + 2) * width];
            this.mirrors = boundary == Boundary.PERIODIC ? new int[missing.length][] : null;
            int[] dr = {-1, 1, 0, 0};
            int[] dc = {0, 0, -1, 1};
            int a = 0;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    if (mask[r * cols + c]) {
                        activeCells[a++] = index(r, c);
                    }
                    int miss = 0;
                    for (int k = 0; k < 4; k++) {
                        int nr = r + dr[k];
                        int nc = c + dc[k];
                        if (boundary == Boundary.PERIODIC) {
                            int wr = Math.floorMod(nr, rows);
                            int wc = Math.floorMod(nc, cols);
                            if (wr != nr || wc != nc) {
                                addMirror(index(wr, wc), index(nr, nc));
                            }
                            nr = wr;
                            nc = wc;
                        }
                        if (!(nr >= 0 && nr < rows && nc >= 0 && nc < cols && mask[nr * cols + nc])) {
                            miss++;
                        }
                    }
                    missing[index(r, c)] = miss;
                }
            }
        }

        private int index(int row, int col) {
            return (row + 1) * width + col + 1;
        }

        private void addMirror(int cell, int frame) {
            int[] m = mirrors[cell];
            if (m == null) {
                mirrors[cell] = new int[] {frame};
            } else if (Arrays.stream(m).noneMatch(f -> f == frame)) {
                int[] grown = Arrays.copyOf(m, m.length + 1);
                grown[m.length] = frame;
                mirrors[cell] = grown;
            }
        }

        /** True if this layout is the one of {@code l} under {@code b}: the same mask array, not just an equal one. */
        boolean fits(Lattice l, Boundary b) {
            return l.activeArray() == mask && l.rows() == rows && l.cols() == cols && b == boundary;
        }
    }

    private double[] paddedField(IsingParams p) {
        double[] out = new double[spin.length];
        LinearField.fill(p, lattice.rows(), lattice.cols(), out, width + 1, width);
        return out;
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
                field = paddedField(p);
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
        final double[] miss = missing;
        final double[] b = field;
        final int[] cells = activeCells;
        final int[][] images = mirrors;
        final int w = width;
        final int nActive = cells.length;
        final double j = params.j();
        final double inertia = params.inertia();
        final double beta = settings.beta();
        final boolean binary = settings.spins() == SpinKind.BINARY;
        final int threshold = lemireThreshold(nActive);
        long seed = random;
        long acc = 0;
        for (long step = 0; step < count; step++) {
            // one 64-bit draw: the high half picks the site, the low half is the proposal
            seed = siteDraw(seed, nActive, threshold);
            final long r = Seeds.mix64(seed);
            final int i = cells[site(r, nActive)];
            final double old = s[i];
            final double proposed = binary ? -old : proposal(r);
            final double x = beta * deltaE(s, w, miss, b, i, old, proposed, j, inertia);
            if (x <= 0 || boltzmannAccepts(uniform(seed += Seeds.GOLDEN_GAMMA), x)) {
                s[i] = proposed;
                if (images != null) {
                    copyToImages(s, images[i], proposed);
                }
                acc++;
            }
        }
        random = seed;
        steps += count;
        accepted += acc;
        writeBack();
    }

    /**
     * Runs this chain and {@code other} for {@code count} steps each, side by side in one loop: the
     * same two chains, bit for bit, as {@code run(count)} on each, in less time, since the processor
     * overlaps two independent steps. Both engines must simulate the same lattice shape and mask with
     * the same parameters and settings, as the chains of an {@link Ensemble} do.
     */
    void runAlongside(MetropolisEngine other, long count) {
        applyPending();
        other.applyPending();
        if (!lattice.sameShape(other.lattice) || !params.equals(other.params) || !settings.equals(other.settings)) {
            throw new IllegalArgumentException("chains run side by side share their lattice shape, parameters and settings");
        }
        final double[] s = spin;
        final double[] t = other.spin;
        final double[] miss = missing;
        final double[] b = field;
        final int[] cells = activeCells;
        final int[][] images = mirrors;
        final int w = width;
        final int nActive = cells.length;
        final double j = params.j();
        final double inertia = params.inertia();
        final double beta = settings.beta();
        final boolean binary = settings.spins() == SpinKind.BINARY;
        final int threshold = lemireThreshold(nActive);
        long seedS = random;
        long seedT = other.random;
        long accS = 0;
        long accT = 0;
        for (long step = 0; step < count; step++) {
            seedS = siteDraw(seedS, nActive, threshold);
            seedT = siteDraw(seedT, nActive, threshold);
            final long rS = Seeds.mix64(seedS);
            final long rT = Seeds.mix64(seedT);
            final int iS = cells[site(rS, nActive)];
            final int iT = cells[site(rT, nActive)];
            final double oldS = s[iS];
            final double oldT = t[iT];
            final double proposedS = binary ? -oldS : proposal(rS);
            final double proposedT = binary ? -oldT : proposal(rT);
            final double xS = beta * deltaE(s, w, miss, b, iS, oldS, proposedS, j, inertia);
            final double xT = beta * deltaE(t, w, miss, b, iT, oldT, proposedT, j, inertia);
            if (xS <= 0 || boltzmannAccepts(uniform(seedS += Seeds.GOLDEN_GAMMA), xS)) {
                s[iS] = proposedS;
                if (images != null) {
                    copyToImages(s, images[iS], proposedS);
                }
                accS++;
            }
            if (xT <= 0 || boltzmannAccepts(uniform(seedT += Seeds.GOLDEN_GAMMA), xT)) {
                t[iT] = proposedT;
                if (images != null) {
                    copyToImages(t, images[iT], proposedT);
                }
                accT++;
            }
        }
        random = seedS;
        other.random = seedT;
        steps += count;
        other.steps += count;
        accepted += accS;
        other.accepted += accT;
        writeBack();
        other.writeBack();
    }

    private void writeBack() {
        int cols = lattice.cols();
        for (int row = 0; row < lattice.rows(); row++) {
            System.arraycopy(spin, padded(row, 0), lattice.spinArray(), row * cols, cols);
        }
    }

    /**
     * The state after the draw that picks the next site: the next draw mix64(seed + γ), or a later one
     * in the rare case that Lemire's multiply-shift rejects it ({@link #lemireThreshold}).
     */
    private static long siteDraw(long seed, int nActive, int threshold) {
        long next = seed + Seeds.GOLDEN_GAMMA;
        while (((Seeds.mix64(next) >>> 32) * nActive & 0xFFFF_FFFFL) < threshold) {
            next += Seeds.GOLDEN_GAMMA;
        }
        return next;
    }

    /** The site index from the high 32 bits of a draw (Lemire's multiply-shift). */
    private static int site(long r, int nActive) {
        return (int) (((r >>> 32) * nActive) >>> 32);
    }

    /** The proposal k·2⁻³¹ ∈ [−1, 1) from the low 32 bits of a draw. */
    private static double proposal(long r) {
        return (int) r * 0x1.0p-31;
    }

    /** SplittableRandom's nextDouble() for the state {@code seed}. */
    private static double uniform(long seed) {
        return (Seeds.mix64(seed) >>> 11) * 0x1.0p-53;
    }

    private static void copyToImages(double[] s, int[] images, double value) {
        if (images != null) {
            for (int f : images) {
                s[f] = value;
            }
        }
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
     * {@code SplittableRandom.nextInt(int)}.
     */
    private static int lemireThreshold(int n) {
        return (int) ((1L << 32) % n);
    }

    /**
     * ΔE = e(s′) − e(s) + I·|s′ − s| of MODEL.md §3 for cell i holding {@code old} and proposing
     * {@code proposed}: −J·[(s′ − s)·Σ present neighbours + m·(s′² − s²)] − B·(s′ − s) + I·|s′ − s|.
     */
    private static double deltaE(double[] s, int w, double[] miss, double[] b, int i, double old, double proposed,
                                 double j, double inertia) {
        final double sum = s[i - w] + s[i + w] + s[i - 1] + s[i + 1];
        final double d = proposed - old;
        return -j * (d * sum + miss[i] * (proposed * proposed - old * old)) - b[i] * d + inertia * Math.abs(d);
    }

    /**
     * The energy change, inertia included, that the engine would weigh if cell (row, col) proposed
     * {@code proposed} now (the quantity compared with 0 and passed to exp(−βΔE)).
     */
    public double energyChange(int row, int col, double proposed) {
        applyPending();
        if (!lattice.isActive(lattice.index(row, col))) {
            throw new IllegalArgumentException("cell (" + row + ", " + col + ") is masked");
        }
        int i = padded(row, col);
        return deltaE(spin, width, missing, field, i, spin[i], proposed, params.j(), params.inertia());
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
