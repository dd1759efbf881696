package org.iceising.app;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.app.controls.FigureView;
import org.iceising.app.simulation.SimulationPane;
import org.iceising.app.simulation.SimulationViewModel;
import org.iceising.app.map.MapView;
import org.iceising.app.parameters.Preset;
import org.iceising.app.learn.LearnViewModel;
import org.iceising.app.learn.StepJob;
import org.iceising.app.task.Job;

/**
 * Measures the workbench on a real display (run it under Xvfb, not as a test): the time from JVM
 * start to the window on screen and to the season loaded, and the live simulation's frame rate —
 * pulses that showed a new snapshot over ten seconds of playing at one simulated day per second.
 * With an output folder as argument it also saves window snapshots of each view there, the last one
 * of the Learn tab after a small generate, train and predict (about a minute more). The season
 * charts and the Forecast tab use the 2018 reproduction's table in docs/results (run it from the
 * repository's root).
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) org.iceising.app.WorkbenchMeasure [out-dir]</pre>
 */
public final class WorkbenchMeasure {
    private WorkbenchMeasure() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Path out = args.length > 0 ? Path.of(args[0]) : null;
        AtomicReference<WorkbenchApp> app = new AtomicReference<>();
        AtomicReference<Stage> stage = new AtomicReference<>();
        CountDownLatch shown = new CountDownLatch(1);
        AtomicLong shownAt = new AtomicLong();
        long mainAt = System.currentTimeMillis();
        AtomicLong startCalled = new AtomicLong();
        Platform.startup(() -> {
            startCalled.set(System.currentTimeMillis());
            Stage s = new Stage();
            s.setOnShown(e -> {
                shownAt.set(System.currentTimeMillis());
                shown.countDown();
            });
            WorkbenchApp a = new WorkbenchApp();
            app.set(a);
            stage.set(s);
            a.start(s);
        });
        shown.await(30, TimeUnit.SECONDS);
        WorkbenchViewModel vm = app.get().viewModel();
        waitUntil(() -> vm.season().periodDataProperty().get() != null && vm.map().gridProperty().get() != null
                && !vm.season().loadingProperty().get());
        long loadedAt = System.currentTimeMillis();
        System.out.printf(Locale.ROOT, "window shown %d ms after JVM start (main %d, toolkit up %d, window built and shown in %d ms);"
                + " 2018 season loaded after %d ms%n", shownAt.get() - jvmStart, mainAt - jvmStart, startCalled.get() - jvmStart,
                shownAt.get() - startCalled.get(), loadedAt - jvmStart);
        System.out.println("heavy classes loaded at start: DL4J " + loaded("org.deeplearning4j.nn.multilayer.MultiLayerNetwork")
                + ", ND4J " + loaded("org.nd4j.linalg.factory.Nd4j"));

        SimulationViewModel sim = vm.simulation();
        AtomicLong pulses = new AtomicLong();
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.incrementAndGet();
            }
        };
        onFx(() -> {
            sim.speedProperty().set(1);
            counter.start();
            sim.play();
        });
        Thread.sleep(1000);
        long frames0 = onFxGet(() -> sim.frameProperty().get());
        long pulses0 = pulses.get();
        long t0 = System.nanoTime();
        Thread.sleep(10_000);
        long frames1 = onFxGet(() -> sim.frameProperty().get());
        long pulses1 = pulses.get();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "live simulation: %d new snapshots drawn in %.2f s = %.1f frames/s (%d pulses = %.1f pulses/s)%n",
                frames1 - frames0, seconds, (frames1 - frames0) / seconds, pulses1 - pulses0, (pulses1 - pulses0) / seconds);
        if (out != null) {
            Files.createDirectories(out);
            snapshot(stage.get(), out.resolve("workbench-playing.png"));
        }
        onFx(() -> {
            counter.stop();
            sim.pause();
        });
        if (out != null) {
            onFx(() -> {
                vm.season().periodProperty().set(new SemiMonthlyPeriod(LocalDate.of(2018, 9, 16)));
                vm.parameters().apply(Preset.STUDY_FREEZE_SAMPLE);
            });
            waitUntil(() -> vm.season().periodDataProperty().get().period().start().getMonthValue() == 9
                    && !vm.season().loadingProperty().get());
            onFx(() -> {
                sim.speedProperty().set(60);
                sim.play();
            });
            waitUntil(() -> sim.finishedProperty().get());
            Thread.sleep(500);
            snapshot(stage.get(), out.resolve("workbench-freeze-finished.png"));
            SimulationPane pane = app.get().view().simulationPane;
            for (FigureView f : new FigureView[] {pane.simulated, pane.absoluteDifference}) {
                Path file = out.resolve("export-" + f.getId() + ".png");
                Job<Path> job = onFxGet(() -> vm.exportPng(f.getContent(), file));
                waitUntil(() -> !job.runningProperty().get());
                System.out.println("exported " + file);
            }
            // the season with the 2018 reproduction's parameters and spreads (docs/results), so both bands show
            Path reproduced = Path.of("docs/results/2018-quick/table.csv");
            onFx(() -> {
                app.get().view().tabs.getSelectionModel().select(1);
                vm.charts().loadTable(reproduced);
            });
            Thread.sleep(300);
            waitUntil(() -> !vm.charts().busyProperty().get() && !vm.charts().simulated().isEmpty());
            Thread.sleep(800);
            snapshot(stage.get(), out.resolve("workbench-charts.png"));

            // three cells' time series after the season run, the live simulation a few days into its period
            onFx(() -> {
                app.get().view().tabs.getSelectionModel().select(0);
                vm.cells().choose(215, 95);
                vm.cells().add(196, 118);
                vm.cells().add(228, 130);
                sim.reset();
                sim.speedProperty().set(4);
                sim.play();
            });
            Thread.sleep(2500);
            onFx(sim::pause);
            waitUntil(() -> vm.cells().cells().stream().noneMatch(c -> vm.cells().observed(c).isEmpty()));
            Thread.sleep(800);
            snapshot(stage.get(), out.resolve("cell-series.png"));
            onFx(() -> vm.cells().clear());

            // the Forecast tab: the nine periods from 1 August to 16 December with the same table
            org.iceising.app.forecast.ForecastViewModel forecast = vm.forecast();
            onFx(() -> {
                app.get().view().tabs.getSelectionModel().select(app.get().view().forecastTab);
                forecast.tableProperty().set(reproduced);
                forecast.startProperty().set(LocalDate.of(2018, 8, 1));
                forecast.periodsProperty().set(9);
                forecast.runsProperty().set(8);
                forecast.run();
            });
            Thread.sleep(300);
            waitUntil(() -> !forecast.busyProperty().get());
            System.out.println(onFxGet(() -> forecast.noteProperty().get()));
            Thread.sleep(800);
            snapshot(stage.get(), out.resolve("workbench-forecast.png"));

            // the last period (no observed end), the map zoomed in under the cursor
            onFx(() -> {
                app.get().view().tabs.getSelectionModel().select(0);
                vm.season().periodProperty().set(new SemiMonthlyPeriod(LocalDate.of(2018, 12, 16)));
            });
            waitUntil(() -> vm.season().periodDataProperty().get().period().start().getMonthValue() == 12
                    && !vm.season().loadingProperty().get());
            MapView map = app.get().view().mapPane.map;
            javafx.geometry.Point2D cell = onFxGet(() -> map.localToScreen(map.cellCentre(200, 120)));
            org.testfx.api.FxRobot robot = new org.testfx.api.FxRobot();
            robot.moveTo(cell);
            robot.scroll(8, javafx.geometry.VerticalDirection.UP);
            robot.moveTo(onFxGet(() -> map.localToScreen(map.cellCentre(215, 100))));
            Thread.sleep(500);
            snapshot(stage.get(), out.resolve("workbench-last-period-zoomed.png"));

            // the Learn tab after a small generate, train and predict; the training set goes to the output folder
            LearnViewModel learn = vm.learn();
            onFx(() -> {
                vm.season().periodProperty().set(new SemiMonthlyPeriod(LocalDate.of(2018, 9, 16)));
                app.get().view().tabs.getSelectionModel().select(app.get().view().learnTab);
                learn.state().samplesPerPeriodProperty().set(200);
                learn.network().epochsProperty().set(5);
                learn.prediction().evaluationChainsProperty().set(2);
                learn.state().chosenFolderProperty().set(out.resolve("training-set"));
            });
            learnStep(vm, learn.trainingSet()::generate, learn.trainingSet().job());
            learnStep(vm, learn.network()::train, learn.network().job());
            learnStep(vm, learn.prediction()::predict, learn.prediction().job());
            Thread.sleep(800);
            snapshot(stage.get(), out.resolve("workbench-learn.png"));

        }
        onFx(() -> {
            app.get().stop();
            stage.get().close();
        });
        Platform.exit();
        System.exit(0);
    }

    /** Starts a job of the Learn tab, waits until it (and a season run it starts) is over and prints what came of it. */
    private static void learnStep(WorkbenchViewModel vm, Runnable start, StepJob job) throws Exception {
        onFx(start);
        waitUntil(() -> !vm.learn().state().busyProperty().get() && !vm.charts().busyProperty().get());
        System.out.println(onFxGet(() -> job.messageProperty().get()));
    }

    private static boolean loaded(String className) {
        try {
            java.lang.reflect.Method m = ClassLoader.class.getDeclaredMethod("findLoadedClass", String.class);
            m.setAccessible(true);
            return m.invoke(WorkbenchMeasure.class.getClassLoader(), className) != null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    static void snapshot(Stage stage, Path file) throws Exception {
        WritableImage img = onFxGet(() -> stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
        System.out.println("saved " + file);
    }

    interface FxSupplier<T> {
        T get() throws Exception;
    }

    static <T> T onFxGet(FxSupplier<T> s) throws Exception {
        AtomicReference<T> r = new AtomicReference<>();
        AtomicReference<Exception> err = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.set(s.get());
            } catch (Exception e) {
                err.set(e);
            } finally {
                done.countDown();
            }
        });
        done.await(30, TimeUnit.SECONDS);
        if (err.get() != null) {
            throw err.get();
        }
        return r.get();
    }

    static void onFx(Runnable r) throws Exception {
        onFxGet(() -> {
            r.run();
            return null;
        });
    }

    static void waitUntil(FxSupplier<Boolean> condition) throws Exception {
        long until = System.nanoTime() + 300_000_000_000L;
        while (!onFxGet(condition)) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(20);
        }
    }
}
