package org.iceising.app.classroom;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.iceising.app.task.FxJobRunner;
import org.iceising.model.ClassroomChain;

/**
 * Measures the classroom tab on a real display (run it under Xvfb, not as a test): for each lattice
 * side, ten seconds of running at T = Tc in a 1280 × 800 window, after a few seconds of warm-up. A frame is an animation pulse that
 * drew a lattice state not drawn before (a snapshot the chain published after further sweeps). Also
 * prints where the CPU went: milliseconds of CPU per second on the FX application thread, the
 * renderer thread and the chain's thread, and the load average of the machine.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) org.iceising.app.classroom.ClassroomMeasure [sizes…]</pre>
 */
public final class ClassroomMeasure {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ClassroomMeasure() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {64, 256, 512} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
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
        // warm-up, not reported: the JIT, the charts' first drawings and the first lattice sizes
        for (int size : new int[] {128, 512}) {
            onFx(() -> {
                vm[0].sizeProperty().set(size);
                vm[0].runningProperty().set(true);
            });
            Thread.sleep(3000);
            onFx(() -> vm[0].runningProperty().set(false));
        }
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        for (int size : sizes) {
            AtomicLong frames = new AtomicLong();
            AtomicLong pulses = new AtomicLong();
            AtomicReference<ClassroomChain.Snapshot> last = new AtomicReference<>();
            AnimationTimer counter = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulses.incrementAndGet();
                    ClassroomChain.Snapshot s = vm[0].snapshotProperty().get();
                    if (s != last.get()) {
                        frames.incrementAndGet();
                        last.set(s);
                    }
                }
            };
            onFx(() -> {
                vm[0].sizeProperty().set(size);
                vm[0].startAtCriticalTemperature();
                vm[0].runningProperty().set(true);
            });
            Thread.sleep(3000);
            onFx(counter::start);
            Thread.sleep(200);
            long[] s0 = new long[1];
            onFx(() -> s0[0] = vm[0].snapshotProperty().get().sweeps());
            long f0 = frames.get();
            long p0 = pulses.get();
            Map<String, Long> cpu0 = cpuByThread();
            long t0 = System.nanoTime();
            Thread.sleep(10_000);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Long> cpu1 = cpuByThread();
            long f = frames.get() - f0;
            long p = pulses.get() - p0;
            long[] s1 = new long[1];
            onFx(() -> {
                counter.stop();
                s1[0] = vm[0].snapshotProperty().get().sweeps();
                vm[0].runningProperty().set(false);
            });
            System.out.printf(Locale.ROOT, "L = %3d: %5.1f frames/s (%5.1f pulses/s), %6.0f sweeps/s; CPU ms/s: FX %3.0f, renderer %3.0f, chain %3.0f; load %.1f%n",
                    size, f / seconds, p / seconds, (s1[0] - s0[0]) / seconds,
                    cpu(cpu0, cpu1, "JavaFX Application Thread") / seconds, cpu(cpu0, cpu1, "QuantumRenderer-0") / seconds,
                    cpuStartingWith(cpu0, cpu1, "classroom-measure") / seconds, os.getSystemLoadAverage());
            Thread.sleep(500);
        }
        Platform.exit();
        System.exit(0);
    }

    private static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            r.run();
            done.countDown();
        });
        done.await(30, TimeUnit.SECONDS);
    }

    private static Map<String, Long> cpuByThread() {
        Map<String, Long> byName = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long ns = THREADS.getThreadCpuTime(t.getId());
            if (ns > 0) {
                byName.merge(t.getName(), ns, Long::sum);
            }
        }
        return byName;
    }

    /** Milliseconds of CPU the named thread used between the two readings. */
    private static double cpu(Map<String, Long> before, Map<String, Long> after, String name) {
        return (after.getOrDefault(name, 0L) - before.getOrDefault(name, 0L)) / 1e6;
    }

    /** The same for all threads whose name starts with {@code prefix} (the job runner's workers). */
    private static double cpuStartingWith(Map<String, Long> before, Map<String, Long> after, String prefix) {
        return after.keySet().stream().filter(k -> k.startsWith(prefix)).mapToDouble(k -> cpu(before, after, k)).sum();
    }
}
