package org.iceising.learn;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.iceising.data.AtomicFiles;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.Measures;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;

/**
 * The study's protocol as one resumable run (docs/decisions/0007-reproduce-objective-and-boxes.md):
 * generate a training set from the observed starts → train a network → calibrate its and the
 * refinement's 90 % intervals on held-out synthetic samples → predict every period observed at both
 * ends → refine each prediction by a short CMA-ES search of {@link DirectFitter.Goal#iceAmounts()} →
 * re-simulate each period with K chains → report (table, figures, report.md). Each stage writes its
 * output under the run's folder and is skipped when that output is already complete, so a long run
 * can span several sittings; training keeps its network after every epoch in
 * {@code train-checkpoint.zip} and resumes after the last whole epoch. {@code stages.csv} keeps the
 * time each stage took in the sitting that completed it.
 */
public final class Reproduction {
    /** Nominal coverage of the parameter intervals. */
    public static final double LEVEL = 0.9;
    /** The stages, in order. */
    public static final List<String> STAGES = List.of("generate", "train", "calibrate", "predict", "refine", "resimulate", "report");
    /** The figures a finished run holds in its folder, in the report's order (Figures 3, 4, 5, 6 and Table 1). */
    public static final List<String> FIGURES = ReproductionReport.FIGURES;
    /** The columns of {@code table.csv}. */
    public static final String TABLE_HEADER = "period_start,period_end,regime,J,B0,Bx,By,I,J_sd,B0_sd,Bx_sd,By_sd,I_sd,"
            + "coverage_obs,coverage_sim,coverage_sim_sd,coverage_persistence,extent_obs,extent_sim,extent_sim_sd,"
            + "extent_persistence,distance_sim,distance_ensemble,distance_persistence,distance_shift";

    /** How much work: the study's or a quick version of it. */
    public enum Scale {
        /** 13 × 800 samples, 2 epochs, 16 held-out samples refined for the intervals: minutes on two cores. */
        QUICK(800, 2, 0.05, 16),
        /** The study's 13 × 10,000 samples and 20 epochs (1 % held out). */
        STUDY(10_000, 20, 0.01, 120);

        final int samples;
        final int epochs;
        final double validation;
        final int calibrationSamples;

        Scale(int samples, int epochs, double validation, int calibrationSamples) {
            this.samples = samples;
            this.epochs = epochs;
            this.validation = validation;
            this.calibrationSamples = calibrationSamples;
        }

        /** Training samples per period. */
        public int samples() {
            return samples;
        }

        /** Training epochs. */
        public int epochs() {
            return epochs;
        }
    }

    /**
     * One run's settings.
     *
     * @param samples            training samples per period
     * @param epochs             training epochs
     * @param validation         share of the samples held out (intervals are calibrated on them)
     * @param calibrationSamples held-out samples refined to calibrate the refinement's intervals
     * @param network            the network's name
     * @param boxes              name of the boxes (wide or study)
     * @param bounds             the boxes: training draws, predictions and refinement stay inside
     * @param refine             the refinement's CMA-ES settings (chains per evaluation, budget, population, σ)
     * @param chains             K, chains per re-simulated period
     * @param seed               seeds everything
     * @param threads            threads for the chains
     */
    public record Config(int samples, int epochs, double validation, int calibrationSamples, String network, String boxes,
                         SeasonBounds bounds, DirectFitter.Config refine, int chains, long seed, int threads) {
        public Config {
            if (samples < 2 || epochs < 1 || chains < 1 || calibrationSamples < 1) {
                throw new IllegalArgumentException("need >= 2 samples, >= 1 epoch, >= 1 chain and >= 1 calibration sample, got "
                        + samples + ", " + epochs + ", " + chains + ", " + calibrationSamples);
            }
        }

        /** The shipped settings for a scale: wide boxes, the study's CNN, K = 8, refinement with 1,000 evaluations. */
        public static Config of(Scale scale, String network, String boxes, SeasonBounds bounds, int chains, long seed, long stepsPer3600,
                                int threads) {
            return new Config(scale.samples, scale.epochs, scale.validation, scale.calibrationSamples, network, boxes, bounds,
                    new DirectFitter.Config(4, 1000, 20, 0.3, seed, stepsPer3600, SimulationSettings.study()), chains, seed, threads);
        }

        /** What must agree for a folder's earlier stages to be reused. */
        String fingerprint() {
            return String.format(Locale.ROOT, "samples=%d epochs=%d validation=%s calibration=%d network=%s boxes=%s melt=%s freeze=%s "
                            + "refine=%d/%d/%d/%s chains=%d seed=%d steps=%d",
                    samples, epochs, validation, calibrationSamples, network, boxes, bounds.melt(), bounds.freeze(), refine.seeds(),
                    refine.maxEvaluations(), refine.populationSize(), refine.sigma(), chains, seed, refine.stepsPer3600());
        }
    }

    /** Hears which stage runs or is skipped. */
    public interface Listener {
        void stage(String name, boolean skipped, double seconds);
    }

    /**
     * One re-simulated period, a row of {@code table.csv}.
     *
     * @param sd        the parameters' spread (the refinement's calibrated 90 % half-width / 1.645)
     * @param simulated the K chains' ends at the point estimate
     */
    public record Row(SemiMonthlyPeriod period, IsingParams params, double[] sd,
                      double coverageObs, double coverageSim, double coverageSimSd, double coveragePersistence,
                      double extentObs, double extentSim, double extentSimSd, double extentPersistence,
                      double distanceSim, double distanceEnsemble, double distancePersistence, double distanceShift,
                      ObservedSeason.Pair observed, List<Lattice> simulated) {

        String csv() {
            double[] p = params.toArray();
            return String.format(Locale.ROOT, "%s,%s,%s,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,"
                            + "%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.5f,%.5f,%.5f,%.5f",
                    period.start(), period.end(), period.isMelting() ? "melt" : "freeze", p[0], p[1], p[2], p[3], p[4],
                    sd[0], sd[1], sd[2], sd[3], sd[4],
                    100 * coverageObs, 100 * coverageSim, 100 * coverageSimSd, 100 * coveragePersistence,
                    100 * extentObs, 100 * extentSim, 100 * extentSimSd, 100 * extentPersistence,
                    distanceSim, distanceEnsemble, distancePersistence, distanceShift);
        }
    }

    private final ObservedSeason season;
    private final Path dir;
    private final Config config;
    private final ProgressMonitor monitor;
    private final Map<String, String> stageTimes = new LinkedHashMap<>();

    private Reproduction(ObservedSeason season, Path dir, Config config, ProgressMonitor monitor) {
        this.season = season;
        this.dir = dir;
        this.config = config;
        this.monitor = monitor;
    }

    /**
     * Runs (or resumes) the protocol on {@code season} in {@code dir}.
     *
     * @param sources the data file behind each observed date, for the report's provenance
     * @return the re-simulated periods
     * @throws IllegalArgumentException if no period is observed at both ends, or {@code dir} holds a run with other settings
     */
    public static List<Row> run(ObservedSeason season, Map<LocalDate, String> sources, Path dir, Config config, Listener listener,
                                ProgressMonitor monitor) throws IOException {
        if (season.observedPeriods().isEmpty()) {
            throw new IllegalArgumentException("no period of the " + season.season().start().getYear() + " season is observed at both ends"
                    + " (missing: " + season.missing() + ")");
        }
        Reproduction r = new Reproduction(season, dir, config, monitor);
        r.checkSettings();
        r.readStageTimes();
        Path set = dir.resolve("set");
        Path model = dir.resolve("model.zip");
        Path intervals = dir.resolve("intervals.csv");
        Path predicted = dir.resolve("predicted.csv");
        Path refined = dir.resolve("refined.csv");
        Path table = dir.resolve("table.csv");
        Path report = dir.resolve("report.md");
        r.stage("generate", r.setComplete(set), listener, () -> r.generate(set));
        r.stage("train", Files.isRegularFile(model), listener, () -> r.train(set, model));
        r.stage("calibrate", Files.isRegularFile(intervals), listener, () -> r.calibrate(set, model, intervals));
        r.stage("predict", Files.isRegularFile(predicted), listener, () -> ParamsFile.write(predicted,
                SeasonEvaluation.predict(InverseModel.load(model), season)));
        r.stage("refine", Files.isRegularFile(refined), listener, () -> ParamsFile.write(refined, r.refine(ParamsFile.read(predicted))));
        List<List<Row>> rows = new ArrayList<>();
        r.stage("resimulate", Files.isRegularFile(table), listener, () -> {
            rows.add(r.resimulate(ParamsFile.read(refined), IntervalsFile.read(intervals).get("refined")));
            r.writeTable(table, rows.get(0));
        });
        if (rows.isEmpty()) {
            rows.add(r.resimulate(ParamsFile.read(refined), IntervalsFile.read(intervals).get("refined")));
        }
        r.stage("report", Files.isRegularFile(report), listener, () -> ReproductionReport.write(dir, season, sources, r.describe(),
                rows.get(0), IntervalsFile.read(intervals), r.stageTimes));
        return rows.get(0);
    }

    /** One line: mean and worst coverage and extent errors, and how often the distance beats persistence and the shift. */
    public static String summary(List<Row> rows) {
        return ReproductionReport.summary(rows);
    }

    private interface Work {
        void run() throws IOException;
    }

    private void stage(String name, boolean done, Listener listener, Work work) throws IOException {
        if (done) {
            listener.stage(name, true, 0);
            return;
        }
        long t0 = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        stageTimes.put(name, String.format(Locale.ROOT, "%.1f", seconds));
        writeStageTimes();
        listener.stage(name, false, seconds);
    }

    private void checkSettings() throws IOException {
        Path file = dir.resolve("settings.txt");
        String mine = config.fingerprint() + " " + observedFingerprint(season);
        if (Files.isRegularFile(file)) {
            String theirs = Files.readString(file).trim();
            if (!theirs.equals(mine)) {
                throw new IllegalArgumentException(dir + " holds a reproduction with other settings (" + theirs
                        + "); use another folder or the same settings");
            }
        } else {
            AtomicFiles.writeText(file, w -> w.write(mine + "\n"));
        }
    }

    /**
     * What the run was made from: the season and a checksum of every observed boundary lattice
     * (its date, size, mask and spins), so a folder of another season, focus area or data is
     * refused rather than resumed with its training and predictions.
     */
    static String observedFingerprint(ObservedSeason observed) {
        CRC32 crc = new CRC32();
        ByteBuffer b = ByteBuffer.allocate(Long.BYTES);
        for (Map.Entry<LocalDate, Lattice> e : observed.lattices().entrySet()) {
            Lattice l = e.getValue();
            crc.update(e.getKey().toString().getBytes(StandardCharsets.US_ASCII));
            crc.update(b.clear().putInt(l.rows()).putInt(l.cols()).array());
            for (int i = 0; i < l.size(); i++) {
                crc.update(b.clear().putLong(l.isActive(i) ? Double.doubleToLongBits(l.spin(i)) : -1L).array());
            }
        }
        return String.format(Locale.ROOT, "season=%s..%s observed=%08x", observed.season().start(), observed.season().end(), crc.getValue());
    }

    private void readStageTimes() throws IOException {
        stageTimes.putAll(stageTimes(dir));
    }

    /** The seconds each stage took when it ran, as {@code stages.csv} in a run's folder keeps them (empty if it has none). */
    public static Map<String, String> stageTimes(Path dir) throws IOException {
        Map<String, String> times = new LinkedHashMap<>();
        Path file = dir.resolve("stages.csv");
        if (Files.isRegularFile(file)) {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split(",");
                if (c.length == 2) {
                    times.put(c[0], c[1]);
                }
            }
        }
        return times;
    }

    private void writeStageTimes() throws IOException {
        AtomicFiles.writeText(dir.resolve("stages.csv"), w -> {
            w.write("stage,seconds\n");
            for (String s : STAGES) {
                if (stageTimes.containsKey(s)) {
                    w.write(s + "," + stageTimes.get(s) + "\n");
                }
            }
        });
    }

    private boolean setComplete(Path set) {
        for (SemiMonthlyPeriod p : season.starts().keySet()) {
            Path f = TrainingSetGenerator.fileFor(set, p);
            if (!Files.isRegularFile(f)) {
                return false;
            }
            try (TrainingSetFile file = TrainingSetFile.open(f)) {
                if (!file.isComplete()) {
                    return false;
                }
            }
        }
        return true;
    }

    private void generate(Path set) {
        new TrainingSetGenerator(new TrainingSetGenerator.Settings(config.samples(), config.seed(), config.refine().stepsPer3600(),
                config.bounds(), SimulationSettings.study()), config.threads()).generate(season.starts(), set, stage("generating"));
    }

    private void train(Path set, Path model) throws IOException {
        try (TrainingSet data = TrainingSet.open(set)) {
            Network network = Network.parse(config.network());
            CnnTrainer.Config c = new CnnTrainer.Config(network.architecture(), config.epochs(), network.defaultBatchSize(), config.validation(),
                    network.defaultLearningRate(), config.seed(), null);
            Path checkpoint = dir.resolve("train-checkpoint.zip");
            CnnTrainer.train(data, c, checkpoint, stage("training"), CnnTrainer.Listener.NONE).model().save(model);
            Files.deleteIfExists(checkpoint);
        }
    }

    /**
     * The network's intervals from its held-out samples (calibrated on one half, their coverage
     * checked on the other, then calibrated on all), and the refinement's from
     * {@code calibrationSamples} held-out samples refined like an observed period.
     */
    private void calibrate(Path set, Path modelFile, Path out) throws IOException {
        InverseModel model = InverseModel.load(modelFile);
        Map<String, IntervalsFile.Entry> entries = new LinkedHashMap<>();
        try (TrainingSet data = TrainingSet.open(set)) {
            int[] heldOut = data.split(model.metadata().validationFraction(), model.metadata().trainerSeed()).heldOut();
            List<IsingParams> truth = new ArrayList<>();
            List<Lattice> starts = new ArrayList<>();
            List<Lattice> ends = new ArrayList<>();
            List<SemiMonthlyPeriod> periods = new ArrayList<>();
            for (int i : heldOut) {
                TrainingSetFile f = data.fileOf(i);
                truth.add(f.params(data.localIndex(i)));
                starts.add(f.header().start());
                ends.add(f.end(data.localIndex(i)));
                periods.add(f.header().period());
            }
            List<IsingParams> predicted = new ArrayList<>();
            for (int from = 0; from < starts.size(); from += 100) {
                int to = Math.min(starts.size(), from + 100);
                predicted.addAll(model.predict(starts.subList(from, to), ends.subList(from, to)));
            }
            int half = truth.size() / 2;
            PredictionIntervals firstHalf = PredictionIntervals.calibrate(truth.subList(0, half), predicted.subList(0, half), LEVEL);
            double[] check = firstHalf.coverage(truth.subList(half, truth.size()), predicted.subList(half, predicted.size()));
            entries.put("network", new IntervalsFile.Entry(PredictionIntervals.calibrate(truth, predicted, LEVEL), check));
            int m = Math.min(config.calibrationSamples(), truth.size());
            List<IsingParams> refinedTruth = new ArrayList<>();
            List<IsingParams> refined = new ArrayList<>();
            ProgressMonitor progress = stage("calibrating the refinement");
            for (int k = 0; k < m; k++) {
                int i = (int) ((long) k * truth.size() / m);
                ParameterBounds box = config.bounds().forPeriod(periods.get(i));
                refinedTruth.add(truth.get(i));
                refined.add(DirectFitter.fit(starts.get(i), ends.get(i), box, box.clamp(predicted.get(i)), DirectFitter.Goal.iceAmounts(),
                        config.refine(), config.threads(), cancelOnly()).params());
                progress.progress(k + 1, m, "refined held-out sample " + (k + 1) + " of " + m);
            }
            entries.put("refined", new IntervalsFile.Entry(PredictionIntervals.calibrate(refinedTruth, refined, LEVEL), null));
        }
        IntervalsFile.write(out, entries);
    }

    private SortedMap<SemiMonthlyPeriod, IsingParams> refine(SortedMap<SemiMonthlyPeriod, IsingParams> guesses) {
        SortedMap<SemiMonthlyPeriod, IsingParams> out = new TreeMap<>();
        ProgressMonitor progress = stage("refining");
        for (Map.Entry<SemiMonthlyPeriod, IsingParams> e : guesses.entrySet()) {
            ObservedSeason.Pair pair = season.pair(e.getKey());
            ParameterBounds box = config.bounds().forPeriod(e.getKey());
            out.put(e.getKey(), DirectFitter.fit(pair.start(), pair.end(), box, box.clamp(e.getValue()), DirectFitter.Goal.iceAmounts(),
                    config.refine(), config.threads(), cancelOnly()).params());
            progress.progress(out.size(), guesses.size(), "refined " + e.getKey());
        }
        return out;
    }

    /**
     * Re-simulates each period ({@link Resimulation}): K chains at the point estimate, and K chains
     * each at its own parameters drawn from the spread (normal, limited to the box), whose ends'
     * spread combines chain noise and parameter spread.
     */
    List<Row> resimulate(SortedMap<SemiMonthlyPeriod, IsingParams> params, IntervalsFile.Entry refined) {
        double[] sd = refined.intervals().sd();
        SeasonEvaluation.Result eval = SeasonEvaluation.evaluate(season, params, config.chains(), config.seed(),
                config.refine().stepsPer3600(), SimulationSettings.study(), config.threads(), stage("re-simulating"));
        List<Row> rows = new ArrayList<>();
        for (SeasonEvaluation.Period p : eval.periods()) {
            ObservedSeason.Pair pair = p.observed();
            Resimulation.Spread spread = Resimulation.drawn(pair.start(), p.period(), p.params(), sd, config.bounds().forPeriod(p.period()),
                    config.chains(), config.seed(), config.refine().stepsPer3600(), SimulationSettings.study(), monitor);
            rows.add(new Row(p.period(), p.params(), sd, p.coverageObserved(), p.coverageSimulated(), spread.coverageSd(), p.coverageStart(),
                    p.extentObserved(), p.extentSimulated(), spread.extentSd(), p.extentStart(),
                    p.distanceSimulated(), Measures.distance(Resimulation.mean(p.simulated()), pair.end()), p.distancePersistence(),
                    Measures.distance(Baselines.shifted(pair.start(), p.coverageObserved()), pair.end()), pair, p.simulated()));
        }
        return rows;
    }

    private void writeTable(Path table, List<Row> rows) throws IOException {
        AtomicFiles.writeText(table, w -> {
            w.write(TABLE_HEADER + "\n");
            for (Row r : rows) {
                w.write(r.csv() + "\n");
            }
        });
    }

    private Map<String, String> describe() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("season", season.season().start() + " .. " + season.season().end());
        d.put("periods observed at both ends", Integer.toString(season.observedPeriods().size()));
        d.put("training samples per period", Integer.toString(config.samples()));
        d.put("epochs", Integer.toString(config.epochs()));
        d.put("held out", String.format(Locale.ROOT, "%.0f %%", 100 * config.validation()));
        d.put("network", config.network());
        d.put("boxes", config.boxes() + " (melt " + config.bounds().melt() + "; freeze " + config.bounds().freeze() + ")");
        d.put("refinement", String.format(Locale.ROOT, "CMA-ES from the network's answer, %d evaluations of %d chains, population %d, "
                        + "sigma %.2f; objective: distance + %.0f x (coverage error beyond %.1f pp + extent error beyond %.1f pp)",
                config.refine().maxEvaluations(), config.refine().seeds(), config.refine().populationSize(), config.refine().sigma(),
                DirectFitter.Goal.iceAmounts().weight(), 100 * DirectFitter.Goal.iceAmounts().coverageTolerance(),
                100 * DirectFitter.Goal.iceAmounts().extentTolerance()));
        d.put("held-out samples refined for the intervals", Integer.toString(config.calibrationSamples()));
        d.put("chains per re-simulated period (K)", Integer.toString(config.chains()));
        d.put("seed", Long.toString(config.seed()));
        d.put("Metropolis steps per period per 3,600 cells", Long.toString(config.refine().stepsPer3600()));
        return d;
    }

    /** The run's monitor for inner work whose progress the stage reports itself: it passes only a cancel. */
    private ProgressMonitor cancelOnly() {
        return new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
            }

            @Override
            public boolean isCancelled() {
                return monitor.isCancelled();
            }
        };
    }

    private ProgressMonitor stage(String what) {
        return new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
                monitor.progress(done, total, what + ": " + message);
            }

            @Override
            public boolean isCancelled() {
                return monitor.isCancelled();
            }
        };
    }
}
