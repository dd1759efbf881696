package org.iceising.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hipparchus.special.elliptic.legendre.LegendreEllipticIntegral;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Onsager's exact curves against MODEL.md §7's values, an independent elliptic integral and the limits. */
class OnsagerTest {

    @Test
    void criticalTemperatureIsTwoOverLnOnePlusRootTwo() {
        assertEquals(2.269185, Onsager.CRITICAL_TEMPERATURE, 1e-6);
        assertEquals(2 * 2.269185, Onsager.criticalTemperature(2), 2e-6);
    }

    @ParameterizedTest
    @CsvSource({"1.5, 0.98650", "2.0, 0.91132"})
    void magnetisationMatchesModelTable(double temperature, double table) {
        assertEquals(table, Onsager.magnetisation(temperature, 1), 1e-5);
    }

    @Test
    void magnetisationVanishesFromTcOn() {
        assertEquals(0, Onsager.magnetisation(Onsager.CRITICAL_TEMPERATURE + 1e-9, 1));
        assertEquals(0, Onsager.magnetisation(3.5, 1));
        // the curve scales with J: T/J is what counts
        assertEquals(Onsager.magnetisation(2.0, 1), Onsager.magnetisation(4.0, 2), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.3, 0.7, 0.95, 0.9999})
    void ellipticIntegralAgreesWithHipparchus(double k) {
        assertEquals(LegendreEllipticIntegral.bigK(k * k), Onsager.ellipticK(k), 1e-12);
    }

    @Test
    void energyAtTcIsMinusRootTwoAndContinuousThrough() {
        double tc = Onsager.CRITICAL_TEMPERATURE;
        assertEquals(-Math.sqrt(2), Onsager.energyPerSite(tc, 1), 1e-9);
        assertEquals(-Math.sqrt(2), Onsager.energyPerSite(tc * (1 - 1e-7), 1), 1e-4);
        assertEquals(-Math.sqrt(2), Onsager.energyPerSite(tc * (1 + 1e-7), 1), 1e-4);
    }

    @Test
    void energyHasTheGroundStateAndHighTemperatureLimits() {
        assertEquals(-2, Onsager.energyPerSite(0.3, 1), 1e-8);
        // high-temperature series, ln Z / N = ln(2 cosh²β) + t⁴ + …, t = tanh β: u = −2t − 4t³(1 − t²) + O(t⁵)
        double t = Math.tanh(1 / 50.0);
        assertEquals(-2 * t - 4 * t * t * t * (1 - t * t), Onsager.energyPerSite(50, 1), 1e-7);
        assertEquals(2 * Onsager.energyPerSite(2.0, 1), Onsager.energyPerSite(4.0, 2), 1e-12);
    }

    @Test
    void energyRisesWithTemperature() {
        double previous = Onsager.energyPerSite(0.5, 1);
        for (double t = 0.55; t < 6; t += 0.05) {
            double u = Onsager.energyPerSite(t, 1);
            assertEquals(true, u > previous, "E(T) must increase; at T = " + t);
            previous = u;
        }
    }

    @Test
    void rejectsNonPositiveTemperatures() {
        assertThrows(IllegalArgumentException.class, () -> Onsager.energyPerSite(0, 1));
        assertThrows(IllegalArgumentException.class, () -> Onsager.magnetisation(-1, 1));
    }
}
