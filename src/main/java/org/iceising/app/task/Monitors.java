package org.iceising.app.task;

import org.iceising.model.ProgressMonitor;

/** The monitor a runner hands a job's work: progress goes to a sink, cancelling is the job's. */
final class Monitors {
    /** Where progress goes: a fraction (−1 unknown) and a message. */
    interface Sink {
        void progress(double fraction, String message);
    }

    private Monitors() {
    }

    static ProgressMonitor of(Job<?> job, Sink sink) {
        return new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
                sink.progress(fraction(done, total), message);
            }

            @Override
            public boolean isCancelled() {
                return job.isCancelRequested() || Thread.currentThread().isInterrupted();
            }
        };
    }

    /** done / total, or −1 while the total is unknown (not positive). */
    static double fraction(long done, long total) {
        return total <= 0 || done < 0 ? -1 : Math.min(1, (double) done / total);
    }
}
