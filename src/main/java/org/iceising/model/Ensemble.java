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
            // two chains per task run side by side (MetropolisEngine.runAlongside: the same lattices,
            // faster) when there are chains enough to keep every thread busy
            int perTask = runs >= 2 * threads ? 2 : 1;
            List<Future<List<Lattice>>> futures = new ArrayList<>();
            for (int k = 0; k < runs; k += perTask) {
                final int first = k;
                final int count = Math.min(perTask, runs - k);
                futures.add(pool.submit(() -> {
                    List<Lattice> lattices = new ArrayList<>(count);
                    List<MetropolisEngine> engines = new ArrayList<>(count);
                    for (int c = 0; c < count; c++) {
                        Lattice lattice = start.copy();
                        lattices.add(lattice);
                        engines.add(new MetropolisEngine(lattice, params, settings, Seeds.forRun(seed, first + c)));
                    }
                    String label = count == 1 ? "chain " + (first + 1) + " of " + runs
                            : "chains " + (first + 1) + "-" + (first + count) + " of " + runs;
                    for (long left = steps; left > 0; ) {
                        monitor.checkCancelled();
                        long n = Math.min(CHUNK, left);
                        if (count == 2) {
                            engines.get(0).runAlongside(engines.get(1), n);
                        } else {
                            engines.get(0).run(n);
                        }
                        left -= n;
                        monitor.progress(done.addAndGet(count * n), total, label);
                    }
                    return lattices;
                }));
            }
            List<Lattice> out = new ArrayList<>(runs);
            for (Future<List<Lattice>> f : futures) {
                out.addAll(f.get());
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
