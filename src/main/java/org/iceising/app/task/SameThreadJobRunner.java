package org.iceising.app.task;

/** Runs each job at once on the calling thread, callbacks included: for tests of view-models. */
public final class SameThreadJobRunner implements JobRunner {

    @Override
    public <T> Job<T> run(Job<T> job) {
        job.started();
        T value = null;
        Throwable thrown = null;
        try {
            value = job.call(Monitors.of(job, job::progressed));
        } catch (Exception | LinkageError | OutOfMemoryError e) {
            thrown = e;
        }
        job.finished(value, thrown);
        return job;
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }

    @Override
    public void close() {
        // nothing runs after run() returns
    }
}
