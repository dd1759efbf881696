package org.iceising.model;

/**
 * Onsager's exact results for the classroom Ising model: binary spins ±1 on an infinite square
 * lattice with coupling J and no field (MODEL.md §7). Temperatures are in units of J / k_B.
 */
public final class Onsager {
    /** The critical temperature 2 / ln(1 + √2) for J = 1. */
    public static final double CRITICAL_TEMPERATURE = 2 / Math.log(1 + Math.sqrt(2));

    private Onsager() {
    }

    /** The critical temperature for coupling {@code j} &gt; 0. */
    public static double criticalTemperature(double j) {
        requirePositive(j, "coupling J");
        return j * CRITICAL_TEMPERATURE;
    }

    /** Spontaneous magnetisation per site, (1 − sinh(2βJ)^−4)^(1/8) below Tc and 0 from Tc on. */
    public static double magnetisation(double temperature, double j) {
        requirePositive(temperature, "temperature");
        requirePositive(j, "coupling J");
        double s = Math.sinh(2 * j / temperature);
        double x = 1 - Math.pow(s, -4);
        return x <= 0 ? 0 : Math.pow(x, 0.125);
    }

    /**
     * Energy per site, −J coth(2βJ) [1 + (2/π)(2 tanh²(2βJ) − 1) K(κ)] with κ = 2 sinh(2βJ) / cosh²(2βJ)
     * and K the complete elliptic integral of the first kind; −√2·J at Tc, where the second term vanishes.
     */
    public static double energyPerSite(double temperature, double j) {
        requirePositive(temperature, "temperature");
        requirePositive(j, "coupling J");
        double b2 = 2 * j / temperature;
        double coth = 1 / Math.tanh(b2);
        double c = Math.cosh(b2);
        double kappa = 2 * Math.sinh(b2) / (c * c);
        double t = Math.tanh(b2);
        double weight = 2 * t * t - 1;
        if (kappa >= 1) {
            return -j * coth;
        }
        return -j * coth * (1 + 2 / Math.PI * weight * ellipticK(kappa));
    }

    /** The complete elliptic integral of the first kind K(k) = π / (2 AGM(1, √(1 − k²))), for 0 ≤ k &lt; 1. */
    static double ellipticK(double k) {
        if (!(k >= 0 && k < 1)) {
            throw new IllegalArgumentException("the elliptic modulus must be in [0, 1), got " + k);
        }
        double a = 1;
        double b = Math.sqrt((1 - k) * (1 + k));
        while (Math.abs(a - b) > 1e-15 * a) {
            double m = (a + b) / 2;
            b = Math.sqrt(a * b);
            a = m;
        }
        return Math.PI / (2 * a);
    }

    private static void requirePositive(double v, String what) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be a positive finite number, got " + v);
        }
    }
}
