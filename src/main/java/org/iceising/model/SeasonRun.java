package org.iceising.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Simulates every period of a season from its own observed start with that period's parameters
 * (the study's Figures 4–6): one Metropolis chain per period, seeded like chain 0 of an
 * {@link Ensemble}, so each period's result equals what the live view reaches at the end of that
 * period with the same parameters and settings. Plain Java, reporting to a {@link ProgressMonitor}.
 */
public final class SeasonRun {

    /** A period, its observed start lattice and the parameters to simulate it with. */
    public record Start(SemiMonthlyPeriod period, Lattice lattice, IsingParams params) {
    }

    /**
     * One simulated period.
     *
     * @param coverage mean ice concentration of the simulated end, a fraction
     * @param extent   share of cells with at least 15 % ice in the simulated end
     */
    public record Result(SemiMonthlyPeriod period, Lattice simulatedEnd, double coverage, double extent) {
    }

    private SeasonRun() {
    }

    /** Steps of one period for a lattice: {@code stepsPer3600} scaled by its active cells. */
    public static long steps(Lattice lattice, long stepsPer3600) {
        return SemiMonthlyPeriod.stepsFor(lattice.activeCount(), stepsPer3600);
    }

    /**
     * Runs the periods in order.
     *
     * @throws org.iceising.model.CancelledException if the monitor is cancelled
     */
    public static List<Result> run(List<Start> starts, SimulationSettings settings, long stepsPer3600, long seed,
                                   ProgressMonitor monitor) {
        long total = 0;
        for (Start s : starts) {
            total += steps(s.lattice(), stepsPer3600);
        }
        final long all = total;
        List<Result> out = new ArrayList<>(starts.size());
        long before = 0;
        for (Start s : starts) {
            long steps = steps(s.lattice(), stepsPer3600);
            final long offset = before;
            final String what = "period " + s.period();
            ProgressMonitor inner = new ProgressMonitor() {
                @Override
                public void progress(long done, long ignored, String message) {
                    monitor.progress(offset + done, all, what);
                }

                @Override
                public boolean isCancelled() {
                    return monitor.isCancelled();
                }
            };
            Lattice end = Ensemble.run(s.lattice(), s.params(), settings, steps, 1, seed, 1, inner).get(0);
            out.add(new Result(s.period(), end, Measures.coverage(end), Measures.extentFraction(end)));
            before += steps;
            monitor.progress(before, all, what);
        }
        return out;
    }
}
