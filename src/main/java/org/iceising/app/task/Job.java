package org.iceising.app.task;

import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.iceising.model.CancelledException;
import org.iceising.model.ProgressMonitor;

/**
 * One piece of background work as the workbench sees it: a title, its progress and message while it
 * runs, and then its result, the one line saying why it failed, or that it was cancelled. A
 * {@link JobRunner} runs it; every property changes on the UI thread, and the callbacks run there.
 *
 * <pre>{@code
 * runner.run(Job.of("Reading 2018-06-16", m -> cache.get(day, area))
 *         .onSuccess(grid::set)
 *         .onFailure(error::set));
 * }</pre>
 */
public final class Job<T> {
    /** Where a job stands. */
    public enum State { READY, RUNNING, SUCCEEDED, FAILED, CANCELLED }

    private final String title;
    private final Work<T> work;
    private Consumer<? super T> onSuccess = v -> { };
    private Consumer<String> onFailure = why -> { };
    private Runnable onCancelled = () -> { };
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.READY);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<T> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final BooleanBinding running = state.isEqualTo(State.RUNNING);
    private volatile boolean cancelRequested;

    private Job(String title, Work<T> work) {
        this.title = title;
        this.work = work;
    }

    public static <T> Job<T> of(String title, Work<T> work) {
        return new Job<>(title, work);
    }

    /** Called with the result when the work returns. */
    public Job<T> onSuccess(Consumer<? super T> action) {
        onSuccess = action;
        return this;
    }

    /** Called with the one line a user reads ({@link Failures#describe}) when the work throws. */
    public Job<T> onFailure(Consumer<String> action) {
        onFailure = action;
        return this;
    }

    /** Called when the work stopped because it was cancelled. */
    public Job<T> onCancelled(Runnable action) {
        onCancelled = action;
        return this;
    }

    public String title() {
        return title;
    }

    /** Asks the work to stop; it does at its next look at the monitor. */
    public void cancel() {
        cancelRequested = true;
    }

    /** True once {@link #cancel()} was called (any thread). */
    public boolean isCancelRequested() {
        return cancelRequested;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public BooleanBinding runningProperty() {
        return running;
    }

    /** 0..1 while running, −1 while the amount is unknown; 1 after success, 0 after a cancel or failure. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the work says it is doing. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The result once the work succeeded, else null. */
    public ReadOnlyObjectProperty<T> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Why the work failed, one line; "" unless it failed. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    // ---- the runner's side: call() on a worker thread, the rest on the UI thread ----

    T call(ProgressMonitor monitor) throws Exception {
        return work.run(monitor);
    }

    void started() {
        if (state.get() != State.READY) {
            throw new IllegalStateException("the job \"" + title + "\" has already been run");
        }
        state.set(State.RUNNING);
    }

    void progressed(double fraction, String text) {
        progress.set(fraction);
        if (text != null) {
            message.set(text);
        }
    }

    /** The work's outcome: its value, or what it threw. */
    void finished(T value, Throwable thrown) {
        if (thrown == null) {
            progress.set(1);
            result.set(value);
            state.set(State.SUCCEEDED);
            onSuccess.accept(value);
            return;
        }
        // a bar left part-filled reads as "still going"
        progress.set(0);
        if (thrown instanceof CancelledException || cancelRequested && thrown instanceof InterruptedException) {
            state.set(State.CANCELLED);
            onCancelled.run();
        } else {
            failure.set(Failures.describe(thrown));
            state.set(State.FAILED);
            onFailure.accept(failure.get());
        }
    }
}
