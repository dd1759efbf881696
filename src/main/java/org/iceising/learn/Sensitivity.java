package org.iceising.learn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.iceising.data.AtomicFiles;
import org.iceising.model.Ensemble;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.Measures;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;

/**
 * What the observations determine (issue "what the data determine", docs/RESULTS.md): at a
 * period's fitted point, each parameter is swept across its box with the others held, and the
 * change of coverage, extent and distance is set against the chain-to-chain spread at the point;
 * and the parameters' trade-offs are read off the Fisher information of the local ice coverage of
 * a 3 × 3 grid of blocks and the extent, F = Dᵀ Σ⁻¹ D (D by central differences with common random
 * numbers, Σ the chains' variance of each measure), as the correlations of F's pseudo-inverse.
 */
public final class Sensitivity {
    /** Points of each sweep, box ends included. */
    public static final int POINTS = 5;
    private static final int BLOCKS = 3;

    /**
     * One point of a sweep.
     *
     * @param parameter index into J, B0, Bx, By, I
     */
    public record Point(int parameter, double value, double coverage, double extent, double distance) {
    }

    /**
     * One period's analysis.
     *
     * @param sweeps       POINTS per parameter, parameter order
     * @param coverageSd   chain-to-chain sd of coverage at the point
     * @param extentSd     that of extent
     * @param distanceSd   that of the distance
     * @param correlation  5 × 5 correlations of the parameters' errors from the Fisher information
     * @param fisherSd     the Cramér–Rao sd of each parameter (the information of K chains' means)
     */
    public record Result(SemiMonthlyPeriod period, IsingParams params, List<Point> sweeps, double coverageSd, double extentSd,
                         double distanceSd, double[][] correlation, double[] fisherSd) {

        /**
         * Range of coverage over the sweep of parameter k, in chain sds (0 when the sweep does not
         * move it; infinite when it moves a measure the chains all agree on, as a full extent).
         */
        public double coverageRatio(int k) {
            return ratio(range(k, Point::coverage), coverageSd);
        }

        public double extentRatio(int k) {
            return ratio(range(k, Point::extent), extentSd);
        }

        public double distanceRatio(int k) {
            return ratio(range(k, Point::distance), distanceSd);
        }

        private static double ratio(double range, double sd) {
            return range == 0 ? 0 : range / sd;
        }

        private double range(int k, java.util.function.ToDoubleFunction<Point> f) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (Point p : sweeps) {
                if (p.parameter() == k) {
                    lo = Math.min(lo, f.applyAsDouble(p));
                    hi = Math.max(hi, f.applyAsDouble(p));
                }
            }
            return hi - lo;
        }
    }

    private Sensitivity() {
    }

    /** Analyses one observed period at {@code params} within {@code box}, K chains per point. */
    public static Result analyse(ObservedSeason.Pair pair, IsingParams params, ParameterBounds box, int chains, long seed,
                                 long stepsPer3600, int threads, ProgressMonitor monitor) {
        long steps = SemiMonthlyPeriod.stepsFor(pair.start().activeCount(), stepsPer3600);
        List<Lattice> atPoint = Ensemble.run(pair.start(), params, SimulationSettings.study(), steps, chains, seed, threads, monitor);
        double[][] measures = new double[chains][];
        double[] cov = new double[chains];
        double[] ext = new double[chains];
        double[] dist = new double[chains];
        for (int k = 0; k < chains; k++) {
            measures[k] = blockMeasures(atPoint.get(k));
            cov[k] = Measures.coverage(atPoint.get(k));
            ext[k] = Measures.extentFraction(atPoint.get(k));
            dist[k] = Measures.distance(atPoint.get(k), pair.end());
        }
        List<Point> sweeps = new ArrayList<>();
        int m = measures[0].length;
        double[][] derivative = new double[m][5];
        for (int q = 0; q < 5; q++) {
            for (int i = 0; i < POINTS; i++) {
                double v = box.lower(q) + (box.upper(q) - box.lower(q)) * i / (POINTS - 1);
                double[] s = mean(Ensemble.run(pair.start(), with(params, q, v), SimulationSettings.study(), steps, chains, seed, threads,
                        monitor), pair.end());
                sweeps.add(new Point(q, v, s[0], s[1], s[2]));
            }
            double h = 0.05 * (box.upper(q) - box.lower(q));
            double[] up = meanBlocks(Ensemble.run(pair.start(), with(params, q, params.toArray()[q] + h), SimulationSettings.study(), steps,
                    chains, seed, threads, monitor));
            double[] down = meanBlocks(Ensemble.run(pair.start(), with(params, q, params.toArray()[q] - h), SimulationSettings.study(),
                    steps, chains, seed, threads, monitor));
            for (int j = 0; j < m; j++) {
                derivative[j][q] = (up[j] - down[j]) / (2 * h);
            }
            monitor.progress(q + 1, 5, "swept " + IsingParams.NAMES[q]);
        }
        double[][] fisher = new double[5][5];
        for (int j = 0; j < m; j++) {
            double[] column = new double[chains];
            for (int k = 0; k < chains; k++) {
                column[k] = measures[k][j];
            }
            // the variance of a K-chain mean, floored so that a measure without noise does not claim infinite information
            double var = Math.max(Math.pow(Resimulation.sd(column), 2), 1e-8) / chains;
            for (int a = 0; a < 5; a++) {
                for (int b = 0; b < 5; b++) {
                    fisher[a][b] += derivative[j][a] * derivative[j][b] / var;
                }
            }
        }
        RealMatrix inverse = new SingularValueDecomposition(new Array2DRowRealMatrix(fisher)).getSolver().getInverse();
        double[][] corr = new double[5][5];
        double[] sd = new double[5];
        for (int a = 0; a < 5; a++) {
            sd[a] = Math.sqrt(Math.max(0, inverse.getEntry(a, a)));
        }
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 5; b++) {
                corr[a][b] = inverse.getEntry(a, b) / (sd[a] * sd[b]);
            }
        }
        return new Result(pair.period(), params, sweeps, Resimulation.sd(cov), Resimulation.sd(ext), Resimulation.sd(dist), corr, sd);
    }

    /**
     * Writes {@code sensitivity.csv} (every sweep point), {@code sensitivity_summary.csv} (per period
     * and parameter: the sweep's range of coverage, extent and distance in chain sds, the Fisher sd
     * and the correlations) and {@code sensitivity.md} (the same read across periods) into {@code dir}.
     */
    public static void write(Path dir, List<Result> results, String boxes) throws IOException {
        AtomicFiles.writeText(dir.resolve("sensitivity.csv"), w -> {
            w.write("period_start,parameter,value,coverage,extent,distance\n");
            for (Result r : results) {
                for (Point p : r.sweeps()) {
                    w.write(String.format(Locale.ROOT, "%s,%s,%.4f,%.3f,%.3f,%.5f%n", r.period().start(), IsingParams.NAMES[p.parameter()],
                            p.value(), 100 * p.coverage(), 100 * p.extent(), p.distance()));
                }
            }
        });
        AtomicFiles.writeText(dir.resolve("sensitivity_summary.csv"), w -> {
            w.write("period_start,parameter,value,coverage_range_sd,extent_range_sd,distance_range_sd,fisher_sd,"
                    + "corr_J,corr_B0,corr_Bx,corr_By,corr_I\n");
            for (Result r : results) {
                for (int k = 0; k < 5; k++) {
                    w.write(String.format(Locale.ROOT, "%s,%s,%.4f,%.2f,%.2f,%.2f,%.4g,%.3f,%.3f,%.3f,%.3f,%.3f%n", r.period().start(),
                            IsingParams.NAMES[k], r.params().toArray()[k], r.coverageRatio(k), r.extentRatio(k), r.distanceRatio(k),
                            r.fisherSd()[k], r.correlation()[k][0], r.correlation()[k][1], r.correlation()[k][2], r.correlation()[k][3],
                            r.correlation()[k][4]));
                }
            }
        });
        AtomicFiles.writeText(dir.resolve("sensitivity.md"), w -> w.write(markdown(results, boxes)));
    }

    static String markdown(List<Result> results, String boxes) {
        StringBuilder md = new StringBuilder("# What the observations determine\n\n");
        md.append(String.format(Locale.ROOT, "%d periods, each parameter swept over the %s box in %d points with the others at the "
                + "period's fitted point. Ratios: the sweep's range of the measure over the chain-to-chain sd at the point (median "
                + "over periods, min..max).%n%n", results.size(), boxes, POINTS));
        md.append("| parameter | coverage range / sd | extent range / sd | distance range / sd | Fisher sd (median) |\n|---|---|---|---|---:|\n");
        for (int k = 0; k < 5; k++) {
            int q = k;
            md.append("| ").append(IsingParams.NAMES[k]).append(" | ")
                    .append(spread(results.stream().mapToDouble(r -> r.coverageRatio(q)).toArray())).append(" | ")
                    .append(spread(results.stream().mapToDouble(r -> r.extentRatio(q)).toArray())).append(" | ")
                    .append(spread(results.stream().mapToDouble(r -> r.distanceRatio(q)).toArray())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.3g", median(results.stream().mapToDouble(r -> r.fisherSd()[q]).toArray())))
                    .append(" |\n");
        }
        md.append("\nTrade-offs: correlation of the parameters' errors from the Fisher information of the 3 x 3 block coverages and "
                + "the extent (median over periods, min..max).\n\n| | J | B0 | Bx | By | I |\n|---|---|---|---|---|---|\n");
        for (int a = 0; a < 5; a++) {
            md.append("| ").append(IsingParams.NAMES[a]);
            for (int b = 0; b < 5; b++) {
                int x = a;
                int y = b;
                md.append(" | ").append(a == b ? "1" : spread(results.stream().mapToDouble(r -> r.correlation()[x][y]).toArray()));
            }
            md.append(" |\n");
        }
        return md.toString();
    }

    private static String spread(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "%.2f (%.2f..%.2f)", median(v), s[0], s[s.length - 1]);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static IsingParams with(IsingParams p, int k, double v) {
        double[] a = p.toArray();
        a[k] = v;
        return IsingParams.fromArray(a);
    }

    /** Mean coverage, extent and distance to {@code observed} of the chains. */
    private static double[] mean(List<Lattice> ends, Lattice observed) {
        double[] s = new double[3];
        for (Lattice l : ends) {
            s[0] += Measures.coverage(l) / ends.size();
            s[1] += Measures.extentFraction(l) / ends.size();
            s[2] += Measures.distance(l, observed) / ends.size();
        }
        return s;
    }

    private static double[] meanBlocks(List<Lattice> ends) {
        double[] s = new double[BLOCKS * BLOCKS + 1];
        for (Lattice l : ends) {
            double[] b = blockMeasures(l);
            for (int j = 0; j < s.length; j++) {
                s[j] += b[j] / ends.size();
            }
        }
        return s;
    }

    /** Ice coverage of each block of a 3 × 3 grid over the lattice (row-major), then the extent. */
    static double[] blockMeasures(Lattice l) {
        double[] sum = new double[BLOCKS * BLOCKS];
        int[] n = new int[BLOCKS * BLOCKS];
        for (int r = 0; r < l.rows(); r++) {
            for (int c = 0; c < l.cols(); c++) {
                int i = l.index(r, c);
                if (l.isActive(i)) {
                    int b = (r * BLOCKS / l.rows()) * BLOCKS + c * BLOCKS / l.cols();
                    sum[b] += l.concentration(i);
                    n[b]++;
                }
            }
        }
        double[] out = new double[BLOCKS * BLOCKS + 1];
        for (int b = 0; b < sum.length; b++) {
            out[b] = n[b] == 0 ? 0 : sum[b] / n[b];
        }
        out[BLOCKS * BLOCKS] = Measures.extentFraction(l);
        return out;
    }
}
