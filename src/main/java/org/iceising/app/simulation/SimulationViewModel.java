package org.iceising.app.simulation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
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
import javafx.beans.property.SimpleBooleanProperty;
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
 *
 * <p>It plays like a tape recorder: the chain keeps the lattice at the end of every day it has run
 * ({@link LiveSimulation.Frame}), so stepping back, scrubbing over the period's days and playing
 * again over days already run show those frames at once; playing past the last one runs the chain
 * on. At the period's end the animation stops, starts the period's frames again (loop), or goes on
 * to the next period of the season with that period's own parameters ({@link SeasonPlayback}).
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
    private final ReadOnlyIntegerWrapper recordedDays = new ReadOnlyIntegerWrapper(this, "recordedDays");
    private final ReadOnlyIntegerWrapper periodDays = new ReadOnlyIntegerWrapper(this, "periodDays");
    private final ReadOnlyBooleanWrapper recorded = new ReadOnlyBooleanWrapper(this, "recorded");
    private final BooleanProperty loop = new SimpleBooleanProperty(this, "loop");
    private final BooleanProperty throughSeason = new SimpleBooleanProperty(this, "throughSeason");
    private final SeasonPlayback season;
    private long shownVersion;
    private long trajectoryVersion;
    /** The frames the chain has kept, from the latest snapshot: index d is the end of day d. */
    private List<LiveSimulation.Frame> frames = List.of();
    /** The day of the frame shown, or −1 while the chain itself is shown. */
    private int cursor = -1;
    private double replayDays;
    private long lastReplay;
    /** The period the animation is going on to, until its observations arrive. */
    private SemiMonthlyPeriod waitingFor;
    private int skipped;

    /**
     * @param parameters the knobs the chain runs with
     * @param season     the season the animation may play on through
     */
    public SimulationViewModel(ParametersViewModel parameters, SeasonViewModel season) {
        this.parameters = parameters;
        this.season = new SeasonPlayback(season, parameters);
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
        boolean goOn = waitingFor != null && data != null && data.period().equals(waitingFor);
        if (waitingFor == null || goOn) {
            // an animation going on to the next period keeps playing until that period's observations arrive
            waitingFor = null;
            playing.set(false);
        }
        cursor = -1;
        frames = List.of();
        recordedDays.set(0);
        recorded.set(false);
        periodDays.set(data == null ? 0 : data.period().days());
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
            if (goOn) {
                // a period that cannot be simulated is passed over
                skipped++;
                ended();
            }
            return;
        }
        Lattice start = data.start();
        acceptance.set(0);
        setup = new LiveSimulation.Setup(start, data.period(),
                SeasonRun.steps(start, parameters.stepsPer3600Property().get()), parameters.seedProperty().get());
        totalSteps.set(setup.totalSteps());
        ready.set(true);
        live.load(setup);
        trajectory.add(TrajectoryPoint.of(0, start));
        show(start, 0, 0, 0);
        if (goOn) {
            playing.set(false);
            play();
        } else if (waitingFor == null) {
            skipped = 0;
            season.stop();
        }
    }

    private void pulse() {
        LiveSimulation.Snapshot s = live.latest();
        if (s == null || s.setup() != setup) {
            return;
        }
        frames = s.days();
        recordedDays.set(frames.size() - 1);
        if (s.version() != trajectoryVersion && s.stepsDone() > 0) {
            trajectoryVersion = s.version();
            trajectory.add(TrajectoryPoint.of((double) s.stepsDone() * s.setup().period().days() / setup.totalSteps(), s.lattice()));
        }
        if (cursor >= 0) {
            if (playing.get() && waitingFor == null) {
                replay();
            }
            return;
        }
        if (s.version() == shownVersion) {
            return;
        }
        shownVersion = s.version();
        show(s.lattice(), s.stepsDone(), s.daysDone(), s.acceptance());
        if (s.finished() && playing.get() && waitingFor == null) {
            ended();
        }
    }

    /** Plays the kept frames on at the speed's days per second; past the last one the chain runs on. */
    private void replay() {
        long now = System.nanoTime();
        replayDays += speed.get() * Math.min(0.1, (now - lastReplay) / 1e9);
        lastReplay = now;
        while (replayDays >= 1 && cursor >= 0 && playing.get() && waitingFor == null) {
            replayDays -= 1;
            showFrame(cursor + 1);
            atLastFrame();
        }
    }

    /** At the last kept frame while playing: the period has ended, or the chain runs on from there. */
    private void atLastFrame() {
        if (cursor < frames.size() - 1) {
            return;
        }
        if (finished.get()) {
            ended();
        } else {
            runLive();
        }
    }

    /** Shows the chain itself again and runs it on. */
    private void runLive() {
        cursor = -1;
        recorded.set(false);
        shownVersion = 0;
        live.play();
    }

    /** The animation reached the period's end: on to the next period, back to the start (loop), or stop. */
    private void ended() {
        if (throughSeason.get() && skipped <= season.periods()) {
            SemiMonthlyPeriod next = season.openNext(loop.get());
            if (next != null) {
                waitingFor = next;
                return;
            }
        }
        if (loop.get() && setup != null) {
            showFrame(0);
            startReplay();
            return;
        }
        playing.set(false);
        season.stop();
    }

    private void startReplay() {
        replayDays = 0;
        lastReplay = System.nanoTime();
    }

    /** Takes the chain's latest frames, so that a step sees the days run up to the last command. */
    private void sync() {
        LiveSimulation.Snapshot s = live.latest();
        if (s != null && s.setup() == setup) {
            frames = s.days();
            recordedDays.set(frames.size() - 1);
        }
    }

    /** Shows the kept frame of day {@code day}. */
    private void showFrame(int day) {
        LiveSimulation.Frame f = frames.get(day);
        cursor = day;
        show(f.lattice(), f.stepsDone(), day, f.acceptance());
    }

    private void show(Lattice lattice, long steps, int days, double acceptanceRatio) {
        SeasonViewModel.PeriodData data = periodData.get();
        acceptance.set(acceptanceRatio);
        stepsDone.set(steps);
        daysDone.set(days);
        finished.set(steps >= setup.totalSteps());
        recorded.set(cursor >= 0);
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
        int head = frames.size() - 1;
        String kept = cursor >= 0 && days < head ? " · kept day (the chain is at day " + head + ")" : "";
        status.set(String.format(Locale.ROOT, "Day %d of %d · simulated %s · %,d of %,d steps · acceptance %.1f %%%s",
                days, p.days(), date, steps, setup.totalSteps(), 100 * acceptanceRatio, kept));
        frame.set(frame.get() + 1);
    }

    /** The date the simulation has reached: the period's start plus the whole days simulated. */
    public LocalDate simulatedDate() {
        SeasonViewModel.PeriodData data = periodData.get();
        return data == null ? null : data.period().start().plusDays(daysDone.get());
    }

    /**
     * Plays from the day shown: over the kept frames, then on with the chain. At the period's end it
     * goes on to the next period when playing through the season, else starts the period again.
     */
    public void play() {
        if (setup == null || playing.get()) {
            return;
        }
        sync();
        playing.set(true);
        skipped = 0;
        if (finished.get()) {
            SemiMonthlyPeriod next = throughSeason.get() ? season.openNext(loop.get()) : null;
            if (next != null) {
                waitingFor = next;
                return;
            }
            showFrame(0);
        }
        if (cursor >= 0 && cursor < frames.size() - 1) {
            startReplay();
        } else {
            runLive();
        }
    }

    public void pause() {
        playing.set(false);
        waitingFor = null;
        season.stop();
        live.pause();
    }

    /** Play if paused, else pause. */
    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** Pauses and shows the end of the next day: a kept frame if there is one, else the chain runs to it. */
    public void stepDay() {
        pause();
        if (setup == null || finished.get()) {
            return;
        }
        sync();
        int next = daysDone.get() + 1;
        if (cursor >= 0 && next < frames.size()) {
            showFrame(next);
        } else {
            cursor = -1;
            shownVersion = 0;
            live.stepDay();
        }
    }

    /** Pauses and shows the end of the day before the one shown (the start of the day, if the chain is part-way through it). */
    public void stepBack() {
        pause();
        if (setup == null) {
            return;
        }
        sync();
        int day = Math.min(daysDone.get(), frames.size() - 1);
        boolean partWay = cursor < 0 && stepsDone.get() > frames.get(day).stepsDone();
        int target = partWay ? day : day - 1;
        if (target >= 0) {
            showFrame(target);
        }
    }

    /** Pauses and shows day {@code day} (0 the observed start): its kept frame, else the chain runs on to it. */
    public void seek(int day) {
        if (setup == null || day == daysDone.get() && (cursor >= 0 || stepsDone.get() == frameSteps(day))) {
            return;
        }
        pause();
        sync();
        int d = Math.max(0, Math.min(day, periodDays.get()));
        if (d < frames.size()) {
            showFrame(d);
        } else {
            cursor = -1;
            shownVersion = 0;
            live.runToDay(d);
        }
    }

    private long frameSteps(int day) {
        return day < frames.size() ? frames.get(day).stepsDone() : -1;
    }

    /** Back to the observed start with the current settings; the kept frames are dropped. */
    public void reset() {
        pause();
        load();
    }

    /** At the period's end, start it again instead of stopping. */
    public BooleanProperty loopProperty() {
        return loop;
    }

    /** At the period's end, go on to the next period of the season with its own parameters. */
    public BooleanProperty throughSeasonProperty() {
        return throughSeason;
    }

    /** Whole days the chain has run in this period: the days that can be shown at once. */
    public ReadOnlyIntegerProperty recordedDaysProperty() {
        return recordedDays.getReadOnlyProperty();
    }

    /** Days of the period loaded (0 without one). */
    public ReadOnlyIntegerProperty periodDaysProperty() {
        return periodDays.getReadOnlyProperty();
    }

    /** True while the picture shown is a kept frame rather than the chain itself. */
    public ReadOnlyBooleanProperty recordedProperty() {
        return recorded.getReadOnlyProperty();
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

    /** The whole days simulated in the picture shown (0 at the observed start). */
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

    /** True when the picture shown is the period's simulated end. */
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
