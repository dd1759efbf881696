package org.iceising.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.iceising.data.CellFlag;
import org.iceising.data.GridReader;
import org.iceising.data.SampleData;
import org.iceising.data.SeaIceGrid;
import org.iceising.learn.report.ColourScale;
import org.iceising.model.Lattice;
import org.junit.jupiter.api.Test;

class RasterTest {

    @Test
    void flagColoursAreDistinctNeutralAndOffTheIceScale() {
        Set<Integer> seen = new HashSet<>();
        for (CellFlag f : CellFlag.values()) {
            if (f == CellFlag.VALID) {
                continue;
            }
            for (int parity = 0; parity < 2; parity++) {
                int c = Raster.argb(f, 0, parity);
                int r = c >> 16 & 0xFF;
                int g = c >> 8 & 0xFF;
                int b = c & 0xFF;
                assertTrue(Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) <= 24, f + " is a neutral grey");
                for (int k = 0; k <= 100; k++) {
                    assertNotEquals(ColourScale.ICE.argb(k / 100.0), c, f + " differs from every ice colour");
                }
                seen.add(c);
            }
        }
        // five flags, the missing checkerboard's second grey: six colours, no two alike
        assertEquals(6, seen.size());
        assertNotEquals(Raster.argb(CellFlag.MISSING, 0, 0), Raster.argb(CellFlag.MISSING, 0, 1), "missing cells form a checkerboard");
    }

    @Test
    void gridPixelsFollowConcentrationAndFlags() {
        SeaIceGrid g = GridReader.read(SampleData.directory().resolve("nt_2018").resolve("nt_20180616_f18_nrt_n.bin"));
        int[] px = Raster.pixels(g);
        assertEquals(SeaIceGrid.ROWS * SeaIceGrid.COLS, px.length);
        int checked = 0;
        for (int r = 0; r < SeaIceGrid.ROWS; r += 7) {
            for (int c = 0; c < SeaIceGrid.COLS; c += 5) {
                int expected = g.flag(r, c) == CellFlag.VALID ? ColourScale.ICE.argb(g.concentration(r, c)) : Raster.argb(g.flag(r, c), r, c);
                assertEquals(expected, px[r * SeaIceGrid.COLS + c], "cell " + r + ", " + c);
                checked++;
            }
        }
        assertTrue(checked > 3000);
    }

    @Test
    void latticePixelsUseTheMaskedColourOnMaskedCells() {
        Lattice l = Lattice.ofConcentration(1, 3, new double[] {0, Double.NaN, 1});
        int[] px = Raster.pixels(l.concentrations(), ColourScale.ICE);
        assertEquals(0xFF08306B, px[0]);
        assertEquals(Raster.MASKED, px[1]);
        assertEquals(0xFFFFFFFF, px[2]);
    }
}
