package org.iceising.spark;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.TaskContext;
import org.apache.spark.util.LongAccumulator;
import org.iceising.model.ProgressMonitor;

/**
 * A task's progress as a Spark accumulator (shown on the stage page of Spark's UI), and the
 * task's cancellation (a killed job or stage) as the monitor's cancellation, so the chains stop.
 * Created on the task's thread; the services may report from their own threads.
 */
final class TaskProgress implements ProgressMonitor {
    private final LongAccumulator counter;
    private final TaskContext task;
    private final AtomicLong reported = new AtomicLong();

    TaskProgress(LongAccumulator counter) {
        this.counter = counter;
        this.task = TaskContext.get();
    }

    @Override
    public void progress(long done, long total, String message) {
        long before = reported.getAndAccumulate(done, Math::max);
        if (done > before) {
            counter.add(done - before);
        }
    }

    @Override
    public boolean isCancelled() {
        return task != null && task.isInterrupted();
    }
}
