package org.iceising.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exact results of MODEL.md §7 as oracles for the Metropolis chain. */
class ExactResultsTest {

    private static final double TC = 2 / Math.log(1 + Math.sqrt(2));

    /** Langevin: I = 0, J = 0, continuous spins, uniform field B: ⟨s⟩ = coth(βB) − 1/(βB). */
    @ParameterizedTest
    @CsvSource({"1.0, 1.0", "2.5, 1.0", "-3.0, 1.0", "2.0, 2.0", "0.5, 0.25"})
    void continuousSpinsInAFieldFollowLangevin(double b, double temperature) {
        double x = b / temperature;
        double expected = 1 / Math.tanh(x) - 1 / x;
        Lattice l = Lattice.uniform(20, 20, 0);
        MetropolisEngine e = new MetropolisEngine(l, new IsingParams(0, b, 0, 0, 0),
                new SimulationSettings(temperature, SpinKind.CONTINUOUS, Boundary.STUDY), 2024);
        e.sweep(200);
        double sum = 0;
        int samples = 2000;
        for (int k = 0; k < samples; k++) {
            e.sweep(1);
            sum += 1 - 2 * Measures.coverage(l); // mean spin
        }
        // 400 independent cells x 2000 correlated sweeps: standard error < 0.002
        assertEquals(expected, sum / samples, 0.01, "B=" + b + " T=" + temperature);
    }

    /** Onsager's spontaneous magnetisation below Tc on a periodic binary lattice. */
    @ParameterizedTest
    @CsvSource({"1.5, 0.98650", "2.0, 0.91132"})
    void binaryMagnetisationFollowsOnsager(double temperature, double table) {
        double beta = 1 / temperature;
        double onsager = Math.pow(1 - Math.pow(Math.sinh(2 * beta), -4), 0.125);
        assertEquals(table, onsager, 1e-5, "MODEL.md's table value");
        ClassroomIsing.Result r = ClassroomIsing.measure(Lattice.uniform(48, 48, 1),
                new SimulationSettings(temperature, SpinKind.BINARY, Boundary.PERIODIC), 0, 500, 3000, 99,
                ProgressMonitor.NONE);
        assertEquals(onsager, r.meanAbsMagnetisation(), 0.01);
    }

    /** Energy per site at Tc is −√2 in the thermodynamic limit (finite-size correction ~1/L). */
    @Test
    void binaryEnergyAtTcIsMinusRootTwo() {
        ClassroomIsing.Result r = ClassroomIsing.measure(ClassroomIsing.randomStart(64, SpinKind.BINARY, 3),
                new SimulationSettings(TC, SpinKind.BINARY, Boundary.PERIODIC), 0, 1000, 3000, 5,
                ProgressMonitor.NONE);
        assertEquals(-Math.sqrt(2), r.energyPerSite(), 0.03);
    }

    /** 2 × 2 periodic lattice: Z = 4 cosh(8β) + 12, ⟨E⟩ = −32 sinh(8β)/Z. */
    @ParameterizedTest
    @CsvSource({"2.0", "4.0", "8.0"})
    void twoByTwoMeanEnergyIsExact(double temperature) {
        double beta = 1 / temperature;
        double z = 4 * Math.cosh(8 * beta) + 12;
        double expected = -32 * Math.sinh(8 * beta) / z;
        ClassroomIsing.Result r = ClassroomIsing.measure(ClassroomIsing.randomStart(2, SpinKind.BINARY, 1),
                new SimulationSettings(temperature, SpinKind.BINARY, Boundary.PERIODIC), 0, 1000, 400_000, 17,
                ProgressMonitor.NONE);
        assertEquals(expected, r.energyPerSite() * 4, 0.03, "T=" + temperature);
    }

    @Test
    void disorderedAboveTc() {
        ClassroomIsing.Result r = ClassroomIsing.measure(Lattice.uniform(48, 48, 1),
                new SimulationSettings(4.0, SpinKind.BINARY, Boundary.PERIODIC), 0, 500, 2000, 8, ProgressMonitor.NONE);
        // far above Tc the magnetisation per site is only the finite-size noise, ~ 1/L
        assertEquals(0, r.meanAbsMagnetisation(), 0.06);
    }
}
