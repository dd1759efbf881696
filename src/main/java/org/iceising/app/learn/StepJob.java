package org.iceising.app.learn;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.binding.DoubleExpression;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.iceising.app.task.Failures;
import org.iceising.app.task.Job;
import org.iceising.app.task.JobRunner;
import org.iceising.app.task.Work;

/**
 * One step's background work (generate, train, ...) as its panel shows it. While a run goes on,
 * its running flag, progress and message are those of its {@link Job}; what the step keeps of its
 * own is what came of the last run — the line saying so and whether it failed — which stays until
 * the next.
 */
public final class StepJob {
    private final String cancelled;
    /** The job running or last run; null before the first run, after a refusal and after a result that could not be used. */
    private final ReadOnlyObjectWrapper<Job<?>> job = new ReadOnlyObjectWrapper<>(this, "job");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final BooleanExpression running = BooleanExpression.booleanExpression(job.flatMap(Job::runningProperty).orElse(false));
    private final DoubleExpression progress = DoubleExpression.doubleExpression(job.flatMap(Job::progressProperty).orElse(0));
    private final StringExpression message = StringExpression.stringExpression(job
            .flatMap(j -> j.runningProperty().<ObservableValue<String>>map(r -> r ? j.messageProperty() : outcome))
            .orElse(outcome).flatMap(shown -> shown));

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
        outcome.set("");
        job.set(j);
        runner.run(j.onSuccess(v -> {
            try {
                outcome.set(done.apply(v) + String.format(Locale.ROOT, " (%.1f s)", (System.nanoTime() - t0) / 1e9));
            } catch (RuntimeException e) {
                refuse(title + " failed: " + Failures.describe(e));
            }
        }).onCancelled(() -> outcome.set(cancelled)).onFailure(why -> {
            outcome.set(title + " failed: " + why);
            failed.set(true);
        }));
    }

    /** Says something without running (a setting that is wrong, nothing to work on); the bar empties. */
    void refuse(String text) {
        job.set(null);
        outcome.set(text);
        failed.set(true);
    }

    /** Says what came of a run that was cancelled but still has something to show. */
    void note(String text) {
        outcome.set(text);
    }

    /** True while the step's job runs. */
    public BooleanExpression runningProperty() {
        return running;
    }

    /** The job's progress: 0..1 while running (−1 while the amount is unknown); 1 after success, 0 after a cancel or failure. */
    public DoubleExpression progressProperty() {
        return progress;
    }

    /** The job's message while it runs; afterwards what came of it. */
    public StringExpression messageProperty() {
        return message;
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
