package org.iceising.app.simulation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iceising.model.Lattice;
import org.iceising.model.Measures;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.app.parameters.ParametersViewModel;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.model.SeasonRun;

/**
 * The live simulation of the chosen period as observable state. A {@link LiveSimulation} runs the
 * chain on its own thread; an {@link AnimationTimer} takes its latest snapshot on every pulse and,
 * if it is new, publishes the simulated lattice, the day reached, the differences from the
 * observed end and their distance. Snapshots that arrive between two pulses are dropped.
 */
public final class SimulationViewModel implements AutoCloseable {

    /**
     * Ice coverage and extent of a lattice at a (fractional) day of the period, like the live
     * energy and magnetisation plots of the classroom Ising applets.
     */
    public record TrajectoryPoint(double day, double coverage, double extent) {
        static TrajectoryPoint of(double day, Lattice l) {
            return new TrajectoryPoint(day, Measures.coverage(l), Measures.extentFraction(l));
        }
    }

    private final ParametersViewModel parameters;
    private final LiveSimulation live;
    private final ObjectProperty<SeasonViewModel.PeriodData> periodData = new SimpleObjectProperty<>(this, "periodData");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 2);
    private final ReadOnlyObjectWrapper<Lattice> simulated = new ReadOnlyObjectWrapper<>(this, "simulated");
    private final ReadOnlyObjectWrapper<Lattice> observedToday = new ReadOnlyObjectWrapper<>(this, "observedToday");
    private final ReadOnlyObjectWrapper<double[]> difference = new ReadOnlyObjectWrapper<>(this, "difference");
    private final ReadOnlyDoubleWrapper distance = new ReadOnlyDoubleWrapper(this, "distance", Double.NaN);
    private final ReadOnlyDoubleWrapper acceptance = new ReadOnlyDoubleWrapper(this, "acceptance");
    private final ReadOnlyIntegerWrapper daysDone = new ReadOnlyIntegerWrapper(this, "daysDone");
    private final ReadOnlyLongWrapper stepsDone = new ReadOnlyLongWrapper(this, "stepsDone");
    private final ReadOnlyLongWrapper totalSteps = new ReadOnlyLongWrapper(this, "totalSteps");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final AnimationTimer timer;
    private LiveSimulation.Setup setup;
    private final ReadOnlyLongWrapper frame = new ReadOnlyLongWrapper(this, "frame");
    private final ObservableList<TrajectoryPoint> trajectory = FXCollections.observableArrayList();
    private final ObservableList<TrajectoryPoint> observedTrajectory = FXCollections.observableArrayList();
    private long shownVersion;

    public SimulationViewModel(ParametersViewModel parameters) {
        this.parameters = parameters;
        this.live = new LiveSimulation(parameters.params(), parameters.settings());
        live.setSpeed(speed.get());
        parameters.paramsProperty().addListener((o, a, p) -> live.setParams(p));
        parameters.settingsProperty().addListener((o, a, s) -> live.setSettings(s));
        parameters.stepsPer3600Property().addListener((o, a, b) -> load());
        parameters.seedProperty().addListener((o, a, b) -> load());
        speed.addListener((o, a, b) -> live.setSpeed(b.doubleValue()));
        periodData.addListener((o, a, b) -> load());
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulse();
            }
        };
        timer.start();
    }

    private void load() {
        SeasonViewModel.PeriodData data = periodData.get();
        live.pause();
        playing.set(false);
        trajectory.clear();
        observedTrajectory.clear();
        if (data != null) {
            data.observed().forEach((date, l) -> {
                if (l.activeCount() > 0) {
                    observedTrajectory.add(TrajectoryPoint.of(ChronoUnit.DAYS.between(data.period().start(), date), l));
                }
            });
        }
        if (data == null || data.start() == null || data.start().activeCount() == 0) {
            setup = null;
            ready.set(false);
            simulated.set(null);
            observedToday.set(null);
            difference.set(null);
            distance.set(Double.NaN);
            daysDone.set(0);
            stepsDone.set(0);
            totalSteps.set(0);
            finished.set(false);
            status.set(data == null ? "No period loaded"
                    : data.start() == null ? "No observation on " + data.period().start() + ": this period cannot be simulated"
                    : "The focus area holds no ocean cell to simulate");
            frame.set(frame.get() + 1);
            return;
        }
        Lattice start = data.start();
        acceptance.set(0);
        setup = new LiveSimulation.Setup(start, data.period(),
                SeasonRun.steps(start, parameters.stepsPer3600Property().get()), parameters.seedProperty().get());
        totalSteps.set(setup.totalSteps());
        ready.set(true);
        live.load(setup);
        show(start, 0, 0, false);
    }

    private void pulse() {
        LiveSimulation.Snapshot s = live.latest();
        if (s == null || s.setup() != setup || s.version() == shownVersion) {
            return;
        }
        shownVersion = s.version();
        acceptance.set(s.acceptance());
        show(s.lattice(), s.stepsDone(), s.daysDone(), s.finished());
        if (s.finished()) {
            playing.set(false);
        }
    }

    private void show(Lattice lattice, long steps, int days, boolean done) {
        SeasonViewModel.PeriodData data = periodData.get();
        if (steps == 0) {
            trajectory.clear();
        }
        trajectory.add(TrajectoryPoint.of((double) steps * data.period().days() / setup.totalSteps(), lattice));
        stepsDone.set(steps);
        daysDone.set(days);
        finished.set(done);
        simulated.set(lattice);
        LocalDate date = simulatedDate();
        observedToday.set(data.observed().get(date));
        Lattice end = data.end();
        if (end != null) {
            // two days' masks differ where one has missing cells: only cells seen on both are compared
            Lattice[] both = lattice.sameShape(end) ? new Lattice[] {lattice, end} : Lattice.restrictToCommonMask(lattice, end);
            difference.set(Measures.signedDifference(both[0], both[1]));
            distance.set(Measures.distance(both[0], both[1]));
        } else {
            difference.set(null);
            distance.set(Double.NaN);
        }
        SemiMonthlyPeriod p = data.period();
        status.set(String.format(Locale.ROOT, "Day %d of %d · simulated %s · %,d of %,d steps · acceptance %.1f %%",
                days, p.days(), date, steps, setup.totalSteps(), 100 * acceptance.get()));
        frame.set(frame.get() + 1);
    }

    /** The date the simulation has reached: the period's start plus the whole days simulated. */
    public LocalDate simulatedDate() {
        SeasonViewModel.PeriodData data = periodData.get();
        return data == null ? null : data.period().start().plusDays(daysDone.get());
    }

    public void play() {
        if (setup != null && !finished.get()) {
            playing.set(true);
            live.play();
        }
    }

    public void pause() {
        playing.set(false);
        live.pause();
    }

    /** Runs to the end of the current day, then pauses. */
    public void stepDay() {
        playing.set(false);
        live.stepDay();
    }

    /** Back to the observed start with the current settings. */
    public void reset() {
        load();
    }

    /** The period and its observations to simulate; set by the workbench. */
    public ObjectProperty<SeasonViewModel.PeriodData> periodDataProperty() {
        return periodData;
    }

    /** Simulated days per second while playing. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** The latest simulated lattice shown. */
    public ReadOnlyObjectProperty<Lattice> simulatedProperty() {
        return simulated.getReadOnlyProperty();
    }

    /** The observation of the simulated date, or null if that day has no file. */
    public ReadOnlyObjectProperty<Lattice> observedTodayProperty() {
        return observedToday.getReadOnlyProperty();
    }

    /** Simulated − observed end water fraction per cell (NaN masked), or null without an observed end. */
    public ReadOnlyObjectProperty<double[]> differenceProperty() {
        return difference.getReadOnlyProperty();
    }

    /** The study's distance to the observed end (NaN without one). */
    public ReadOnlyDoubleProperty distanceProperty() {
        return distance.getReadOnlyProperty();
    }

    /** Accepted / attempted Metropolis moves since the observed start, as the classroom Ising applets show it. */
    public ReadOnlyDoubleProperty acceptanceProperty() {
        return acceptance.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty daysDoneProperty() {
        return daysDone.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty stepsDoneProperty() {
        return stepsDone.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty totalStepsProperty() {
        return totalSteps.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    /** True when the period has an observed start to simulate from. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /** "Day d of n · simulated date · steps", or why nothing can be simulated. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /**
     * Counts the pictures published: it rises by one each time a new simulated lattice is shown
     * (at most once per pulse while playing), so views redraw on it and it measures the frame rate.
     */
    public ReadOnlyLongProperty frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** Coverage and extent of the simulated lattice at every picture shown since the period's start. */
    public ObservableList<TrajectoryPoint> trajectory() {
        return trajectory;
    }

    /** Coverage and extent of every observed day of the period, at its day number. */
    public ObservableList<TrajectoryPoint> observedTrajectory() {
        return observedTrajectory;
    }

    /** The live chain itself, for the engine's view of the parameters. */
    public LiveSimulation live() {
        return live;
    }

    @Override
    public void close() {
        timer.stop();
        live.close();
    }
}
