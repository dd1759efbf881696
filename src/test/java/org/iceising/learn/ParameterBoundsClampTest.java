package org.iceising.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iceising.model.IsingParams;
import org.junit.jupiter.api.Test;

class ParameterBoundsClampTest {
    @Test
    void clampLimitsEachParameterToItsRangeAndKeepsInsidePoints() {
        ParameterBounds freeze = ParameterBounds.studyFreeze(); // J 2.25..2.75, B0 -15..-9, Bx -10..-1, By -10..10, I 9..11
        IsingParams outside = new IsingParams(3.0, -2.69, -12, 4, 8.5);
        assertEquals(new IsingParams(2.75, -9, -10, 4, 9), freeze.clamp(outside));
        IsingParams inside = new IsingParams(2.31, -14.5, -6.15, 0.07, 9.93);
        assertEquals(inside, freeze.clamp(inside));
        assertTrue(freeze.contains(freeze.clamp(outside)));
    }
}
