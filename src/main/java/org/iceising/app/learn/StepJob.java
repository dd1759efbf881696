package org.iceising.app.learn;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.iceising.app.task.Job;
import org.iceising.app.task.JobRunner;
import org.iceising.app.task.Work;

/**
 * One step's background work (generate, train, ...) as its panel shows it: the job while it runs,
 * its progress and message, and afterwards what came of its last run, which stays until the next.
 */
public final class StepJob {
    private final String cancelled;
    private final ReadOnlyObjectWrapper<Job<?>> job = new ReadOnlyObjectWrapper<>(this, "job");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final BooleanBinding running = job.isNotNull();

    /** @param cancelled what the message says after a cancel */
    StepJob(String cancelled) {
        this.cancelled = cancelled;
    }

    /**
     * Runs {@code work} on {@code runner}; {@code done} turns its result into the message (UI
     * thread), and may throw to say the result cannot be used.
     */
    <T> void start(JobRunner runner, String title, Work<T> work, Function<T, String> done) {
        Job<T> j = Job.of(title, work);
        long t0 = System.nanoTime();
        failed.set(false);
        progress.bind(j.progressProperty());
        message.bind(j.messageProperty());
        job.set(j);
        runner.run(j.onSuccess(v -> {
            String text;
            boolean error = false;
            try {
                text = done.apply(v) + String.format(Locale.ROOT, " (%.1f s)", (System.nanoTime() - t0) / 1e9);
            } catch (RuntimeException e) {
                text = title + " failed: " + org.iceising.app.task.Failures.describe(e);
                error = true;
            }
            end(text, error);
        }).onCancelled(() -> end(cancelled, false)).onFailure(why -> end(title + " failed: " + why, true)));
    }

    /** Shows the outcome; the bar shows where the job ended (full, or empty after a cancel or failure). */
    private void end(String text, boolean error) {
        Job<?> j = job.get();
        job.set(null);
        progress.unbind();
        progress.set(error || j == null ? 0 : j.progressProperty().get());
        message.unbind();
        message.set(text);
        failed.set(error);
    }

    /** Says something without running (a setting that is wrong, nothing to work on). */
    void refuse(String text) {
        end(text, true);
    }

    /** Says what came of a run that was cancelled but still has something to show. */
    void note(String text) {
        message.set(text);
    }

    public BooleanBinding runningProperty() {
        return running;
    }

    /** 0..1 while running (−1 while the amount is unknown); 1 after success, 0 after a cancel or failure. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The job's message while it runs; afterwards what came of it. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True if the last run failed or was refused: {@link #messageProperty()} says why. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** Cancels the job if it runs. */
    public void cancel() {
        Job<?> j = job.get();
        if (j != null) {
            j.cancel();
        }
    }
}
