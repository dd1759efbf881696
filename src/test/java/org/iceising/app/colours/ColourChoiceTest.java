package org.iceising.app.colours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.iceising.learn.report.ColourScale;
import org.junit.jupiter.api.Test;

/** Colour choices: tables, inversion and ranges, against the tables' own colours. */
class ColourChoiceTest {
    private static final double NAN = Double.NaN;

    @Test
    void aFixedRangeRunsTheTableFromMinToMax() {
        ColourScale s = new ColourChoice(ColourTable.VIRIDIS, false, false, 0, 1).scale("c", new double[] {0.2, 0.4});
        assertEquals(0, s.min());
        assertEquals(1, s.max());
        assertEquals(0xFF440154, s.argb(0));
        assertEquals(0xFFFDE725, s.argb(1));
        assertEquals(0xFF2A788E, s.argb(0.4), "the third of six evenly spaced colours sits at 2/5");
    }

    @Test
    void invertingSwapsTheEnds() {
        ColourScale s = new ColourChoice(ColourTable.VIRIDIS, true, false, 0, 1).scale("c", null);
        assertEquals(0xFFFDE725, s.argb(0));
        assertEquals(0xFF440154, s.argb(1));
    }

    @Test
    void aDataRangeStretchesOverTheFiniteValues() {
        ColourScale s = new ColourChoice(ColourTable.GREYS, false, true, 0, 1).scale("c", new double[] {0.2, NAN, 0.6});
        assertEquals(0.2, s.min());
        assertEquals(0.6, s.max());
        assertEquals(0xFF000000, s.argb(0.2));
        assertEquals(0xFF808080, s.argb(0.4), "halfway: 127.5 rounds to 128");
    }

    @Test
    void aDivergingDataRangeIsSymmetricAboutZero() {
        ColourScale s = new ColourChoice(ColourTable.RED_BLUE, false, true, -1, 1).scale("d", new double[] {-0.1, 0.3, NAN});
        assertEquals(-0.3, s.min(), 1e-12);
        assertEquals(0.3, s.max(), 1e-12);
        assertEquals(0xFFF7F7F7, s.argb(0), "zero is the table's neutral middle");
        assertEquals(0xFF2166AC, s.argb(-0.3));
    }

    @Test
    void dataWithoutSpreadKeepsTheFixedRange() {
        ColourScale s = new ColourChoice(ColourTable.ICE, false, true, 0, 1).scale("c", new double[] {NAN, 0.5, 0.5});
        assertEquals(0, s.min());
        assertEquals(1, s.max());
    }

    @Test
    void aRangeMustRise() {
        assertThrows(IllegalArgumentException.class, () -> new ColourChoice(ColourTable.ICE, false, false, 1, 1));
    }

    @Test
    void theStandardChoicesAreTheWorkbenchsOriginalScales() {
        ColoursViewModel vm = new ColoursViewModel();
        for (double v : new double[] {0, 0.3, 0.5, 1}) {
            assertEquals(ColourScale.ICE.argb(v), vm.scale(ColoursViewModel.Role.CONCENTRATION, null).argb(v));
            assertEquals(ColourScale.ABSOLUTE_DIFFERENCE.argb(v), vm.scale(ColoursViewModel.Role.ABSOLUTE_DIFFERENCE, null).argb(v));
        }
        vm.choiceProperty(ColoursViewModel.Role.CONCENTRATION).set(new ColourChoice(ColourTable.CIVIDIS, false, false, 0, 1));
        vm.reset();
        assertEquals(ColoursViewModel.Role.CONCENTRATION.standard(), vm.choiceProperty(ColoursViewModel.Role.CONCENTRATION).get());
    }
}
