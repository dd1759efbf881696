package org.iceising.model;

/**
 * Deterministic seeds for independent chains: run k of an ensemble seeded with s always gets the
 * same stream, whichever thread runs it.
 */
public final class Seeds {
    private Seeds() {
    }

    /** The seed of chain {@code index} of an ensemble with master seed {@code seed} (SplitMix64 finaliser). */
    public static long forRun(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
