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
     * What a fit minimises: the mean distance of the K simulated ends to the observed end, plus
     * {@code weight} times the part of each ice-amount error beyond its tolerance — the absolute
     * error of the K ends' mean ice coverage beyond {@code coverageTolerance}, and that of their
     * mean ice extent beyond {@code extentTolerance} (all as fractions of the area). Within the
     * tolerances the distance alone decides. The study minimised the distance alone; the distance
     * rewards the smoothness of large J, I and |B| over the right amount of ice
     * (docs/decisions/0007-reproduce-objective-and-boxes.md), so the reproduction holds the ice
     * amounts to the observed ones.
     */
    public record Goal(double weight, double coverageTolerance, double extentTolerance) {
        public Goal {
            if (!(weight >= 0 && coverageTolerance >= 0 && extentTolerance >= 0)) {
                throw new IllegalArgumentException("goal weight and tolerances must be >= 0, got " + weight + ", "
                        + coverageTolerance + " and " + extentTolerance);
            }
        }

        /** The study's objective: the distance alone. */
        public static Goal distanceOnly() {
            return new Goal(0, 0, 0);
        }

        /** The reproduction's: weight 10 beyond 0.5 pp of coverage and 1 pp of extent. */
        public static Goal iceAmounts() {
            return new Goal(10, 0.005, 0.01);
        }

        /** The objective for a mean distance, coverage error and extent error. */
        public double value(double distance, double coverageError, double extentError) {
            return distance + weight * (Math.max(0, Math.abs(coverageError) - coverageTolerance)
                    + Math.max(0, Math.abs(extentError) - extentTolerance));
        }
    }

    /**
     * The fit.
     *
     * @param params      the best parameters found
     * @param distance    their mean distance to the observation over the K chains
     * @param evaluations evaluations used
     * @param trace       best objective value after each evaluation (the distance for {@link Goal#distanceOnly()})
     * @param objective   the goal's value at {@code params}
     */
    public record Result(IsingParams params, double distance, int evaluations, List<Double> trace, double objective) {
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
        return fit(start, observedEnd, bounds, centreOf(bounds), Goal.distanceOnly(), config, threads, monitor, false);
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
        return fit(start, observedEnd, bounds, centreOf(bounds), Goal.distanceOnly(), config, threads, monitor, true);
    }

    /**
     * Fits one period minimising {@code goal}, the search starting at {@code guess} (limited to the
     * box), for instance a network's answer refined by a local search with a small σ.
     *
     * @throws CancelledException if the monitor is cancelled
     */
    public static Result fit(Lattice start, Lattice observedEnd, ParameterBounds bounds, IsingParams guess, Goal goal,
                             Config config, int threads, ProgressMonitor monitor) {
        return fit(start, observedEnd, bounds, guess, goal, config, threads, monitor, false);
    }

    private static IsingParams centreOf(ParameterBounds bounds) {
        return bounds.fromUnit(new double[] {0.5, 0.5, 0.5, 0.5, 0.5});
    }

    private static Result fit(Lattice start, Lattice observedEnd, ParameterBounds bounds, IsingParams guess, Goal goal,
                              Config config, int threads, ProgressMonitor monitor, boolean keepBestOnCancel) {
        if (!start.sameShape(observedEnd)) {
            throw new IllegalArgumentException("start and observed end differ in shape or mask: " + start + " vs " + observedEnd);
        }
        long steps = SemiMonthlyPeriod.stepsFor(start.activeCount(), config.stepsPer3600());
        double[] centre = bounds.toUnit(bounds.clamp(guess));
        Objective objective = new Objective(start, observedEnd, bounds, goal, centre, config, steps, threads, monitor);
        CMAESOptimizer cmaes = new CMAESOptimizer(Integer.MAX_VALUE, 0, true, 0, 0,
                new Well19937c(Long.hashCode(config.seed())), false, (iteration, previous, current) -> false);
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
        return new Result(bounds.fromUnit(objective.best), objective.bestDistance, objective.evaluations, objective.trace,
                objective.bestValue);
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
        return score(start, observedEnd, params, seeds, seed, steps, simulation, threads, monitor)[0];
    }

    /**
     * Mean distance, mean coverage and mean extent of the K chains run with {@code params} from
     * {@code start}, measured against {@code observedEnd}.
     */
    static double[] score(Lattice start, Lattice observedEnd, IsingParams params, int seeds, long seed,
                          long steps, SimulationSettings simulation, int threads, ProgressMonitor monitor) {
        List<Lattice> ends = Ensemble.run(start, params, simulation, steps, seeds, seed, Math.min(threads, seeds), monitor);
        double[] out = new double[3];
        for (Lattice end : ends) {
            out[0] += Measures.distance(end, observedEnd) / ends.size();
            out[1] += Measures.coverage(end) / ends.size();
            out[2] += Measures.extentFraction(end) / ends.size();
        }
        return out;
    }

    /** The objective in the unit cube, remembering the best point it has seen. */
    private static final class Objective {
        private final Lattice start;
        private final Lattice observedEnd;
        private final ParameterBounds bounds;
        private final Goal goal;
        private final double coverageObserved;
        private final double extentObserved;
        private final Config config;
        private final long steps;
        private final int threads;
        private final ProgressMonitor monitor;
        private final List<Double> trace = new ArrayList<>();
        double[] best;
        double bestValue = Double.POSITIVE_INFINITY;
        double bestDistance = Double.NaN;
        int evaluations;

        Objective(Lattice start, Lattice observedEnd, ParameterBounds bounds, Goal goal, double[] guess, Config config, long steps,
                  int threads, ProgressMonitor monitor) {
            this.start = start;
            this.observedEnd = observedEnd;
            this.bounds = bounds;
            this.goal = goal;
            this.best = guess.clone();
            this.coverageObserved = Measures.coverage(observedEnd);
            this.extentObserved = Measures.extentFraction(observedEnd);
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
            double[] s = score(start, observedEnd, bounds.fromUnit(clamped), config.seeds(), config.seed(), steps,
                    config.simulation(), threads, ProgressMonitor.NONE);
            double d = goal.value(s[0], s[1] - coverageObserved, s[2] - extentObserved);
            evaluations++;
            if (d < bestValue) {
                bestValue = d;
                bestDistance = s[0];
                best = clamped;
            }
            trace.add(bestValue);
            monitor.progress(evaluations, config.maxEvaluations(),
                    String.format(Locale.ROOT, "evaluation %d of %d, best objective %.4f", evaluations, config.maxEvaluations(), bestValue));
            return d;
        }
    }
}
