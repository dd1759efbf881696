package org.iceising.app.controls;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.ProgressBar;
import org.iceising.app.task.Job;

/** A panel's own progress bar following whichever job its view-model runs now. */
public final class JobProgress {
    private JobProgress() {
    }

    /**
     * Binds {@code bar} to the running job's progress; when a job ends the bar keeps where it
     * ended (full after success, empty after a cancel or failure) until the next one starts.
     */
    public static void follow(ProgressBar bar, ObservableValue<? extends Job<?>> running) {
        running.addListener((o, ended, started) -> {
            bar.progressProperty().unbind();
            bar.setProgress(ended == null ? 0 : ended.progressProperty().get());
            if (started != null) {
                bar.progressProperty().bind(started.progressProperty());
            }
        });
    }
}
