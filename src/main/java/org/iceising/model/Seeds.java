package org.iceising.model;

/**
 * Deterministic seeds for independent chains: run k of an ensemble seeded with s always gets the
 * same stream, whichever thread runs it.
 */
public final class Seeds {
    /** The increment of SplitMix64 and of {@link java.util.SplittableRandom}{@code (long)}. */
    static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** The seed of chain {@code index} of an ensemble with master seed {@code seed} (SplitMix64 finaliser). */
    public static long forRun(long seed, long index) {
        return mix64(seed + (index + 1) * GOLDEN_GAMMA);
    }

    /**
     * SplitMix64's finaliser (Stafford's variant 13). {@code new SplittableRandom(seed)} returns
     * mix64(seed + k·γ) as its k-th {@code nextLong()} and the top 53 bits of it times 2⁻⁵³ as a
     * {@code nextDouble()}: the engine draws that same stream with its state in a local variable.
     */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
