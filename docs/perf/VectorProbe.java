/*
 * Measures whether the Vector API (jdk.incubator.vector) can run four Metropolis chains of the
 * engine at once, bit for bit as MetropolisEngine runs them one by one, faster than the engine.
 * It is a single-file program, not part of the build, since it needs a module a jar cannot ask for:
 *
 *     mvn -B -q compile
 *     java --add-modules jdk.incubator.vector -cp target/classes:$(cat target/cp.txt) \
 *         docs/perf/VectorProbe.java sample-data 2018-09-16 2000000 6
 *
 * (target/cp.txt as docs/PERFORMANCE.md makes it.) Each round runs every chain for the given number
 * of steps, first in four MetropolisEngines, then in the four lanes here, and prints both costs
 * (thread CPU per step of one chain) and whether lattices and random states are identical.
 * The lanes reproduce the engine exactly: the same SplitMix64 streams (one state per lane), the same
 * Lemire site choice (a rejected draw, about one in 10^6, is redone for its lane as the engine
 * does), the same ΔE with its operations in the same order, exact integer-to-double conversions, the
 * same squeeze, with the rare lanes that need exp() done one by one; accepted moves are stored one by
 * one (AVX2 has no scatter). Study boundary, a lattice without masked cells.
 */
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.LocalDate;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.iceising.data.DataCatalogue;
import org.iceising.data.FocusArea;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.LinearField;
import org.iceising.model.MetropolisEngine;
import org.iceising.model.SimulationSettings;

public class VectorProbe {
    static final long GAMMA = 0x9E3779B97F4A7C15L;
    static final int K = 4;
    static final VectorSpecies<Long> SL = LongVector.SPECIES_256;
    static final VectorSpecies<Double> SD = DoubleVector.SPECIES_256;
    static final VectorSpecies<Integer> SI = IntVector.SPECIES_128;

    final int rows, cols, width, len, threshold;
    final double[] spins, miss, field;  // spins: the K padded lattices one after another
    final int[] cells;
    final double j, inertia, beta;
    final long[] seeds = new long[K];

    VectorProbe(Lattice start, IsingParams p, double beta, long[] seed) {
        rows = start.rows();
        cols = start.cols();
        width = cols + 2;
        len = (rows + 2) * width;
        spins = new double[K * len];
        miss = new double[len];
        field = new double[len];
        cells = new int[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (!start.isActive(r, c)) {
                    throw new IllegalArgumentException("the probe takes a lattice without masked cells");
                }
                int i = (r + 1) * width + c + 1;
                cells[r * cols + c] = i;
                miss[i] = (r == 0 ? 1 : 0) + (r == rows - 1 ? 1 : 0) + (c == 0 ? 1 : 0) + (c == cols - 1 ? 1 : 0);
                field[i] = LinearField.at(p, r, c, rows, cols);
                for (int k = 0; k < K; k++) {
                    spins[k * len + i] = start.spin(r, c);
                }
            }
        }
        j = p.j();
        inertia = p.inertia();
        this.beta = beta;
        threshold = (int) ((1L << 32) % cells.length);
        System.arraycopy(seed, 0, seeds, 0, K);
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static LongVector mix64(LongVector z) {
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(0xbf58476d1ce4e5b9L);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94d049bb133111ebL);
        return z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
    }

    /** (double) (int) r for the low 32 bits of each lane, exactly (AVX2 has no 64-bit integer conversion). */
    static DoubleVector low32AsDouble(LongVector r) {
        return r.and(0xFFFFFFFFL).lanewise(VectorOperators.XOR, 0x80000000L).or(0x4330000000000000L)
                .reinterpretAsDoubles().sub(0x1.0p52 + 0x1.0p31);
    }

    /** (double) v for 0 <= v < 2^52, exactly. */
    static DoubleVector smallAsDouble(LongVector v) {
        return v.or(0x4330000000000000L).reinterpretAsDoubles().sub(0x1.0p52);
    }

    long siteDraw(long seed) {
        long next = seed + GAMMA;
        while (((mix64(next) >>> 32) * cells.length & 0xFFFF_FFFFL) < threshold) {
            next += GAMMA;
        }
        return next;
    }

    void run(long count) {
        final double[] all = spins;
        final int n = cells.length;
        final int w = width;
        final long[] buffer = new long[K];
        final int[] site = new int[K];
        final int[] cell = new int[K];
        final int[] index = new int[K];
        final double[] proposal = new double[K];
        final double[] xs = new double[K];
        final double[] us = new double[K];
        final IntVector base = IntVector.fromArray(SI, new int[] {0, len, 2 * len, 3 * len}, 0);
        LongVector seed = LongVector.fromArray(SL, seeds, 0);
        for (long step = 0; step < count; step++) {
            seed = seed.add(GAMMA);
            LongVector r = mix64(seed);
            LongVector product = r.lanewise(VectorOperators.LSHR, 32).mul(n);
            if (product.and(0xFFFFFFFFL).compare(VectorOperators.LT, (long) threshold).anyTrue()) {
                seed = redraw(seed, buffer);
                r = mix64(seed);
                product = r.lanewise(VectorOperators.LSHR, 32).mul(n);
            }
            product.lanewise(VectorOperators.LSHR, 32).intoArray(buffer, 0);
            for (int k = 0; k < K; k++) {
                site[k] = (int) buffer[k];
            }
            IntVector cellIndex = IntVector.fromArray(SI, cells, 0, site, 0);
            cellIndex.intoArray(cell, 0);
            cellIndex.add(base).intoArray(index, 0);
            DoubleVector old = DoubleVector.fromArray(SD, all, 0, index, 0);
            DoubleVector sum = DoubleVector.fromArray(SD, all, -w, index, 0).add(DoubleVector.fromArray(SD, all, w, index, 0))
                    .add(DoubleVector.fromArray(SD, all, -1, index, 0)).add(DoubleVector.fromArray(SD, all, 1, index, 0));
            DoubleVector m = DoubleVector.fromArray(SD, miss, 0, cell, 0);
            DoubleVector b = DoubleVector.fromArray(SD, field, 0, cell, 0);
            DoubleVector p = low32AsDouble(r).mul(0x1.0p-31);
            DoubleVector d = p.sub(old);
            // beta * (-j * (d * sum + m * (p*p - old*old)) - b * d + inertia * |d|), in the engine's order
            DoubleVector x = d.mul(sum).add(m.mul(p.mul(p).sub(old.mul(old)))).mul(-j).sub(b.mul(d)).add(d.abs().mul(inertia)).mul(beta);
            VectorMask<Double> uphill = x.compare(VectorOperators.GT, 0.0);
            seed = seed.add(GAMMA, uphill.cast(SL));
            LongVector bits53 = mix64(seed).lanewise(VectorOperators.LSHR, 11);
            DoubleVector u = smallAsDouble(bits53.lanewise(VectorOperators.LSHR, 21)).mul(0x1.0p21)
                    .add(smallAsDouble(bits53.and((1L << 21) - 1))).mul(0x1.0p-53);
            VectorMask<Double> accept = uphill.not().or(u.compare(VectorOperators.LT, x.neg().add(1.0)));
            VectorMask<Double> band = uphill.and(accept.not())
                    .and(u.mul(x.mul(x.mul(0.5).add(1.0)).add(1.0)).compare(VectorOperators.LE, 1.0));
            long accepted = accept.toLong();
            if (band.anyTrue()) {
                x.intoArray(xs, 0);
                u.intoArray(us, 0);
                accepted |= exactly(band.toLong(), xs, us);
            }
            if (accepted != 0) {
                p.intoArray(proposal, 0);
                for (; accepted != 0; accepted &= accepted - 1) {
                    int k = Long.numberOfTrailingZeros(accepted);
                    all[index[k]] = proposal[k];
                }
            }
        }
        seed.intoArray(seeds, 0);
    }

    /** The lanes of {@code band} whose u < exp(−x), as bits: the few the squeeze leaves open. */
    static long exactly(long band, double[] xs, double[] us) {
        long accepted = 0;
        for (long rest = band; rest != 0; rest &= rest - 1) {
            int k = Long.numberOfTrailingZeros(rest);
            if (us[k] < Math.exp(-xs[k])) {
                accepted |= 1L << k;
            }
        }
        return accepted;
    }

    /** The states after each lane's site draw when some lane's draw was rejected (the engine's siteDraw). */
    LongVector redraw(LongVector seed, long[] buffer) {
        seed.intoArray(buffer, 0);
        for (int k = 0; k < K; k++) {
            buffer[k] = siteDraw(buffer[k] - GAMMA);
        }
        return LongVector.fromArray(SL, buffer, 0);
    }

    boolean sameAs(MetropolisEngine[] engines) {
        for (int k = 0; k < K; k++) {
            Lattice l = engines[k].lattice();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    if (Double.doubleToRawLongBits(l.spin(r, c)) != Double.doubleToRawLongBits(spins[k * len + (r + 1) * width + c + 1])) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    public static void main(String[] args) {
        Lattice start = FocusArea.STUDY.lattice(DataCatalogue.scan(Path.of(args[0])).load(LocalDate.parse(args[1])));
        long steps = Long.parseLong(args[2]);
        int rounds = Integer.parseInt(args[3]);
        IsingParams params = new IsingParams(2.5, -2, -5, 0, 10);
        SimulationSettings settings = SimulationSettings.study();
        long[] seed = {1001, 2002, 3003, 4004};
        MetropolisEngine[] engines = new MetropolisEngine[K];
        for (int k = 0; k < K; k++) {
            engines[k] = new MetropolisEngine(start.copy(), params, settings, seed[k]);
        }
        VectorProbe lanes = new VectorProbe(start, params, settings.beta(), seed);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            for (MetropolisEngine e : engines) {
                e.run(steps);
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            lanes.run(steps);
            long t2 = cpu.getCurrentThreadCpuTime();
            System.out.printf("round %d: engine %.2f ns, four lanes %.2f ns per step of one chain, lanes/engine %.2f, identical %b%n",
                    round, (t1 - t0) / (double) (K * steps), (t2 - t1) / (double) (K * steps), (t2 - t1) / (double) (t1 - t0),
                    lanes.sameAs(engines));
        }
    }
}
