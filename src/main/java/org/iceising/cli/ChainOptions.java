package org.iceising.cli;

import org.iceising.model.Ensemble;
import picocli.CommandLine.Option;

/** How the Metropolis chains of a command run: seed, steps per period and threads. */
final class ChainOptions {
    /** Steps per period for 3,600 cells: 2 x 10^10 is 400,000 times the study's 50,000. */
    static final long MAX_STEPS = 20_000_000_000L;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--steps", defaultValue = "50000", paramLabel = "N",
            description = "Metropolis steps per period for 3,600 active cells (scaled by the active count). Default: ${DEFAULT-VALUE}.")
    long steps;

    @Option(names = "--threads", paramLabel = "T", description = "Threads. Default: all cores.")
    Integer threads;

    /** The steps per period, after checking their range. */
    long steps() {
        return Ranges.check("--steps", steps, 1, MAX_STEPS);
    }

    /** The thread count, after checking the range of every chain option. */
    int threads() {
        steps();
        return threads == null ? Ensemble.defaultThreads() : Ranges.check("--threads", threads, 1, Ranges.MAX_THREADS);
    }
}
