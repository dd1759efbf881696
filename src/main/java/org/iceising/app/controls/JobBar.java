package org.iceising.app.controls;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import org.iceising.app.task.Job;

/**
 * A job's title and message, its progress and a Cancel button, shown while it runs (in the status
 * bar): for exports and other work started from a menu that has no place of its own to report.
 */
public final class JobBar extends HBox {
    private final Label text = new Label();
    private final ProgressBar bar = new ProgressBar(0);
    private final Button cancel = new Button("Cancel");
    private Job<?> shown;

    public JobBar() {
        super(6);
        setId("job-bar");
        setAlignment(Pos.CENTER_LEFT);
        text.setId("job-bar-text");
        bar.setId("job-bar-progress");
        bar.setPrefWidth(140);
        cancel.setId("job-bar-cancel");
        getChildren().addAll(text, bar, cancel);
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    /** Shows {@code job} until it ends; Cancel asks it to stop. A job shown before gives way. */
    public void show(Job<?> job) {
        shown = job;
        text.textProperty().bind(Bindings.createStringBinding(
                () -> job.messageProperty().get().isEmpty() ? job.title() : job.title() + ": " + job.messageProperty().get(),
                job.messageProperty()));
        bar.progressProperty().bind(job.progressProperty());
        cancel.setOnAction(e -> job.cancel());
        setVisible(job.runningProperty().get());
        job.runningProperty().addListener((o, was, running) -> {
            if (shown == job) {
                setVisible(running);
            }
        });
    }
}
