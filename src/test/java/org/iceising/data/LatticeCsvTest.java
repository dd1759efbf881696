package org.iceising.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iceising.model.Lattice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatticeCsvTest {

    @Test
    void rowsHoldConcentrationsAndNothingOnMaskedCells() {
        Lattice l = Lattice.ofConcentration(2, 3, new double[] {0, 0.25, Double.NaN, 1, 0.5, 0.125});
        assertEquals("0.000000,0.250000,\n1.000000,0.500000,0.125000\n", LatticeCsv.of(l));
    }

    @Test
    void severalLatticesHaveABlankLineBetween(@TempDir Path dir) throws IOException {
        Lattice a = Lattice.ofConcentration(1, 2, new double[] {0.5, 1});
        Lattice b = Lattice.ofConcentration(1, 2, new double[] {0, Double.NaN});
        Path f = dir.resolve("two.csv");
        LatticeCsv.write(f, List.of(a, b));
        assertEquals(List.of("0.500000,1.000000", "", "0.000000,"), Files.readAllLines(f));
    }
}
