package org.iceising.app.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;

/**
 * Runs jobs on daemon threads of its own and reports to the JavaFX application thread: progress is
 * coalesced (at most one pending update per job), the outcome arrives once. This package is the
 * only place of the workbench that makes threads.
 */
public final class FxJobRunner implements JobRunner {
    private final ExecutorService workers;

    /**
     * @param name    the workers' thread name
     * @param threads how many jobs run at once; the rest wait their turn
     */
    public FxJobRunner(String name, int threads) {
        workers = Executors.newFixedThreadPool(threads, daemons(name));
    }

    /**
     * A single daemon thread with a scheduler, for plain-Java work that keeps its state on one
     * thread (the live simulation's chain).
     */
    public static ScheduledExecutorService singleScheduledWorker(String name) {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, daemons(name));
        pool.setRemoveOnCancelPolicy(true);
        return pool;
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            int k = n.incrementAndGet();
            Thread t = new Thread(r, k == 1 ? name : name + "-" + k);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public <T> Job<T> run(Job<T> job) {
        job.started();
        workers.execute(() -> work(job));
        return job;
    }

    private record Progress(double fraction, String message) {
    }

    private <T> void work(Job<T> job) {
        AtomicReference<Progress> latest = new AtomicReference<>();
        AtomicBoolean scheduled = new AtomicBoolean();
        Runnable flush = () -> {
            scheduled.set(false);
            Progress p = latest.getAndSet(null);
            if (p != null && job.runningProperty().get()) {
                job.progressed(p.fraction(), p.message());
            }
        };
        T value = null;
        Throwable thrown = null;
        try {
            value = job.call(Monitors.of(job, (fraction, message) -> {
                latest.set(new Progress(fraction, message));
                if (scheduled.compareAndSet(false, true)) {
                    Platform.runLater(flush);
                }
            }));
        } catch (Exception | LinkageError | OutOfMemoryError e) {
            thrown = e;
        }
        T v = value;
        Throwable t = thrown;
        Platform.runLater(() -> {
            flush.run();
            job.finished(v, t);
        });
    }

    @Override
    public void onUiThread(Runnable action) {
        Platform.runLater(action);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
