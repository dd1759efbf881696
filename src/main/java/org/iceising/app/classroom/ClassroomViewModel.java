package org.iceising.app.classroom;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iceising.app.task.Job;
import org.iceising.app.task.JobRunner;
import org.iceising.model.Boundary;
import org.iceising.model.ClassroomChain;
import org.iceising.model.Onsager;
import org.iceising.model.SpinKind;

/**
 * The classroom tab's state: the textbook Ising model's controls, a chain that runs in the
 * background and publishes immutable snapshots, the live time series of energy and magnetisation,
 * and the temperature sweep. Controls act live; changing size, spins, boundary or start starts a
 * new chain. Everything here is touched on the FX thread except the running chain.
 *
 * <p>The running chain never waits for the screen: it sweeps on, and after each sweep hands over a
 * snapshot only if the screen has taken the previous one, so every animation pulse can draw the
 * newest state and no copy is made that nobody draws.
 */
public final class ClassroomViewModel implements AutoCloseable {
    /** How many points the live time plots keep. */
    public static final int HISTORY = 600;
    /** The sweep's temperatures run from here to {@link #SWEEP_TO} in units of J. */
    public static final double SWEEP_FROM = 1.0;
    public static final double SWEEP_TO = 4.0;
    /** The lattice side a temperature sweep uses at most (a sweep measures, it does not animate). */
    public static final int SWEEP_MAX_SIZE = 64;

    /**
     * One point of the live time plots.
     *
     * @param sweep                sweeps since the start
     * @param energyPerSite        E / N
     * @param magnetisationPerSite M / N
     */
    public record TimePoint(long sweep, double energyPerSite, double magnetisationPerSite) {
    }

    private final JobRunner jobs;
    private final ObjectProperty<Integer> size = new SimpleObjectProperty<>(this, "size", 128);
    private final ObjectProperty<SpinKind> spins = new SimpleObjectProperty<>(this, "spins", SpinKind.BINARY);
    private final ObjectProperty<Boundary> boundary = new SimpleObjectProperty<>(this, "boundary", Boundary.PERIODIC);
    private final ObjectProperty<ClassroomChain.Start> start = new SimpleObjectProperty<>(this, "start", ClassroomChain.Start.RANDOM);
    private final DoubleProperty temperature = new SimpleDoubleProperty(this, "temperature", 2.0);
    private final DoubleProperty coupling = new SimpleDoubleProperty(this, "coupling", 1.0);
    private final DoubleProperty field = new SimpleDoubleProperty(this, "field", 0.0);
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final ReadOnlyObjectWrapper<ClassroomChain.Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ObservableList<TimePoint> history = FXCollections.observableArrayList();
    private final ObservableList<ClassroomChain.SweepPoint> sweepPoints = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Job<List<ClassroomChain.SweepPoint>>> sweep = new ReadOnlyObjectWrapper<>(this, "sweep");
    private final ReadOnlyBooleanWrapper sweeping = new ReadOnlyBooleanWrapper(this, "sweeping");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyDoubleWrapper framesPerSecond = new ReadOnlyDoubleWrapper(this, "framesPerSecond", Double.NaN);

    /** The newest snapshot the chain published, taken by {@link #pulse} on the FX thread. */
    private final AtomicReference<ClassroomChain.Snapshot> published = new AtomicReference<>();
    private final Object lock = new Object();
    private volatile ClassroomChain.Conditions wanted;
    private LiveChain chain;
    private boolean zeroRequested;
    private Job<Void> loop;
    private long frameCount;
    private long frameWindowStart;

    /** @param jobs runs the chain while it plays and the temperature sweep (two jobs at once) */
    public ClassroomViewModel(JobRunner jobs) {
        this.jobs = jobs;
        wanted = conditions();
        temperature.addListener((o, a, b) -> conditionsChanged());
        coupling.addListener((o, a, b) -> conditionsChanged());
        field.addListener((o, a, b) -> conditionsChanged());
        size.addListener((o, a, b) -> rebuild());
        spins.addListener((o, a, b) -> rebuild());
        boundary.addListener((o, a, b) -> rebuild());
        start.addListener((o, a, b) -> rebuild());
        running.addListener((o, a, on) -> {
            if (on) {
                startLoop();
            } else if (loop != null) {
                loop.cancel();
                // the loop checks for the cancel under the lock: once we hold it, the chain stands still
                withChain(c -> {
                });
            }
        });
        rebuild();
    }

    private ClassroomChain.Conditions conditions() {
        return new ClassroomChain.Conditions(temperature.get(), coupling.get(), field.get());
    }

    private void conditionsChanged() {
        wanted = conditions();
        if (!running.get()) {
            withChain(c -> {
            });
        }
    }

    /** A new chain from the current size, spins, boundary and start; the plots start afresh. */
    public void rebuild() {
        ClassroomChain.Setup setup = new ClassroomChain.Setup(size.get(), spins.get(), boundary.get(), start.get(),
                System.nanoTime());
        synchronized (lock) {
            chain = new LiveChain(setup, wanted);
            history.clear();
            publish(chain);
        }
        pulse();
    }

    /** Runs {@code sweeps} sweeps now, on the calling thread (the Step button; the chain must not be running). */
    public void step(int sweeps) {
        if (running.get()) {
            throw new IllegalStateException("the chain is running");
        }
        withChain(c -> c.sweep(sweeps));
    }

    /** Zeroes ⟨E⟩, ⟨|M|⟩ and the acceptance ratio from the next sweep on, and clears the time plots. */
    public void zeroAverages() {
        history.clear();
        synchronized (lock) {
            zeroRequested = true;
        }
        if (!running.get()) {
            withChain(c -> {
            });
        }
    }

    /** The textbook critical point: binary spins, periodic boundary, J = 1, H = 0, T = Tc. */
    public void startAtCriticalTemperature() {
        spins.set(SpinKind.BINARY);
        boundary.set(Boundary.PERIODIC);
        coupling.set(1);
        field.set(0);
        temperature.set(Onsager.CRITICAL_TEMPERATURE);
        zeroAverages();
    }

    /** Runs {@code work} on the chain with pending conditions and zeroing applied, then publishes. */
    private void withChain(java.util.function.Consumer<LiveChain> work) {
        synchronized (lock) {
            apply(chain);
            work.accept(chain);
            publish(chain);
        }
        pulse();
    }

    private void apply(LiveChain c) {
        c.setConditions(wanted);
        if (zeroRequested) {
            c.zeroAverages();
            zeroRequested = false;
        }
    }

    private void publish(LiveChain c) {
        published.set(c.snapshot());
    }

    private void startLoop() {
        Job<Void> job = Job.<Void>of("Classroom chain", monitor -> {
            while (true) {
                synchronized (lock) {
                    if (monitor.isCancelled()) {
                        return null;
                    }
                    LiveChain c = chain;
                    apply(c);
                    c.sweep(1);
                    if (published.get() == null) {
                        publish(c);
                    }
                }
            }
        }).onFailure(why -> {
            note.set("The chain stopped: " + why);
            running.set(false);
        });
        loop = job;
        frameWindowStart = 0;
        jobs.run(job);
    }

    /**
     * Takes the newest published snapshot, if any, into {@link #snapshotProperty()} and the time
     * plots; called on every animation pulse. Returns true if there was a new one.
     */
    public boolean pulse() {
        ClassroomChain.Snapshot s = published.getAndSet(null);
        if (s == null) {
            return false;
        }
        snapshot.set(s);
        if (history.isEmpty() || history.get(history.size() - 1).sweep() != s.sweeps()) {
            if (history.size() >= HISTORY) {
                history.remove(0, history.size() - HISTORY + 1);
            }
            history.add(new TimePoint(s.sweeps(), s.energyPerSite(), s.magnetisationPerSite()));
        }
        countFrame();
        return true;
    }

    private void countFrame() {
        long now = System.nanoTime();
        if (!running.get()) {
            return;
        }
        if (frameWindowStart == 0) {
            frameWindowStart = now;
            frameCount = 0;
            return;
        }
        frameCount++;
        double seconds = (now - frameWindowStart) / 1e9;
        if (seconds >= 1) {
            framesPerSecond.set(frameCount / seconds);
            frameWindowStart = now;
            frameCount = 0;
        }
    }

    /** Measures ⟨|M|⟩ and ⟨E⟩ from {@link #SWEEP_FROM} to {@link #SWEEP_TO} (× J) in the background, as a job. */
    public Job<List<ClassroomChain.SweepPoint>> temperatureSweep(int points, int equilibration, int measured) {
        if (sweeping.get()) {
            return sweep.get();
        }
        double j = coupling.get();
        double scale = j > 0 ? j : 1;
        double[] temperatures = new double[points];
        for (int k = 0; k < points; k++) {
            temperatures[k] = scale * (SWEEP_FROM + (SWEEP_TO - SWEEP_FROM) * k / (points - 1));
        }
        ClassroomChain.Setup setup = new ClassroomChain.Setup(Math.min(size.get(), SWEEP_MAX_SIZE), spins.get(), boundary.get(),
                ClassroomChain.Start.ORDERED, 2026);
        double h = field.get();
        sweepPoints.clear();
        note.set("");
        Job<List<ClassroomChain.SweepPoint>> job = Job.<List<ClassroomChain.SweepPoint>>of("Temperature sweep",
                monitor -> ClassroomChain.temperatureSweep(setup, j, h, temperatures, equilibration, measured, monitor))
                .onSuccess(result -> {
                    sweepPoints.setAll(result);
                    sweeping.set(false);
                    note.set(String.format(Locale.ROOT, "Swept %d temperatures on a %d × %d lattice (%d + %d sweeps each)",
                            points, setup.size(), setup.size(), equilibration, measured) + onsagerCaveat());
                })
                .onCancelled(() -> {
                    sweeping.set(false);
                    note.set("Sweep cancelled");
                })
                .onFailure(why -> {
                    sweeping.set(false);
                    note.set("The sweep failed: " + why);
                });
        sweep.set(job);
        sweeping.set(true);
        jobs.run(job);
        return job;
    }

    /** Why Onsager's curves may not apply to what is simulated, or nothing when they do. */
    public String onsagerCaveat() {
        if (spins.get() == SpinKind.BINARY && boundary.get() == Boundary.PERIODIC && field.get() == 0 && coupling.get() > 0) {
            return "";
        }
        return " · Onsager's curves are exact for binary spins, a periodic boundary, J > 0 and H = 0 only";
    }

    /** The sweep's results beside Onsager's values, as CSV. */
    public String sweepCsv() {
        StringBuilder sb = new StringBuilder("temperature,mean_abs_magnetisation,mean_energy_per_site,acceptance,onsager_magnetisation,onsager_energy_per_site\n");
        double j = coupling.get();
        for (ClassroomChain.SweepPoint p : sweepPoints) {
            sb.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f,%s,%s%n", p.temperature(), p.meanAbsMagnetisation(),
                    p.meanEnergy(), p.acceptance(),
                    j > 0 ? String.format(Locale.ROOT, "%.6f", Onsager.magnetisation(p.temperature(), j)) : "",
                    j > 0 ? String.format(Locale.ROOT, "%.6f", Onsager.energyPerSite(p.temperature(), j)) : ""));
        }
        return sb.toString();
    }

    /** The lattice side L. */
    public ObjectProperty<Integer> sizeProperty() {
        return size;
    }

    public ObjectProperty<SpinKind> spinsProperty() {
        return spins;
    }

    public ObjectProperty<Boundary> boundaryProperty() {
        return boundary;
    }

    public ObjectProperty<ClassroomChain.Start> startProperty() {
        return start;
    }

    public DoubleProperty temperatureProperty() {
        return temperature;
    }

    public DoubleProperty couplingProperty() {
        return coupling;
    }

    public DoubleProperty fieldProperty() {
        return field;
    }

    /** True while the chain runs in the background. */
    public BooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyObjectProperty<ClassroomChain.Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ObservableList<TimePoint> history() {
        return history;
    }

    public ObservableList<ClassroomChain.SweepPoint> sweepPoints() {
        return sweepPoints;
    }

    public ReadOnlyObjectProperty<Job<List<ClassroomChain.SweepPoint>>> sweepProperty() {
        return sweep.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sweepingProperty() {
        return sweeping.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** New lattices shown per second while running, over the last second (NaN before). */
    public ReadOnlyDoubleProperty framesPerSecondProperty() {
        return framesPerSecond.getReadOnlyProperty();
    }

    @Override
    public void close() {
        running.set(false);
        Job<?> s = sweep.get();
        if (s != null) {
            s.cancel();
        }
        jobs.close();
    }
}
