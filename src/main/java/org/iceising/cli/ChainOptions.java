package org.iceising.cli;

import org.iceising.model.Ensemble;
import picocli.CommandLine.Option;

/** How the Metropolis chains of a command run: seed, steps per period and threads. */
final class ChainOptions {
    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--steps", defaultValue = "50000", paramLabel = "N",
            description = "Metropolis steps per period for 3,600 active cells (scaled by the active count). Default: ${DEFAULT-VALUE}.")
    long steps;

    @Option(names = "--threads", paramLabel = "T", description = "Threads. Default: all cores.")
    Integer threads;

    int threads() {
        int t = threads == null ? Ensemble.defaultThreads() : threads;
        if (t < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + t);
        }
        return t;
    }
}
