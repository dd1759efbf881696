package org.iceising.app.export;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.iceising.app.task.Job;

/** A small window that follows a long job: its title, a progress bar, what it is doing, and Cancel; it closes when the job ends. */
public final class ProgressWindow {
    private ProgressWindow() {
    }

    /** Shows {@code job}'s progress beside {@code owner}; Cancel (or Escape) asks the job to stop. */
    public static Stage show(Window owner, Job<?> job) {
        Label title = new Label(job.title());
        title.setStyle("-fx-font-weight: bold;");
        ProgressBar bar = new ProgressBar();
        bar.setId("export-progress");
        bar.setPrefWidth(360);
        bar.progressProperty().bind(job.progressProperty());
        Label message = new Label();
        message.setId("export-message");
        message.textProperty().bind(job.messageProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("export-cancel");
        cancel.setCancelButton(true);
        cancel.setTooltip(new Tooltip("Stop the export; nothing half written is left (Escape)"));
        cancel.setOnAction(e -> {
            job.cancel();
            cancel.setDisable(true);
        });
        HBox buttons = new HBox(cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox box = new VBox(8, title, bar, message, buttons);
        box.setPadding(new Insets(12));
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Exporting");
        stage.setScene(new Scene(box));
        stage.setOnCloseRequest(e -> job.cancel());
        job.runningProperty().addListener((o, was, now) -> {
            if (!now) {
                stage.close();
            }
        });
        if (job.runningProperty().get()) {
            stage.show();
        }
        return stage;
    }
}
