package org.iceising.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.iceising.model.CancelledException;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.Measures;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;

/**
 * Uses fitted or predicted parameters the way the study does (MODEL.md §6, paper Table 1 and
 * Figures 4–6): re-simulates every observed period from its observed start with K chains and
 * compares the simulated end states with the observed ones — ice coverage, ice extent and the
 * distance — beside the persistence baseline, which forecasts that the end equals the start.
 */
public final class SeasonEvaluation {

    /**
     * One period.
     *
     * @param params             the parameters simulated
     * @param coverageStart      ice coverage of the observed start (the persistence forecast)
     * @param coverageObserved   ice coverage of the observed end
     * @param coverageSimulated  mean ice coverage of the K simulated ends
     * @param extentStart        ice extent (share of cells ≥ 15 %) of the observed start
     * @param extentObserved     ice extent of the observed end
     * @param extentSimulated    mean ice extent of the K simulated ends
     * @param distanceSimulated  mean distance of the simulated ends to the observed end
     * @param distancePersistence distance of the observed start to the observed end
     * @param observed           the observed (start, end) pair
     * @param simulated          the K simulated end lattices, chain order
     */
    public record Period(SemiMonthlyPeriod period, IsingParams params,
                         double coverageStart, double coverageObserved, double coverageSimulated,
                         double extentStart, double extentObserved, double extentSimulated,
                         double distanceSimulated, double distancePersistence,
                         ObservedSeason.Pair observed, List<Lattice> simulated) {
        public Period {
            simulated = List.copyOf(simulated);
        }

        /** Simulated minus observed coverage. */
        public double coverageError() {
            return coverageSimulated - coverageObserved;
        }

        /** Persistence (start) minus observed coverage. */
        public double coverageErrorPersistence() {
            return coverageStart - coverageObserved;
        }

        public double extentError() {
            return extentSimulated - extentObserved;
        }

        public double extentErrorPersistence() {
            return extentStart - extentObserved;
        }
    }

    /** The evaluated periods in order. */
    public record Result(List<Period> periods) {
        public Result {
            periods = List.copyOf(periods);
        }

        /** The parameters per period. */
        public SortedMap<SemiMonthlyPeriod, IsingParams> params() {
            SortedMap<SemiMonthlyPeriod, IsingParams> out = new TreeMap<>();
            periods.forEach(p -> out.put(p.period(), p.params()));
            return out;
        }

        /** Mean absolute coverage error of the simulation and of persistence, in percentage points. */
        public double[] meanAbsoluteCoverageError() {
            return new double[] {100 * meanAbs(periods.stream().mapToDouble(Period::coverageError).toArray()),
                100 * meanAbs(periods.stream().mapToDouble(Period::coverageErrorPersistence).toArray())};
        }

        /** Mean absolute extent error of the simulation and of persistence, in percentage points. */
        public double[] meanAbsoluteExtentError() {
            return new double[] {100 * meanAbs(periods.stream().mapToDouble(Period::extentError).toArray()),
                100 * meanAbs(periods.stream().mapToDouble(Period::extentErrorPersistence).toArray())};
        }

        /** Mean distance of the simulation and of persistence. */
        public double[] meanDistance() {
            return new double[] {periods.stream().mapToDouble(Period::distanceSimulated).average().orElse(Double.NaN),
                periods.stream().mapToDouble(Period::distancePersistence).average().orElse(Double.NaN)};
        }

        private static double meanAbs(double[] v) {
            double s = 0;
            for (double x : v) {
                s += Math.abs(x);
            }
            return v.length == 0 ? Double.NaN : s / v.length;
        }

        /**
         * A table like the study's Table 1 (the parameters per period) with the measures beside
         * them: coverage and extent in %, observed / simulated / persistence, and the distances.
         */
        public String table() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%-23s %6s %7s %7s %7s %6s | %-20s | %-20s | %-13s%n", "period", "J", "B0", "Bx", "By", "I",
                    "coverage % obs/sim/pers", "extent % obs/sim/pers", "distance sim/pers"));
            for (Period p : periods) {
                IsingParams q = p.params();
                sb.append(String.format(Locale.ROOT, "%-23s %6.3f %7.3f %7.3f %7.3f %6.3f | %6.2f %6.2f %6.2f | %6.2f %6.2f %6.2f | %6.4f %6.4f%n",
                        p.period().start() + " .. " + p.period().end(), q.j(), q.b0(), q.bx(), q.by(), q.inertia(),
                        100 * p.coverageObserved(), 100 * p.coverageSimulated(), 100 * p.coverageStart(),
                        100 * p.extentObserved(), 100 * p.extentSimulated(), 100 * p.extentStart(),
                        p.distanceSimulated(), p.distancePersistence()));
            }
            double[] c = meanAbsoluteCoverageError();
            double[] e = meanAbsoluteExtentError();
            double[] d = meanDistance();
            sb.append(String.format(Locale.ROOT, "mean |error|: coverage %.2f pp (persistence %.2f), extent %.2f pp (persistence %.2f); "
                    + "mean distance %.4f (persistence %.4f)%n", c[0], c[1], e[0], e[1], d[0], d[1]));
            return sb.toString();
        }
    }

    private SeasonEvaluation() {
    }

    /**
     * The network's parameters for every observed period of {@code season}, in one batch, each
     * limited to the box the network was trained in for that kind of period: outside it the
     * network extrapolates, and a value beyond the box means "at least as far as its edge", not a
     * number to simulate with (docs/decisions/0002-predictions-within-bounds.md).
     */
    public static SortedMap<SemiMonthlyPeriod, IsingParams> predict(InverseModel model, ObservedSeason season) {
        List<SemiMonthlyPeriod> periods = season.observedPeriods();
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("no period of the season is observed at both ends (missing: " + season.missingText() + ")");
        }
        List<Lattice> starts = new ArrayList<>();
        List<Lattice> ends = new ArrayList<>();
        for (SemiMonthlyPeriod p : periods) {
            ObservedSeason.Pair pair = season.pair(p);
            starts.add(pair.start());
            ends.add(pair.end());
        }
        List<IsingParams> predicted = model.predict(starts, ends);
        SortedMap<SemiMonthlyPeriod, IsingParams> out = new TreeMap<>();
        for (int i = 0; i < periods.size(); i++) {
            ParameterBounds box = model.metadata().boundsForRegime(periods.get(i));
            out.put(periods.get(i), box == null ? predicted.get(i) : box.clamp(predicted.get(i)));
        }
        return out;
    }

    /**
     * Re-simulates each period in {@code params} from its observed start with K chains (chain k of
     * the period starting on day d seeded by {@code Seeds.forRun(Seeds.forRun(seed, d), k)}) and
     * measures the result.
     *
     * @throws CancelledException if the monitor is cancelled
     */
    public static Result evaluate(ObservedSeason season, Map<SemiMonthlyPeriod, IsingParams> params, int seeds, long seed,
                                  long stepsPer3600, SimulationSettings simulation, int threads, ProgressMonitor monitor) {
        List<Period> out = new ArrayList<>();
        int done = 0;
        for (Map.Entry<SemiMonthlyPeriod, IsingParams> e : new TreeMap<>(params).entrySet()) {
            monitor.checkCancelled();
            ObservedSeason.Pair pair = season.pair(e.getKey());
            List<Lattice> ends = Resimulation.chains(pair.start(), e.getKey(), e.getValue(), seeds, seed, stepsPer3600, simulation, threads,
                    ProgressMonitor.NONE);
            double coverage = 0;
            double extent = 0;
            double distance = 0;
            for (Lattice end : ends) {
                coverage += Measures.coverage(end) / ends.size();
                extent += Measures.extentFraction(end) / ends.size();
                distance += Measures.distance(end, pair.end()) / ends.size();
            }
            out.add(new Period(e.getKey(), e.getValue(),
                    Measures.coverage(pair.start()), Measures.coverage(pair.end()), coverage,
                    Measures.extentFraction(pair.start()), Measures.extentFraction(pair.end()), extent,
                    distance, Measures.distance(pair.start(), pair.end()), pair, ends));
            monitor.progress(++done, params.size(), "re-simulated " + e.getKey());
        }
        return new Result(out);
    }
}
