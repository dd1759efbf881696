package org.iceising.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The running classroom chain against Onsager's exact curves and the meaning of its controls. */
class ClassroomChainTest {
    private static ClassroomChain.Setup setup(int size, ClassroomChain.Start start) {
        return new ClassroomChain.Setup(size, SpinKind.BINARY, Boundary.PERIODIC, start, 11);
    }

    @Test
    void orderedChainBelowTcMeasuresOnsagersMagnetisationAndEnergy() {
        ClassroomChain c = new ClassroomChain(setup(48, ClassroomChain.Start.ORDERED), new ClassroomChain.Conditions(2.0, 1, 0));
        c.sweep(300);
        c.zeroAverages();
        c.sweep(2000);
        ClassroomChain.Snapshot s = c.snapshot();
        assertEquals(2000, s.samples());
        assertEquals(Onsager.magnetisation(2.0, 1), s.meanAbsMagnetisation(), 0.01);
        assertEquals(Onsager.energyPerSite(2.0, 1), s.meanEnergy(), 0.01);
    }

    @Test
    void randomChainAboveTcMeasuresOnsagersEnergy() {
        ClassroomChain c = new ClassroomChain(setup(48, ClassroomChain.Start.RANDOM), new ClassroomChain.Conditions(3.0, 1, 0));
        c.sweep(300);
        c.zeroAverages();
        c.sweep(2000);
        assertEquals(Onsager.energyPerSite(3.0, 1), c.snapshot().meanEnergy(), 0.01);
        assertTrue(c.snapshot().meanAbsMagnetisation() < 0.1, "disordered above Tc");
    }

    @Test
    void zeroingStartsTheAveragesAfresh() {
        ClassroomChain c = new ClassroomChain(setup(16, ClassroomChain.Start.RANDOM), new ClassroomChain.Conditions(2.0, 1, 0));
        c.sweep(5);
        c.zeroAverages();
        ClassroomChain.Snapshot s = c.snapshot();
        assertEquals(0, s.samples());
        assertTrue(Double.isNaN(s.meanEnergy()));
        assertEquals(0, s.acceptance());
        assertEquals(5, s.sweeps());
        c.sweep(1);
        assertEquals(c.snapshot().energyPerSite(), c.snapshot().meanEnergy(), 1e-12, "one sample: the mean is that sample");
    }

    @Test
    void aFieldChangedWhileRunningTurnsTheSpins() {
        ClassroomChain c = new ClassroomChain(setup(16, ClassroomChain.Start.ORDERED), new ClassroomChain.Conditions(1.5, 1, 0));
        c.sweep(10);
        assertTrue(c.snapshot().magnetisationPerSite() > 0.9);
        c.setConditions(new ClassroomChain.Conditions(1.5, 1, -8));
        c.sweep(20);
        assertTrue(c.snapshot().magnetisationPerSite() < -0.9, "a strong negative field reverses an ordered lattice");
        // ground state in a field: E/N = −2J − |H|
        c.setConditions(new ClassroomChain.Conditions(0.05, 1, -8));
        c.sweep(5);
        assertEquals(-2 - 8, c.snapshot().energyPerSite(), 1e-9);
    }

    @Test
    void aHotterTemperatureAcceptsMore() {
        ClassroomChain c = new ClassroomChain(setup(32, ClassroomChain.Start.RANDOM), new ClassroomChain.Conditions(1.0, 1, 0));
        c.sweep(200);
        c.zeroAverages();
        c.sweep(50);
        double cold = c.snapshot().acceptance();
        c.setConditions(new ClassroomChain.Conditions(5.0, 1, 0));
        c.zeroAverages();
        c.sweep(50);
        double hot = c.snapshot().acceptance();
        assertTrue(hot > 3 * cold, "acceptance " + cold + " at T = 1, " + hot + " at T = 5");
    }

    @Test
    void temperatureSweepFollowsOnsagerAndReportsProgress() {
        AtomicLong last = new AtomicLong();
        ProgressMonitor monitor = new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
                last.set(done);
                assertEquals(2 * (200 + 800), total);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        List<ClassroomChain.SweepPoint> points = ClassroomChain.temperatureSweep(setup(32, ClassroomChain.Start.RANDOM), 1, 0,
                new double[] {1.5, 3.5}, 200, 800, monitor);
        assertEquals(2000, last.get());
        assertEquals(1.5, points.get(0).temperature());
        assertEquals(Onsager.magnetisation(1.5, 1), points.get(0).meanAbsMagnetisation(), 0.01);
        assertEquals(Onsager.energyPerSite(3.5, 1), points.get(1).meanEnergy(), 0.02);
    }

    @Test
    void aCancelledSweepStops() {
        ProgressMonitor cancelled = new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancelledException.class, () -> ClassroomChain.temperatureSweep(setup(8, ClassroomChain.Start.RANDOM), 1, 0,
                new double[] {2}, 1, 1, cancelled));
    }

    @Test
    void sizesOutsideTheClassroomsRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> setup(513, ClassroomChain.Start.RANDOM));
        assertThrows(IllegalArgumentException.class, () -> new ClassroomChain.Conditions(0, 1, 0));
    }
}
