package org.iceising.app.task;

/**
 * Runs {@link Job}s: the work off the UI thread, the job's properties and callbacks on it.
 * {@link FxJobRunner} is the workbench's; {@link SameThreadJobRunner} runs a job to its end inside
 * {@link #run}, so that view-models can be tested without a window and without waiting.
 */
public interface JobRunner extends AutoCloseable {
    /** Starts the job (call on the UI thread) and returns it. */
    <T> Job<T> run(Job<T> job);

    /** Hands an action from the work to the UI thread (a live chart's points, say). */
    void onUiThread(Runnable action);

    /** Stops the workers; jobs still running are interrupted. */
    @Override
    void close();
}
