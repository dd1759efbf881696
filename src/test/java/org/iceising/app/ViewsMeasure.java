package org.iceising.app;

import static org.iceising.app.WorkbenchMeasure.onFx;
import static org.iceising.app.WorkbenchMeasure.onFxGet;
import static org.iceising.app.WorkbenchMeasure.snapshot;
import static org.iceising.app.WorkbenchMeasure.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Saves a snapshot of every view at 1280 × 800 and at 1920 × 1080 (run it under a display, not as
 * a test): each tab, the Get Data dialog and the colour tables window, to look at for anything
 * clipped, empty or stale.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) org.iceising.app.ViewsMeasure out-dir</pre>
 */
public final class ViewsMeasure {
    private ViewsMeasure() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "views");
        Files.createDirectories(out);
        AtomicReference<WorkbenchApp> app = new AtomicReference<>();
        AtomicReference<Stage> stage = new AtomicReference<>();
        CountDownLatch shown = new CountDownLatch(1);
        Platform.startup(() -> {
            Stage s = new Stage();
            s.setOnShown(e -> shown.countDown());
            WorkbenchApp a = new WorkbenchApp();
            app.set(a);
            stage.set(s);
            a.start(s);
        });
        shown.await(30, TimeUnit.SECONDS);
        WorkbenchViewModel vm = app.get().viewModel();
        waitUntil(() -> vm.season().periodDataProperty().get() != null && !vm.season().loadingProperty().get());
        WorkbenchView view = app.get().view();
        for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
            String at = size[0] + "x" + size[1];
            onFx(() -> {
                stage.get().setWidth(size[0]);
                stage.get().setHeight(size[1]);
                stage.get().setX(0);
                stage.get().setY(0);
            });
            for (int k = 0; k < onFxGet(() -> view.tabs.getTabs().size()); k++) {
                int tab = k;
                onFx(() -> view.tabs.getSelectionModel().select(tab));
                Thread.sleep(tab == 0 ? 1500 : 4000);
                String name = onFxGet(() -> view.tabs.getTabs().get(tab).getText()).replaceAll("[^A-Za-z]+", "-").toLowerCase();
                snapshot(stage.get(), out.resolve(at + "-" + tab + "-" + name + ".png"));
            }
            onFx(() -> view.tabs.getSelectionModel().select(0));
            Window dialog = onFxGet(() -> view.getData().stage());
            Thread.sleep(800);
            snapshot((Stage) dialog, out.resolve(at + "-get-data.png"));
            onFx(dialog::hide);
            Stage colours = onFxGet(view::colourTables);
            Thread.sleep(800);
            snapshot(colours, out.resolve(at + "-colour-tables.png"));
            onFx(colours::hide);
        }
        onFx(() -> {
            app.get().stop();
            stage.get().close();
        });
        Platform.exit();
        System.exit(0);
    }
}
