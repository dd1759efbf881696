package org.iceising.app.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.iceising.app.WorkbenchView;

class NumbersTest {
    @Test
    void trimsTrailingZerosAndNeverShowsMinusZero() {
        assertEquals("2.5", Numbers.trim(2.5, 4));
        assertEquals("-14.5", Numbers.trim(-14.5, 4));
        assertEquals("0.07", Numbers.trim(0.07, 4));
        assertEquals("10", Numbers.trim(10, 4));
        assertEquals("2000", Numbers.trim(2000, 2));
        assertEquals("0", Numbers.trim(-0.0001, 2));
        assertEquals("0.33", Numbers.trim(1.0 / 3, 2));
        assertEquals("2.31", Numbers.trim(2.3100000000000005, 4));
    }

    @Test
    void tickLabelsUseATrueMinusSign() {
        assertEquals("−0.5", Figure.tickLabel(-0.5));
        assertEquals("0.25", Figure.tickLabel(0.25));
        assertEquals("1", Figure.tickLabel(1));
    }

    @Test
    void fileNamesFromTitlesKeepLettersDigitsDotsAndDashes() {
        assertEquals("Observed_start_2018-06-16.png", WorkbenchView.fileName("Observed start · 2018-06-16", "png"));
        assertEquals("Simulated_observed_end_distance_0.1069.png", WorkbenchView.fileName("|Simulated − observed end| · distance 0.1069", "png"));
        assertEquals("iceising.csv", WorkbenchView.fileName("··", "csv"));
    }

    @Test
    void anAdjustedFieldSaysWhatWasTypedAndWhatIsUsedInstead() {
        assertEquals("J: \u201c1e9\u201d is outside the range 0 … 5; 5 is used", Numbers.adjusted("J", " 1e9", 1e9, "5", "0 … 5"));
        assertEquals("Steps: \u201cabc\u201d is not a number; 50000 is kept", Numbers.adjusted("Steps", "abc", null, "50000", "1,000 … 1,000,000"));
        assertEquals("\u201c-3\u201d is outside the range; 1 is used", Numbers.adjusted("", "-3", -3, "1", null));
    }
}
