package org.iceising.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** ΔE worked by hand on small lattices, and properties of the chain. */
class MetropolisEngineTest {

    private static final double EPS = 1e-12;

    /*
     * 3 x 3 lattice, study boundary, spins
     *    0.5  -1   0.2
     *    1    0   -0.4
     *   -0.6  0.8  1
     * J = 2, B0 = 1, Bx = 4, By = -2, I = 3, so B(x,y) = 1 + 4(x/2 - 1/2) - 2(y/2 - 1/2).
     */
    private static Lattice threeByThree() {
        return Lattice.ofSpins(3, 3, new double[] {0.5, -1, 0.2, 1, 0, -0.4, -0.6, 0.8, 1}, null);
    }

    private static final IsingParams P = new IsingParams(2, 1, 4, -2, 3);

    @Test
    void centreCellHasFourNeighbours() {
        MetropolisEngine e = new MetropolisEngine(threeByThree(), P, SimulationSettings.study(), 1);
        // centre (1,1): s = 0, s' = 0.5; neighbours -1 + 0.8 + 1 - 0.4 = 0.4; B = 1
        // ΔH = -2 * 0.5 * 0.4 - 1 * 0.5 = -0.9; inertia 3 * 0.5 = 1.5; ΔE = 0.6
        assertEquals(0.6, e.energyChange(1, 1, 0.5), EPS);
    }

    @Test
    void cornerCellCarriesTwoSelfTerms() {
        MetropolisEngine e = new MetropolisEngine(threeByThree(), P, SimulationSettings.study(), 1);
        // corner (0,0): s = 0.5, s' = -0.5; present neighbours (1,0)=1 and (0,1)=-1, sum 0;
        // two missing neighbours take the cell's own value: self term -J * 2 * (s'^2 - s^2) = 0
        // B(0,0) = 1 - 2 + 1 = 0, so ΔH = 0 and ΔE = I * |s' - s| = 3
        assertEquals(3.0, e.energyChange(0, 0, -0.5), EPS);
        // s' = 1: d = 0.5, self: -2 * 2 * (1 - 0.25) = -3, ΔH = -3, ΔE = -3 + 1.5 = -1.5
        assertEquals(-1.5, e.energyChange(0, 0, 1.0), EPS);
    }

    @Test
    void edgeCellCarriesOneSelfTerm() {
        MetropolisEngine e = new MetropolisEngine(threeByThree(), P, SimulationSettings.study(), 1);
        // edge (2,1): s = 0.8, s' = -0.2, d = -1; neighbours (1,1)=0, (2,0)=-0.6, (2,2)=1: sum 0.4
        // self: m=1, s'^2 - s^2 = 0.04 - 0.64 = -0.6; B(2,1) = 1 + 4*0.5 - 2*0 = 3
        // ΔH = -2*(-1*0.4 + 1*(-0.6)) - 3*(-1) = -2*(-1.0) + 3 = 5; ΔE = 5 + 3 = 8
        assertEquals(8.0, e.energyChange(2, 1, -0.2), EPS);
    }

    @Test
    void periodicBoundaryWrapsInsteadOfSelfTerm() {
        SimulationSettings periodic = new SimulationSettings(1, SpinKind.CONTINUOUS, Boundary.PERIODIC);
        MetropolisEngine e = new MetropolisEngine(threeByThree(), P, periodic, 1);
        // corner (0,0): neighbours up (2,0)=-0.6, down (1,0)=1, left (0,2)=0.2, right (0,1)=-1: sum -0.4
        // s' = 1, d = 0.5, B = 0: ΔH = -2 * 0.5 * (-0.4) = 0.4; ΔE = 0.4 + 1.5 = 1.9
        assertEquals(1.9, e.energyChange(0, 0, 1.0), EPS);
    }

    @Test
    void maskedNeighbourActsLikeTheEdge() {
        boolean[] mask = {true, true, true, true, false, true, true, true, true};
        Lattice l = Lattice.ofSpins(3, 3, new double[] {0.5, -1, 0.2, 1, 0.9, -0.4, -0.6, 0.8, 1}, mask);
        MetropolisEngine e = new MetropolisEngine(l, P, SimulationSettings.study(), 1);
        // edge (0,1): s = -1, s' = 0; present neighbours (0,0)=0.5, (0,2)=0.2 sum 0.7;
        // missing: outside (up) and masked centre: m = 2; self: -2*2*(0 - 1) = 4
        // B(0,1) = 1 - 2 + 0 = -1; d = 1: ΔH = -2*(0.7) + 4 - (-1)(1) = 3.6; ΔE = 3.6 + 3 = 6.6
        assertEquals(6.6, e.energyChange(0, 1, 0.0), EPS);
    }

    @Test
    void localEnergyChangeEqualsTotalEnergyDifference() {
        SplittableRandom r = new SplittableRandom(7);
        for (Boundary boundary : Boundary.values()) {
            for (int trial = 0; trial < 200; trial++) {
                int rows = 2 + r.nextInt(5);
                int cols = 2 + r.nextInt(5);
                double[] s = new double[rows * cols];
                boolean[] mask = new boolean[rows * cols];
                for (int i = 0; i < s.length; i++) {
                    s[i] = 2 * r.nextDouble() - 1;
                    mask[i] = r.nextDouble() > 0.2;
                }
                mask[0] = true;
                Lattice l = Lattice.ofSpins(rows, cols, s, mask);
                IsingParams p = new IsingParams(4 * r.nextDouble() - 1, 10 * r.nextDouble() - 5, 6 * r.nextDouble() - 3,
                        6 * r.nextDouble() - 3, 0);
                MetropolisEngine e = new MetropolisEngine(l, p, new SimulationSettings(1, SpinKind.CONTINUOUS, boundary), 1);
                int cell;
                do {
                    cell = r.nextInt(rows * cols);
                } while (!mask[cell]);
                double proposed = 2 * r.nextDouble() - 1;
                double before = Hamiltonian.energy(l, p, boundary);
                Lattice after = l.copy();
                after.setSpin(cell / cols, cell % cols, proposed);
                double expected = Hamiltonian.energy(after, p, boundary) - before;
                assertEquals(expected, e.energyChange(cell / cols, cell % cols, proposed), 1e-9,
                        boundary + " trial " + trial);
            }
        }
    }

    @Test
    void energyChangeStaysExactAfterRunningEveryBoundary() {
        // the engine keeps its own padded copy (with periodic images in the frame): after a run it must
        // still weigh every move exactly as the lattice it wrote back says
        SplittableRandom r = new SplittableRandom(11);
        for (Boundary boundary : Boundary.values()) {
            for (int trial = 0; trial < 60; trial++) {
                int rows = 2 + r.nextInt(5);
                int cols = 2 + r.nextInt(5);
                boolean[] mask = new boolean[rows * cols];
                for (int i = 0; i < mask.length; i++) {
                    mask[i] = r.nextDouble() > 0.25;
                }
                mask[mask.length - 1] = true;
                Lattice l = Lattice.ofSpins(rows, cols, new double[rows * cols], mask);
                IsingParams p = new IsingParams(2 * r.nextDouble(), 4 * r.nextDouble() - 2, 2, -1, 0);
                MetropolisEngine e = new MetropolisEngine(l, p, new SimulationSettings(1, SpinKind.CONTINUOUS, boundary), trial);
                e.run(500 + r.nextInt(500));
                for (int cell = 0; cell < mask.length; cell++) {
                    if (!mask[cell]) {
                        continue;
                    }
                    double proposed = 2 * r.nextDouble() - 1;
                    Lattice after = l.copy();
                    after.setSpin(cell / cols, cell % cols, proposed);
                    double expected = Hamiltonian.energy(after, p, boundary) - Hamiltonian.energy(l, p, boundary);
                    assertEquals(expected, e.energyChange(cell / cols, cell % cols, proposed), 1e-9,
                            boundary + " " + rows + " x " + cols + " trial " + trial + " cell " + cell);
                }
            }
        }
    }

    @Test
    void drawsTheStreamOfSplittableRandom() {
        // the engine draws SplittableRandom(seed)'s stream with its state in a local variable
        for (long seed : new long[] {0, 1, -7, 0x9E3779B97F4A7C15L}) {
            SplittableRandom reference = new SplittableRandom(seed);
            long state = seed;
            for (int k = 0; k < 1000; k++) {
                state += Seeds.GOLDEN_GAMMA;
                assertEquals(reference.nextLong(), Seeds.mix64(state));
                state += Seeds.GOLDEN_GAMMA;
                assertEquals(reference.nextDouble(), (Seeds.mix64(state) >>> 11) * 0x1.0p-53);
            }
        }
    }

    @Test
    void sameSeedSameLatticeDifferentSeedDifferent() {
        Lattice a = threeByThree();
        Lattice b = threeByThree();
        Lattice c = threeByThree();
        new MetropolisEngine(a, P, SimulationSettings.study(), 42).run(10_000);
        new MetropolisEngine(b, P, SimulationSettings.study(), 42).run(10_000);
        new MetropolisEngine(c, P, SimulationSettings.study(), 43).run(10_000);
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void runningInChunksIsTheSameChain() {
        Lattice a = threeByThree();
        Lattice b = threeByThree();
        new MetropolisEngine(a, P, SimulationSettings.study(), 5).run(9_000);
        MetropolisEngine e = new MetropolisEngine(b, P, SimulationSettings.study(), 5);
        for (long steps : new SemiMonthlyPeriod(java.time.LocalDate.of(2018, 9, 16)).stepsPerDay(9_000)) {
            e.run(steps);
        }
        assertEquals(a, b);
    }

    @Test
    void maskedCellsNeverChangeAndSpinsStayInRange() {
        boolean[] mask = new boolean[25];
        java.util.Arrays.fill(mask, true);
        mask[7] = false;
        mask[12] = false;
        double[] s = new double[25];
        Lattice l = Lattice.ofSpins(5, 5, s, mask);
        MetropolisEngine e = new MetropolisEngine(l, new IsingParams(0.5, 0.3, 1, -1, 0.5), SimulationSettings.study(), 3);
        e.run(50_000);
        assertEquals(0.0, l.spin(7));
        assertEquals(0.0, l.spin(12));
        for (int i = 0; i < 25; i++) {
            assertTrue(l.spin(i) >= -1 && l.spin(i) <= 1);
        }
        assertEquals(23, l.activeCount());
        assertTrue(e.acceptanceRatio() > 0 && e.acceptanceRatio() < 1);
    }

    @Test
    void binarySpinsStayBinary() {
        Lattice l = ClassroomIsing.randomStart(8, SpinKind.BINARY, 1);
        new MetropolisEngine(l, ClassroomIsing.params(0), new SimulationSettings(2.5, SpinKind.BINARY, Boundary.PERIODIC), 9)
                .run(20_000);
        for (int i = 0; i < l.size(); i++) {
            assertEquals(1.0, Math.abs(l.spin(i)));
        }
    }

    @Test
    void strongInertiaFreezesTheLattice() {
        Lattice l = threeByThree();
        double[] before = l.spins();
        // with I = 1e6 every move costs at least 1e6 * |d|; only |d| < ~4e-5 could pass
        new MetropolisEngine(l, P.withInertia(1e6), SimulationSettings.study(), 11).run(5_000);
        assertArrayEquals(before, l.spins(), 1e-3);
    }

    @Test
    void parametersChangeAtTheNextRun() {
        MetropolisEngine e = new MetropolisEngine(threeByThree(), P, SimulationSettings.study(), 1);
        e.setParams(P.withB0(5));
        assertEquals(5, e.params().b0());
        // centre cell, B now 5: ΔH = -0.4 - 2.5 = -2.9, ΔE = -1.4
        assertEquals(-1.4, e.energyChange(1, 1, 0.5), EPS);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class,
                () -> new MetropolisEngine(Lattice.ofSpins(1, 2, new double[] {0, 0}, new boolean[2]), P,
                        SimulationSettings.study(), 1));
        assertThrows(IllegalArgumentException.class, () -> new MetropolisEngine(Lattice.uniform(2, 2, 0.5), P,
                new SimulationSettings(1, SpinKind.BINARY, Boundary.PERIODIC), 1));
        assertThrows(IllegalArgumentException.class, () -> new SimulationSettings(0, SpinKind.BINARY, Boundary.STUDY));
        assertThrows(IllegalArgumentException.class, () -> new IsingParams(1, Double.NaN, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new IsingParams(1, 0, 0, 0, -1));
    }
}
