package org.iceising.app.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iceising.model.Lattice;
import org.iceising.model.Measures;
import org.junit.jupiter.api.Test;

class SimulationViewModelTest {

    @Test
    void daysWithDifferentMissingCellsAreComparedOnTheCellsSeenOnBoth() {
        double n = Double.NaN;
        Lattice start = Lattice.ofConcentration(2, 2, new double[] {0.2, 0.4, n, 1.0});
        Lattice end = Lattice.ofConcentration(2, 2, new double[] {0.6, n, n, 0.0});
        Lattice a = SimulationViewModel.onCommonCells(start, end);
        Lattice b = SimulationViewModel.onCommonCells(end, start);
        assertTrue(a.sameShape(b));
        assertFalse(a.isActive(1));
        // w = 1 - c: cells 0 and 3 only: |0.8 - 0.4| and |0.0 - 1.0| -> mean 0.7
        assertEquals(0.7, Measures.distance(a, b), 1e-12);
        assertSame(start, SimulationViewModel.onCommonCells(start, start), "equal masks need no copy");
    }
}
