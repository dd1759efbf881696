package org.iceising.app.task;

import javafx.concurrent.Task;
import org.iceising.model.ProgressMonitor;

/**
 * A JavaFX {@link Task} around plain-Java work that reports to a {@link ProgressMonitor}: progress
 * and messages go to the task's observable properties, and cancelling the task cancels the work.
 */
public final class MonitoredTask<T> extends Task<T> {

    /** Work that takes a monitor. */
    @FunctionalInterface
    public interface Work<T> {
        T run(ProgressMonitor monitor) throws Exception;
    }

    private final Work<T> work;

    public MonitoredTask(String title, Work<T> work) {
        this.work = work;
        updateTitle(title);
    }

    @Override
    protected T call() throws Exception {
        return work.run(new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
                updateProgress(done, total);
                updateMessage(message);
            }

            @Override
            public boolean isCancelled() {
                return MonitoredTask.this.isCancelled();
            }
        });
    }
}
