package org.iceising.data.download;

import org.iceising.model.CancelledException;
import org.iceising.model.ProgressMonitor;

import java.time.Duration;

/**
 * The shared "stop" of one download: set when the user's {@link ProgressMonitor} is cancelled or when
 * the download must stop for another reason (credentials refused). Polled by every worker.
 */
final class CancelSignal {

    private static final long SLICE_NANOS = 20_000_000L;

    private final ProgressMonitor monitor;
    private volatile boolean cancelled;

    CancelSignal(ProgressMonitor monitor) {
        this.monitor = monitor;
    }

    boolean isCancelled() {
        if (!cancelled && monitor.isCancelled()) {
            cancelled = true;
        }
        return cancelled;
    }

    void cancel() {
        cancelled = true;
    }

    void check() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** Waits for {@code d}, or less if cancelled meanwhile; returns true if cancelled. */
    boolean sleep(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        try {
            for (long left; !isCancelled() && (left = end - System.nanoTime()) > 0; ) {
                Thread.sleep(Math.max(1, Math.min(left, SLICE_NANOS) / 1_000_000L));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
        }
        return isCancelled();
    }
}
