package org.iceising.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.hipparchus.random.Well19937c;
import org.iceising.model.CancelledException;
import org.iceising.model.Ensemble;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.Measures;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;

/**
 * The study's earlier method (MODEL.md §6): find the parameters whose simulated end state lies
 * closest to the observed one, by minimising the distance of MODEL.md §5 averaged over K chains,
 * within a parameter box, with Hipparchus's CMA-ES (a global, derivative-free optimiser).
 *
 * <p>The search runs in the unit cube mapped linearly onto the box. Every evaluation runs its K
 * chains in parallel on the given threads, each chain k seeded with {@code Seeds.forRun(seed, k)}
 * for every candidate (common random numbers, so the objective is a deterministic function and a
 * fit is reproducible). The best candidate seen is kept; the search ends when the evaluation budget
 * is spent or CMA-ES has converged.
 */
public final class DirectFitter {

    /**
     * How to fit.
     *
     * @param seeds          K, chains averaged per evaluation
     * @param maxEvaluations evaluation budget
     * @param populationSize CMA-ES population (λ)
     * @param sigma          initial step size in the unit cube
     * @param seed           seeds the chains and the optimiser
     * @param stepsPer3600   Metropolis steps per period for 3,600 active cells
     * @param simulation     temperature, spins and boundary
     */
    public record Config(int seeds, int maxEvaluations, int populationSize, double sigma, long seed, long stepsPer3600,
                         SimulationSettings simulation) {
        public Config {
            if (seeds < 1 || maxEvaluations < 1 || populationSize < 2) {
                throw new IllegalArgumentException("need >= 1 seed, >= 1 evaluation and a population >= 2, got "
                        + seeds + ", " + maxEvaluations + ", " + populationSize);
            }
            if (!(sigma > 0 && sigma <= 1)) {
                throw new IllegalArgumentException("sigma must be in (0, 1], got " + sigma);
            }
        }

        /** K = 4 chains, 400 evaluations, population 10, σ = 0.3, the study's steps and settings. */
        public static Config defaults(long seed) {
            return new Config(4, 400, 10, 0.3, seed, SemiMonthlyPeriod.STUDY_STEPS, SimulationSettings.study());
        }

        public Config withEvaluations(int n) {
            return new Config(seeds, n, populationSize, sigma, seed, stepsPer3600, simulation);
        }
    }

    /**
     * The fit.
     *
     * @param params      the best parameters found
     * @param distance    their mean distance to the observation over the K chains
     * @param evaluations evaluations used
     * @param trace       best distance after each evaluation
     */
    public record Result(IsingParams params, double distance, int evaluations, List<Double> trace) {
        public Result {
            trace = List.copyOf(trace);
        }
    }

    private DirectFitter() {
    }

    /**
     * Fits one period.
     *
     * @throws CancelledException if the monitor is cancelled
     */
    public static Result fit(Lattice start, Lattice observedEnd, ParameterBounds bounds, Config config, int threads,
                             ProgressMonitor monitor) {
        return fit(start, observedEnd, bounds, config, threads, monitor, false);
    }

    /**
     * Fits one period like {@link #fit}, but a cancel after at least one evaluation ends the fit
     * with the best point found so far (its {@link Result#evaluations()} then fall short of the
     * budget) instead of throwing it away.
     *
     * @throws CancelledException if the monitor is cancelled before the first evaluation
     */
    public static Result fitUntilCancelled(Lattice start, Lattice observedEnd, ParameterBounds bounds, Config config, int threads,
                                           ProgressMonitor monitor) {
        return fit(start, observedEnd, bounds, config, threads, monitor, true);
    }

    private static Result fit(Lattice start, Lattice observedEnd, ParameterBounds bounds, Config config, int threads,
                              ProgressMonitor monitor, boolean keepBestOnCancel) {
        if (!start.sameShape(observedEnd)) {
            throw new IllegalArgumentException("start and observed end differ in shape or mask: " + start + " vs " + observedEnd);
        }
        long steps = SemiMonthlyPeriod.stepsFor(start.activeCount(), config.stepsPer3600());
        Objective objective = new Objective(start, observedEnd, bounds, config, steps, threads, monitor);
        CMAESOptimizer cmaes = new CMAESOptimizer(Integer.MAX_VALUE, 0, true, 0, 0,
                new Well19937c(Long.hashCode(config.seed())), false, (iteration, previous, current) -> false);
        double[] centre = {0.5, 0.5, 0.5, 0.5, 0.5};
        double[] sigma = new double[5];
        Arrays.fill(sigma, config.sigma());
        try {
            cmaes.optimize(new MaxEval(config.maxEvaluations()), new ObjectiveFunction(objective::value), GoalType.MINIMIZE,
                    new InitialGuess(centre), new SimpleBounds(new double[5], new double[] {1, 1, 1, 1, 1}),
                    new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(config.populationSize()));
        } catch (MathIllegalStateException budgetSpent) {
            // the evaluation budget is the usual way to stop; the best candidate is kept below
        } catch (CancelledException e) {
            if (!keepBestOnCancel || objective.evaluations == 0) {
                throw e;
            }
        }
        return new Result(bounds.fromUnit(objective.best), objective.bestValue, objective.evaluations, objective.trace);
    }

    /**
     * Fits every observed period of {@code season} in turn, each within its box of {@code bounds}.
     *
     * @throws CancelledException if the monitor is cancelled
     */
    public static SortedMap<SemiMonthlyPeriod, Result> fitSeason(ObservedSeason season, SeasonBounds bounds, Config config,
                                                                           int threads, ProgressMonitor monitor) {
        SortedMap<SemiMonthlyPeriod, Result> out = new TreeMap<>();
        List<SemiMonthlyPeriod> periods = season.observedPeriods();
        long total = (long) periods.size() * config.maxEvaluations();
        for (SemiMonthlyPeriod p : periods) {
            long before = (long) out.size() * config.maxEvaluations();
            ObservedSeason.Pair pair = season.pair(p);
            out.put(p, fit(pair.start(), pair.end(), bounds.forPeriod(p), config, threads, new ProgressMonitor() {
                @Override
                public void progress(long done, long ignored, String message) {
                    monitor.progress(before + done, total, p + ": " + message);
                }

                @Override
                public boolean isCancelled() {
                    return monitor.isCancelled();
                }
            }));
        }
        return out;
    }

    /**
     * The mean distance of K chains run with {@code params} from {@code start} to {@code observedEnd}.
     */
    public static double meanDistance(Lattice start, Lattice observedEnd, IsingParams params, int seeds, long seed,
                                      long steps, SimulationSettings simulation, int threads, ProgressMonitor monitor) {
        List<Lattice> ends = Ensemble.run(start, params, simulation, steps, seeds, seed, Math.min(threads, seeds), monitor);
        double sum = 0;
        for (Lattice end : ends) {
            sum += Measures.distance(end, observedEnd);
        }
        return sum / ends.size();
    }

    /** The objective in the unit cube, remembering the best point it has seen. */
    private static final class Objective {
        private final Lattice start;
        private final Lattice observedEnd;
        private final ParameterBounds bounds;
        private final Config config;
        private final long steps;
        private final int threads;
        private final ProgressMonitor monitor;
        private final List<Double> trace = new ArrayList<>();
        double[] best = {0.5, 0.5, 0.5, 0.5, 0.5};
        double bestValue = Double.POSITIVE_INFINITY;
        int evaluations;

        Objective(Lattice start, Lattice observedEnd, ParameterBounds bounds, Config config, long steps, int threads,
                  ProgressMonitor monitor) {
            this.start = start;
            this.observedEnd = observedEnd;
            this.bounds = bounds;
            this.config = config;
            this.steps = steps;
            this.threads = threads;
            this.monitor = monitor;
        }

        double value(double[] u) {
            monitor.checkCancelled();
            double[] clamped = new double[5];
            for (int k = 0; k < 5; k++) {
                clamped[k] = Math.min(1, Math.max(0, u[k]));
            }
            double d = meanDistance(start, observedEnd, bounds.fromUnit(clamped), config.seeds(), config.seed(), steps,
                    config.simulation(), threads, ProgressMonitor.NONE);
            evaluations++;
            if (d < bestValue) {
                bestValue = d;
                best = clamped;
            }
            trace.add(bestValue);
            monitor.progress(evaluations, config.maxEvaluations(),
                    String.format(Locale.ROOT, "evaluation %d of %d, best distance %.4f", evaluations, config.maxEvaluations(), bestValue));
            return d;
        }
    }
}
