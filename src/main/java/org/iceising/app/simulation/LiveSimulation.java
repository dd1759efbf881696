package org.iceising.app.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.iceising.app.task.FxJobRunner;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.MetropolisEngine;
import org.iceising.model.Seeds;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;

/**
 * One period's Metropolis chain run live on its own thread. Plain Java: the workbench draws it,
 * but nothing here knows about JavaFX.
 *
 * <p>The engine lives on a single worker thread and only that thread touches it. While playing,
 * the worker runs a tick about 60 times a second, advances the chain by as many steps as the
 * speed (simulated days per second) asks for, and publishes an immutable {@link Snapshot} (a copy
 * of the lattice) to an {@link AtomicReference}. A reader takes the latest snapshot whenever it
 * likes; snapshots it did not look at are simply dropped, never queued.
 *
 * <p>The chain is seeded with {@link Seeds#forRun}(seed, 0), exactly like chain 0 of an
 * {@link org.iceising.model.Ensemble} with the same seed, and it is split over the period's days
 * by {@link SemiMonthlyPeriod#stepsPerDay}: a period watched live ends in the same lattice as the
 * same period run at once, as long as the parameters are not changed on the way. A temperature
 * change needs a new engine, which continues from the current lattice with the seed
 * {@link Seeds#forRun}(seed, steps done).
 *
 * <p>The lattice at the end of every whole simulated day is kept (a {@link Frame}), so that the
 * view can step back and scrub over the days run without running anything again. They are kept for
 * the period loaded only, at most one per day plus the start (17 for the longest period): a 60 × 60
 * lattice is about 30 kB, so a period's frames stay under a megabyte (about 20 MB for the whole
 * 448 × 304 grid); loading another period lets them go.
 */
public final class LiveSimulation implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LiveSimulation.class.getName());
    /** Worker ticks per second while playing. */
    static final int TICKS_PER_SECOND = 60;
    /** The longest gap between two ticks that is caught up on; a longer stall is not made up. */
    private static final double MAX_TICK_SECONDS = 0.1;

    /**
     * What one period's run starts from.
     *
     * @param start      the observed start lattice (copied, never changed)
     * @param period     the period simulated
     * @param totalSteps the Metropolis steps of the whole period
     * @param seed       the master seed
     */
    public record Setup(Lattice start, SemiMonthlyPeriod period, long totalSteps, long seed) {
        public Setup {
            if (totalSteps < 1) {
                throw new IllegalArgumentException("a period needs at least one step, got " + totalSteps);
            }
            start = start.copy();
        }

        /** The step count at the end of each day, cumulative. */
        long[] dayEnds() {
            long[] perDay = period.stepsPerDay(totalSteps);
            long[] ends = new long[perDay.length];
            long sum = 0;
            for (int k = 0; k < perDay.length; k++) {
                sum += perDay[k];
                ends[k] = sum;
            }
            return ends;
        }
    }

    /**
     * The chain at the end of a whole day.
     *
     * @param lattice   a private copy of the lattice
     * @param stepsDone steps run since the observed start
     * @param accepted  moves accepted since the observed start
     */
    public record Frame(Lattice lattice, long stepsDone, long accepted) {
        /** Accepted / attempted moves since the observed start; 0 before the first step. */
        public double acceptance() {
            return stepsDone == 0 ? 0 : (double) accepted / stepsDone;
        }
    }

    /**
     * An immutable picture of the chain.
     *
     * @param setup     the run it belongs to (a reader drops snapshots of an earlier setup)
     * @param lattice   a private copy of the lattice
     * @param stepsDone steps run since the observed start
     * @param daysDone  whole simulated days completed (0 at the start, the period's days at its end)
     * @param accepted  moves accepted since the observed start (accepted / stepsDone is the acceptance ratio)
     * @param playing   whether the chain was running when this was taken
     * @param version   increases with every snapshot published
     * @param days      the chain at the end of each whole day run: index 0 is the start, the last is day {@code daysDone}
     */
    public record Snapshot(Setup setup, Lattice lattice, long stepsDone, int daysDone, long accepted, boolean playing, long version,
                           List<Frame> days) {
        /** Accepted / attempted moves since the observed start; 0 before the first step. */
        public double acceptance() {
            return stepsDone == 0 ? 0 : (double) accepted / stepsDone;
        }

        /** True once every step of the period has run. */
        public boolean finished() {
            return stepsDone >= setup.totalSteps();
        }
    }

    private final ScheduledExecutorService worker;
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private final AtomicLong versions = new AtomicLong();
    private volatile IsingParams params;
    private volatile SimulationSettings settings;
    private volatile double daysPerSecond = 2;

    // Touched by the worker thread only.
    private Setup setup;
    private MetropolisEngine engine;
    private SimulationSettings engineSettings;
    private long[] dayEnds;
    private final List<Frame> frames = new ArrayList<>();
    private long done;
    private long accepted;
    private ScheduledFuture<?> ticking;
    private long lastTick;
    private double budget;

    public LiveSimulation(IsingParams params, SimulationSettings settings) {
        this.params = params;
        this.settings = settings;
        this.worker = FxJobRunner.singleScheduledWorker("iceising-live-simulation");
    }

    /** The latest snapshot, or null before the first {@link #load}. */
    public Snapshot latest() {
        return latest.get();
    }

    /** Starts a new run from {@code setup}'s start lattice, paused at step 0. */
    public Future<?> load(Setup newSetup) {
        return worker.submit(() -> {
            stopTicking();
            setup = newSetup;
            dayEnds = newSetup.dayEnds();
            restart();
        });
    }

    /** Goes back to the current setup's observed start, paused. */
    public Future<?> reset() {
        return worker.submit(() -> {
            stopTicking();
            if (setup != null) {
                restart();
            }
        });
    }

    /** Runs the chain on, at the current speed, until {@link #pause} or the period's end. */
    public Future<?> play() {
        return worker.submit(() -> {
            if (engine == null || ticking != null || done >= setup.totalSteps()) {
                return;
            }
            lastTick = System.nanoTime();
            budget = 0;
            long period = 1_000_000L / TICKS_PER_SECOND;
            ticking = worker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MICROSECONDS);
            publish();
        });
    }

    /**
     * Pauses and runs the chain on to the end of day {@code day} (at most the period's last); a
     * chain already past it stays where it is.
     */
    public Future<?> runToDay(int day) {
        return worker.submit(() -> {
            stopTicking();
            if (engine == null) {
                return;
            }
            int last = Math.min(day, dayEnds.length);
            if (last > 0 && dayEnds[last - 1] > done) {
                advance(dayEnds[last - 1] - done);
            }
            publish();
        });
    }

    /** Stops the chain where it is. */
    public Future<?> pause() {
        return worker.submit(() -> {
            stopTicking();
            if (engine != null) {
                publish();
            }
        });
    }

    /** Pauses and runs the chain to the end of the current simulated day. */
    public Future<?> stepDay() {
        return worker.submit(() -> {
            stopTicking();
            if (engine == null) {
                return;
            }
            for (long end : dayEnds) {
                if (end > done) {
                    advance(end - done);
                    break;
                }
            }
            publish();
        });
    }

    /** New parameters, used from the next batch of steps on. */
    public void setParams(IsingParams p) {
        params = p;
        worker.execute(() -> {
            if (engine != null) {
                engine.setParams(p);
            }
        });
    }

    /** New settings (the temperature), used from the next batch of steps on. */
    public void setSettings(SimulationSettings s) {
        settings = s;
    }

    /** Simulated days per second while playing. */
    public void setSpeed(double days) {
        if (!(days > 0) || Double.isInfinite(days)) {
            throw new IllegalArgumentException("speed must be a positive number of days per second, got " + days);
        }
        daysPerSecond = days;
    }

    /** The parameters the engine will use for its next step, as the worker sees them. */
    public Future<IsingParams> engineParams() {
        return worker.submit((Callable<IsingParams>) () -> engine == null ? params : engine.params());
    }

    private void restart() {
        engineSettings = settings;
        engine = new MetropolisEngine(setup.start().copy(), params, engineSettings, Seeds.forRun(setup.seed(), 0));
        done = 0;
        accepted = 0;
        frames.clear();
        recordDayEnds();
        publish();
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            double seconds = Math.min(MAX_TICK_SECONDS, (now - lastTick) / 1e9);
            lastTick = now;
            budget += daysPerSecond * setup.totalSteps() / dayEnds.length * seconds;
            long n = Math.min((long) budget, setup.totalSteps() - done);
            budget -= n;
            advance(n);
            if (done >= setup.totalSteps()) {
                stopTicking();
            }
            publish();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the live simulation stopped", e);
            stopTicking();
        }
    }

    /** Runs {@code n} steps, keeping the lattice at every day's end passed on the way. */
    private void advance(long n) {
        long target = done + n;
        while (done < target) {
            int day = frames.size() - 1;
            long dayEnd = day < dayEnds.length ? dayEnds[day] : target;
            run(Math.min(target, dayEnd) - done);
            recordDayEnds();
        }
    }

    /** Keeps a frame for every day whose last step is done and that has none yet (a day of no steps ends where it starts). */
    private void recordDayEnds() {
        if (frames.isEmpty()) {
            frames.add(new Frame(engine.lattice().copy(), done, accepted));
        }
        while (frames.size() - 1 < dayEnds.length && dayEnds[frames.size() - 1] <= done) {
            frames.add(new Frame(engine.lattice().copy(), done, accepted));
        }
    }

    private void run(long n) {
        SimulationSettings wanted = settings;
        if (!wanted.equals(engineSettings)) {
            engine = new MetropolisEngine(engine.lattice(), params, wanted, Seeds.forRun(setup.seed(), done));
            engineSettings = wanted;
        }
        engine.setParams(params);
        long before = engine.accepted();
        engine.run(n);
        accepted += engine.accepted() - before;
        done += n;
    }

    private void stopTicking() {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
    }

    private void publish() {
        int days = 0;
        while (days < dayEnds.length && dayEnds[days] <= done) {
            days++;
        }
        latest.set(new Snapshot(setup, engine.lattice().copy(), done, days, accepted, ticking != null, versions.incrementAndGet(),
                List.copyOf(frames)));
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
