package org.iceising.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * K independent Metropolis chains from the same start, spread over threads. Chain k is seeded with
 * {@link Seeds#forRun}(seed, k), so the results depend on the seed only, never on the thread count.
 */
public final class Ensemble {
    /** Steps between two looks at the monitor. */
    private static final long CHUNK = 20_000;

    private Ensemble() {
    }

    /** Number of threads to use when the caller does not say: all cores. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Runs {@code runs} chains of {@code steps} steps each from copies of {@code start} and returns
     * the final lattices in chain order.
     *
     * @throws CancelledException if the monitor is cancelled
     */
    public static List<Lattice> run(Lattice start, IsingParams params, SimulationSettings settings, long steps,
                                    int runs, long seed, int threads, ProgressMonitor monitor) {
        if (runs < 1) {
            throw new IllegalArgumentException("number of runs must be >= 1, got " + runs);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("number of threads must be >= 1, got " + threads);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("number of steps must be >= 0, got " + steps);
        }
        long total = steps * runs;
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, runs), r -> {
            Thread t = new Thread(r, "iceising-ensemble");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Lattice>> futures = new ArrayList<>();
            for (int k = 0; k < runs; k++) {
                final int chain = k;
                futures.add(pool.submit(() -> {
                    Lattice lattice = start.copy();
                    MetropolisEngine engine = new MetropolisEngine(lattice, params, settings, Seeds.forRun(seed, chain));
                    for (long left = steps; left > 0; ) {
                        monitor.checkCancelled();
                        long n = Math.min(CHUNK, left);
                        engine.run(n);
                        left -= n;
                        monitor.progress(done.addAndGet(n), total, "chain " + (chain + 1) + " of " + runs);
                    }
                    return lattice;
                }));
            }
            List<Lattice> out = new ArrayList<>(runs);
            for (Future<Lattice> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
