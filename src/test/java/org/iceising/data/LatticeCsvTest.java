package org.iceising.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
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

    @Test
    void sixDecimalsAreWhatTheFormatterWrites() {
        SplittableRandom r = new SplittableRandom(5);
        List<Double> values = new java.util.ArrayList<>(List.of(0.0, 1.0, -0.0, 0.5, 5e-7, 1e-7, 0.9999995, 2.5e-6, Math.nextDown(1.0),
                Double.MIN_VALUE, -1e-9, 1.0000001));
        for (int k = 0; k < 100_000; k++) {
            values.add(r.nextDouble());
            // concentrations of the engine's proposals k·2⁻³¹: multiples of 2⁻³²
            values.add((double) r.nextLong(1L << 32) * 0x1.0p-32);
            double tie = (r.nextInt(1_000_000) + 0.5) / 1e6;
            values.add(tie);
            values.add(Math.nextUp(tie));
            values.add(Math.nextDown(tie));
        }
        for (int k = 1; k < 128; k += 2) {
            values.add(k / 128.0); // k/128 · 10⁶ = k · 7812.5: exact ties
        }
        for (double v : values) {
            StringBuilder sb = new StringBuilder();
            LatticeCsv.appendSixDecimals(sb, v);
            assertEquals(String.format(Locale.ROOT, "%.6f", v), sb.toString(), "value " + v);
        }
    }
}
