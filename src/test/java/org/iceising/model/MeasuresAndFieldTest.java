package org.iceising.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeasuresAndFieldTest {

    /** Concentrations 1, 0.15, 0.14, NaN (masked). */
    private static Lattice small() {
        return Lattice.ofConcentration(2, 2, new double[] {1.0, 0.15, 0.14, Double.NaN});
    }

    @Test
    void spinIsOneMinusTwiceConcentration() {
        Lattice l = small();
        assertEquals(-1.0, l.spin(0), 1e-15);
        assertEquals(0.7, l.spin(1), 1e-15);
        assertEquals(3, l.activeCount());
        assertEquals(0.0, l.spin(3));
        assertTrue(Double.isNaN(l.concentration(3)));
    }

    @Test
    void coverageAndExtentCountActiveCellsOnly() {
        Lattice l = small();
        assertEquals((1.0 + 0.15 + 0.14) / 3, Measures.coverage(l), 1e-12);
        assertEquals(2.0 / 3, Measures.extentFraction(l), 1e-12); // 0.15 counts, 0.14 does not
    }

    @Test
    void distanceIsMeanAbsoluteWaterDifference() {
        Lattice obs = small();
        Lattice sim = Lattice.ofConcentration(2, 2, new double[] {0.5, 0.15, 0.44, Double.NaN});
        // |Δw| = 0.5, 0, 0.3 → mean 0.8/3
        assertEquals(0.8 / 3, Measures.distance(sim, obs), 1e-12);
        double[] signed = Measures.signedDifference(sim, obs);
        assertEquals(0.5, signed[0], 1e-12); // w_sim 0.5 − w_obs 0
        assertEquals(-0.3, signed[2], 1e-12);
        assertTrue(Double.isNaN(signed[3]));
        assertEquals(0.3, Measures.absoluteDifference(sim, obs)[2], 1e-12);
    }

    @Test
    void distanceNeedsTheSameMask() {
        Lattice other = Lattice.ofConcentration(2, 2, new double[] {1, 1, 1, 1});
        assertThrows(IllegalArgumentException.class, () -> Measures.distance(small(), other));
    }

    @Test
    void areaWeightedExtentAddsFlaggedCells() {
        double[] c = {0.2, 0.1, Double.NaN, 0.9};
        double[] area = {1, 10, 100, 1000};
        boolean[] pole = {false, false, true, false};
        assertEquals(1101, Measures.areaWeightedExtent(c, area, pole), 1e-12);
        assertEquals(1001, Measures.areaWeightedExtent(c, area, null), 1e-12);
    }

    @Test
    void fieldIsLinearInNormalisedCoordinatesWithB0AtTheCentre() {
        IsingParams p = new IsingParams(1, 2, 4, -6, 0);
        // 3 x 5: x/(2) − ½ ∈ {−½, 0, ½}, y/4 − ½ ∈ {−½, −¼, 0, ¼, ½}
        assertEquals(2, LinearField.at(p, 1, 2, 3, 5), 1e-15);
        assertEquals(2 - 2 + 3, LinearField.at(p, 0, 0, 3, 5), 1e-15);
        assertEquals(2 + 2 - 3, LinearField.at(p, 2, 4, 3, 5), 1e-15);
        assertEquals(2 + 0 + 1.5, LinearField.at(p, 1, 1, 3, 5), 1e-15);
        double[] all = LinearField.values(p, 3, 5);
        assertEquals(15, all.length);
        assertEquals(LinearField.at(p, 2, 3, 3, 5), all[2 * 5 + 3], 0);
        // the mean over the lattice is B0
        double mean = java.util.Arrays.stream(LinearField.values(p, 60, 60)).average().orElseThrow();
        assertEquals(2, mean, 1e-12);
    }

    @Test
    void paramsParseAndRoundTrip() {
        IsingParams p = IsingParams.parse(" 2.31, -14.5 ,-6.15,0.07,9.93");
        assertEquals(new IsingParams(2.31, -14.5, -6.15, 0.07, 9.93), p);
        assertEquals(p, IsingParams.parse(p.toCsv()));
        assertArrayEquals(new double[] {2.31, -14.5, -6.15, 0.07, 9.93}, p.toArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IsingParams.parse("1,2,x,4,5"));
        assertTrue(e.getMessage().contains("Bx"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IsingParams.parse("1,2,3"));
    }

    @Test
    void latticeRejectsOutOfRangeValues() {
        assertThrows(IllegalArgumentException.class, () -> Lattice.ofConcentration(1, 2, new double[] {0.5, 1.2}));
        assertThrows(IllegalArgumentException.class, () -> Lattice.ofSpins(1, 2, new double[] {0.5, -1.5}, null));
        assertThrows(IllegalArgumentException.class, () -> Lattice.ofSpins(2, 2, new double[] {0.5}, null));
    }

    @Test
    void commonMaskKeepsCellsActiveInBoth() {
        Lattice a = Lattice.ofConcentration(1, 3, new double[] {0.1, Double.NaN, 0.3});
        Lattice b = Lattice.ofConcentration(1, 3, new double[] {Double.NaN, 0.2, 0.4});
        Lattice[] both = Lattice.restrictToCommonMask(a, b);
        assertEquals(1, both[0].activeCount());
        assertTrue(both[0].sameShape(both[1]));
        assertEquals(0.3, both[0].concentration(2), 1e-15);
        assertEquals(0.4, both[1].concentration(2), 1e-15);
    }
}
