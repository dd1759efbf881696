package org.iceising.app.classroom;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.iceising.app.task.FxJobRunner;

/**
 * Measures the classroom tab on a real display (run it under Xvfb, not as a test): for each lattice
 * side, ten seconds of running at T = Tc, counting the animation pulses that drew a new lattice.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) org.iceising.app.classroom.ClassroomMeasure [sizes…]</pre>
 */
public final class ClassroomMeasure {
    private ClassroomMeasure() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {128, 256, 512} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        ClassroomViewModel[] vm = new ClassroomViewModel[1];
        Platform.runLater(() -> {
            vm[0] = new ClassroomViewModel(new FxJobRunner("classroom-measure", 2));
            Stage stage = new Stage();
            stage.setScene(new Scene(new ClassroomPane(vm[0], e -> { }), 1280, 800));
            stage.show();
        });
        Thread.sleep(2000);
        for (int size : sizes) {
            AtomicLong frames = new AtomicLong();
            AtomicLong pulses = new AtomicLong();
            long[] lastSweeps = {-1};
            AnimationTimer counter = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulses.incrementAndGet();
                    long s = vm[0].snapshotProperty().get().sweeps();
                    if (s != lastSweeps[0]) {
                        frames.incrementAndGet();
                        lastSweeps[0] = s;
                    }
                }
            };
            CountDownLatch set = new CountDownLatch(1);
            Platform.runLater(() -> {
                vm[0].sizeProperty().set(size);
                vm[0].startAtCriticalTemperature();
                vm[0].runningProperty().set(true);
                set.countDown();
            });
            set.await();
            Thread.sleep(2000);
            long[] s0 = new long[1];
            Platform.runLater(counter::start);
            Thread.sleep(200);
            long f0 = frames.get();
            long p0 = pulses.get();
            CountDownLatch read = new CountDownLatch(1);
            Platform.runLater(() -> {
                s0[0] = vm[0].snapshotProperty().get().sweeps();
                read.countDown();
            });
            read.await();
            long t0 = System.nanoTime();
            Thread.sleep(10_000);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long f = frames.get() - f0;
            long p = pulses.get() - p0;
            CountDownLatch stop = new CountDownLatch(1);
            long[] s1 = new long[1];
            Platform.runLater(() -> {
                counter.stop();
                s1[0] = vm[0].snapshotProperty().get().sweeps();
                vm[0].runningProperty().set(false);
                stop.countDown();
            });
            stop.await(5, TimeUnit.SECONDS);
            System.out.printf(Locale.ROOT, "L = %3d: %.1f new lattices drawn per second (%.1f pulses/s), %.0f sweeps/s%n",
                    size, f / seconds, p / seconds, (s1[0] - s0[0]) / seconds);
            Thread.sleep(500);
        }
        Platform.exit();
        System.exit(0);
    }
}
