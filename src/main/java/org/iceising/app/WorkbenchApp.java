package org.iceising.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.iceising.data.SampleData;
import org.iceising.model.Season;
import org.iceising.app.session.SessionViewModel;

/**
 * The IceIsing workbench. It opens on the sample data folder ({@link SampleData#directory()})
 * with the study's 2018 season, without asking anything.
 */
public class WorkbenchApp extends Application {
    /** The season opened at start: the sample data's year. */
    public static final int START_YEAR = 2018;

    private WorkbenchViewModel vm;
    private WorkbenchView view;

    /** Starts the JavaFX application; returns when the window is closed. */
    public static void launch(String... args) {
        sessionFile = SessionViewModel.defaultFile();
        Application.launch(WorkbenchApp.class, args);
    }

    /** The session reopened at start and kept at quit; only a launched workbench has one (not one a test starts). */
    private static Path sessionFile;

    @Override
    public void start(Stage stage) {
        vm = new WorkbenchViewModel();
        view = new WorkbenchView(vm);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(1600, screen.getWidth()), Math.min(1000, screen.getHeight()));
        scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.getIcons().add(new Image(Objects.requireNonNull(WorkbenchApp.class.getResourceAsStream("iceising.png"),
                "the window icon resource is missing")));
        stage.titleProperty().bind(Bindings.createStringBinding(() -> {
            Integer y = vm.season().yearProperty().get();
            return y == null ? "IceIsing" : "IceIsing · season " + Season.study(y).start() + " → " + Season.study(y).end();
        }, vm.season().yearProperty()));
        stage.show();
        if (sessionFile != null) {
            vm.session().restore(sessionFile, START_YEAR);
        } else {
            open(vm);
        }
    }

    /** Opens the sample data; a missing folder is reported in the status bar, not by a dialog. */
    static void open(WorkbenchViewModel vm) {
        try {
            vm.season().open(SampleData.directory(), START_YEAR);
        } catch (RuntimeException e) {
            vm.season().report(e);
        }
    }

    public WorkbenchViewModel viewModel() {
        return vm;
    }

    public WorkbenchView view() {
        return view;
    }

    @Override
    public void stop() {
        if (vm != null && sessionFile != null) {
            try {
                vm.session().capture().write(sessionFile);
            } catch (IOException | RuntimeException e) {
                System.getLogger(WorkbenchApp.class.getName()).log(System.Logger.Level.WARNING,
                        "the session could not be kept in " + sessionFile + ": " + e.getMessage());
            }
        }
        if (vm != null) {
            vm.close();
        }
    }
}
