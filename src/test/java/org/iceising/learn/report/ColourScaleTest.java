package org.iceising.learn.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ColourScaleTest {

    @Test
    void iceScaleRunsFromDeepBlueWaterThroughLightBlueToWhiteIce() {
        assertEquals(0xFF08306B, ColourScale.ICE.argb(0.0));
        assertEquals(0xFF6BAED6, ColourScale.ICE.argb(0.5));
        assertEquals(0xFFFFFFFF, ColourScale.ICE.argb(1.0));
        // halfway between 08306B and 6BAED6: (8+107)/2 = 57.5 -> 58, (48+174)/2 = 111, (107+214)/2 = 160.5 -> 161
        assertEquals(0xFF3A6FA1, ColourScale.ICE.argb(0.25));
    }

    @Test
    void differenceScaleIsWhiteAtZeroBlueBelowRedAbove() {
        assertEquals(0xFF2166AC, ColourScale.DIFFERENCE.argb(-1.0));
        assertEquals(0xFFFFFFFF, ColourScale.DIFFERENCE.argb(0.0));
        assertEquals(0xFFB2182B, ColourScale.DIFFERENCE.argb(1.0));
        assertEquals(-ColourScale.DIFFERENCE.min(), ColourScale.DIFFERENCE.max(), "symmetric about zero");
        // 0.5: halfway from white to B2182B: (255+178)/2 = 216.5 -> 217, (255+24)/2 = 139.5 -> 140, (255+43)/2 = 149
        assertEquals(0xFFD98C95, ColourScale.DIFFERENCE.argb(0.5));
    }

    @Test
    void absoluteDifferenceStartsWhiteAndEndsDarkRed() {
        assertEquals(0xFFFFFFFF, ColourScale.ABSOLUTE_DIFFERENCE.argb(0.0));
        assertEquals(0xFFFB6A4A, ColourScale.ABSOLUTE_DIFFERENCE.argb(0.5));
        assertEquals(0xFF67000D, ColourScale.ABSOLUTE_DIFFERENCE.argb(1.0));
    }

    @Test
    void valuesOutsideTheRangeTakeTheEndColours() {
        assertEquals(ColourScale.ICE.argb(0), ColourScale.ICE.argb(-0.3));
        assertEquals(ColourScale.ICE.argb(1), ColourScale.ICE.argb(7));
        assertEquals(ColourScale.DIFFERENCE.argb(-1), ColourScale.DIFFERENCE.argb(Double.NEGATIVE_INFINITY));
    }

    @Test
    void colourChangesMonotonicallyAlongTheIceScale() {
        int previousRed = -1;
        for (int k = 0; k <= 100; k++) {
            int red = (ColourScale.ICE.argb(k / 100.0) >> 16) & 0xFF;
            assertEquals(true, red >= previousRed, "red channel grows towards white ice at " + k + " %");
            previousRed = red;
        }
    }

    @Test
    void nanHasNoColour() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ColourScale.ICE.argb(Double.NaN));
        assertEquals(true, e.getMessage().contains("NaN"));
    }

    @Test
    void ticksSpanTheRangeEvenly() {
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1}, ColourScale.DIFFERENCE.ticks(5), 1e-15);
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, ColourScale.ICE.ticks(5), 1e-15);
    }
}
