package org.iceising.app.charts;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.iceising.app.controls.Numbers;
import org.iceising.app.task.Job;
import org.iceising.app.task.JobRunner;
import org.iceising.data.FocusArea;
import org.iceising.data.GridCache;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.Measures;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;
import org.iceising.app.parameters.ParametersViewModel;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.learn.ParameterBounds;
import org.iceising.learn.ParamsFile;
import org.iceising.learn.Resimulation;
import org.iceising.model.Ensemble;

/**
 * The season's ice coverage and extent in the focus area (the study's Figure 6): observed on every
 * period boundary that has a file, and simulated at every period's end from that period's observed
 * start by "Run season", a cancellable background task, with the period's own parameters where it
 * has some (a prediction's or a loaded table's) and the knobs' values elsewhere: the mean of K
 * chains with their spread, and where the parameters carry a spread the combined spread too.
 */
public final class SeasonChartsViewModel {
    /** Chains per period by default, as a reproduction's K. */
    public static final int DEFAULT_CHAINS = 8;
    /** The most chains per period offered. */
    public static final int MAX_CHAINS = 64;

    private final SeasonViewModel season;
    private final ParametersViewModel parameters;
    private final JobRunner runner;
    private Job<?> observedJob;
    private final ObservableMap<LocalDate, CsvExport.SeriesPoint> observed = FXCollections.observableMap(new TreeMap<>());
    private final ObservableMap<LocalDate, CsvExport.SeriesPoint> simulated = FXCollections.observableMap(new TreeMap<>());
    private final ObservableMap<LocalDate, Lattice> simulatedEnds = FXCollections.observableMap(new TreeMap<>());
    private final ObservableMap<LocalDate, CsvExport.Band> bands = FXCollections.observableMap(new TreeMap<>());
    private final IntegerProperty chains = new SimpleIntegerProperty(this, "chains", DEFAULT_CHAINS);
    private final ReadOnlyObjectWrapper<Job<?>> running = new ReadOnlyObjectWrapper<>(this, "running");
    private final BooleanBinding busy = running.isNotNull();
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    
    public SeasonChartsViewModel(SeasonViewModel season, ParametersViewModel parameters, JobRunner runner) {
        this.season = season;
        this.parameters = parameters;
        this.runner = runner;
        chains.addListener((o, a, b) -> {
            int c = Math.max(1, Math.min(MAX_CHAINS, b.intValue()));
            if (c != b.intValue()) {
                chains.set(c);
            }
        });
        season.yearProperty().addListener((o, a, b) -> refresh());
        season.focusAreaProperty().addListener((o, a, b) -> refresh());
        season.catalogueProperty().addListener((o, a, b) -> refresh());
    }

    /** Recomputes the observed series and forgets simulated ones (they belong to another season or area). */
    private void refresh() {
        cancel();
        if (observedJob != null) {
            observedJob.cancel();
        }
        simulated.clear();
        simulatedEnds.clear();
        bands.clear();
        observed.clear();
        note.set("");
        List<LocalDate> dates = season.seasonDates();
        FocusArea area = season.focusAreaProperty().get();
        GridCache cache = season.cache();
        if (dates.isEmpty() || season.catalogueProperty().get() == null || cache == null) {
            return;
        }
        Job<SortedMap<LocalDate, Lattice>> job = Job.of("Observed coverage and extent", m -> cache.lattices(dates, area, m));
        observedJob = job;
        runner.run(job.onSuccess(lattices -> {
            if (observedJob == job) {
                lattices.forEach((d, l) -> observed.put(d, new CsvExport.SeriesPoint(d, Measures.coverage(l), Measures.extentFraction(l))));
            }
        }).onFailure(why -> note.set("Could not read the observations: " + why)));
    }

    /**
     * Simulates every period that has an observed start with K chains ({@link #chainsProperty}), in
     * the background, each with the parameters {@link ParametersViewModel#seasonParams} gives it:
     * the mean and spread of the K ends (chain noise), and where the period's parameters carry a
     * spread ({@link ParametersViewModel#perPeriodSpread}) the spread of K more chains at
     * parameters drawn from it (chain noise and parameter spread combined), both as
     * {@link Resimulation} computes them for the Learn tab and reproductions. A period whose start
     * has no file is skipped and named in the note.
     */
    public void runSeason() {
        GridCache cache = season.cache();
        if (busy.get() || cache == null) {
            return;
        }
        List<SemiMonthlyPeriod> periods = List.copyOf(season.periods());
        FocusArea area = season.focusAreaProperty().get();
        Map<SemiMonthlyPeriod, IsingParams> params = parameters.seasonParams(periods, season.periodProperty().get());
        Map<SemiMonthlyPeriod, double[]> spreads = new TreeMap<>(parameters.perPeriodSpread());
        SimulationSettings settings = parameters.settings();
        long steps = parameters.stepsPer3600Property().get();
        long seed = parameters.seedProperty().get();
        int k = chains.get();
        long ownCount = periods.stream().filter(parameters.perPeriod()::containsKey).count();
        long spreadCount = periods.stream().filter(spreads::containsKey).count();
        String with = (ownCount == 0 ? "with each regime's parameters (T=" + Numbers.trim(settings.temperature(), 3) + ")"
                : ownCount == periods.size() ? "with their own predicted parameters"
                : "(" + ownCount + " with their own predicted parameters, the others with their regime's)")
                + ", " + k + (k == 1 ? " chain" : " chains") + " each"
                + (spreadCount == 0 ? "" : "; " + spreadCount + " with their parameters' spread");
        List<LocalDate> skipped = new ArrayList<>();
        simulated.clear();
        simulatedEnds.clear();
        bands.clear();
        note.set("Simulating " + periods.size() + " periods " + with);
        Job<List<Simulated>> job = Job.of("Run season", m -> {
            SortedMap<LocalDate, Lattice> startLattices = cache.lattices(periods.stream().map(SemiMonthlyPeriod::start).toList(), area,
                    ProgressMonitor.NONE);
            List<Simulated> out = new ArrayList<>();
            int done = 0;
            for (SemiMonthlyPeriod p : periods) {
                Lattice l = startLattices.get(p.start());
                if (l != null && l.activeCount() > 0) {
                    out.add(simulate(p, l, params.get(p), spreads.get(p), k, seed, steps, settings, m));
                } else {
                    skipped.add(p.start());
                }
                m.progress(++done, periods.size(), "period " + p);
            }
            return out;
        });
        running.set(job);
        runner.run(job.onSuccess(results -> {
            running.set(null);
            for (Simulated r : results) {
                bands.put(r.point().date(), r.band());
            }
            for (Simulated r : results) {
                simulated.put(r.point().date(), r.point());
                simulatedEnds.put(r.point().date(), r.meanEnd());
            }
            note.set("Simulated " + results.size() + " periods " + with
                    + (skipped.isEmpty() ? "" : "; skipped (no observed start): " + skipped));
        }).onCancelled(() -> {
            running.set(null);
            note.set("Season run cancelled");
        }).onFailure(why -> {
            running.set(null);
            note.set("Season run failed: " + why);
        }));
    }

    /** One simulated period: the mean of its chains' ends (its measures and its cell-wise mean lattice) and their spreads. */
    private record Simulated(CsvExport.SeriesPoint point, CsvExport.Band band, Lattice meanEnd) {
    }

    private static Simulated simulate(SemiMonthlyPeriod p, Lattice start, IsingParams params, double[] spread, int k, long seed, long steps,
                                      SimulationSettings settings, ProgressMonitor m) {
        List<Lattice> ends = Resimulation.chains(start, p, params, k, seed, steps, settings, Ensemble.defaultThreads(), m);
        double[] cov = new double[ends.size()];
        double[] ext = new double[ends.size()];
        for (int i = 0; i < cov.length; i++) {
            cov[i] = Measures.coverage(ends.get(i));
            ext[i] = Measures.extentFraction(ends.get(i));
        }
        Resimulation.Spread combined = spread == null ? null
                : Resimulation.drawn(start, p, params, spread, ParameterBounds.wide(), k, seed, steps, settings, m);
        return new Simulated(new CsvExport.SeriesPoint(p.end(), mean(cov), mean(ext)),
                new CsvExport.Band(Resimulation.sd(cov), Resimulation.sd(ext), combined == null ? Double.NaN : combined.coverageSd(),
                        combined == null ? Double.NaN : combined.extentSd()), Resimulation.mean(ends));
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x / v.length;
        }
        return s;
    }

    private record Table(Map<SemiMonthlyPeriod, IsingParams> params, Map<SemiMonthlyPeriod, double[]> spreads) {
    }

    /**
     * Reads a parameter table (a predict or fit output, or a reproduction's {@code table.csv} with
     * its spreads) in the background, gives the open season's periods in it their parameters and
     * spreads, and runs the season with them.
     */
    public void loadTable(Path file) {
        if (busy.get()) {
            return;
        }
        List<SemiMonthlyPeriod> periods = List.copyOf(season.periods());
        Integer year = season.yearProperty().get();
        runner.run(Job.of("Reading " + file.getFileName(), m -> {
            SortedMap<SemiMonthlyPeriod, IsingParams> params = ParamsFile.read(file);
            SortedMap<SemiMonthlyPeriod, double[]> spreads = ParamsFile.readSpreads(file);
            params.keySet().retainAll(periods);
            if (params.isEmpty()) {
                throw new IllegalArgumentException(file.getFileName() + " has no period of the " + year + " season");
            }
            return new Table(params, spreads);
        }).onSuccess(table -> runWith(table.params(), table.spreads())).onFailure(why -> note.set("Could not read the parameters: " + why)));
    }

    /**
     * Gives the open season's periods these parameters and, where known, their spreads (the knobs
     * take the chosen period's) and runs the season with them in place of a run in progress.
     */
    public void runWith(Map<SemiMonthlyPeriod, IsingParams> params, Map<SemiMonthlyPeriod, double[]> spreads) {
        parameters.usePerPeriod(params, spreads, season.periodProperty().get());
        cancel();
        runSeason();
    }

    /** Cancels a season run in progress. */
    public void cancel() {
        Job<?> j = running.get();
        if (j != null) {
            j.cancel();
        }
    }

    /** The period a chart point stands for: a simulated point is its period's end; an observed point a period's start (the season's end: its last period). */
    public SemiMonthlyPeriod periodOf(LocalDate date, boolean simulatedPoint) {
        List<SemiMonthlyPeriod> ps = season.periods();
        for (SemiMonthlyPeriod p : ps) {
            if (simulatedPoint ? p.end().equals(date) : p.start().equals(date)) {
                return p;
            }
        }
        return !ps.isEmpty() && ps.get(ps.size() - 1).end().equals(date) ? ps.get(ps.size() - 1) : null;
    }

    /** The series as CSV (see {@link CsvExport#series}). */
    public String csv() {
        return CsvExport.series(season.seasonDates(), observed, simulated, bands);
    }

    /** The spreads of the simulated points by period end date (filled before {@link #simulated}). */
    public ObservableMap<LocalDate, CsvExport.Band> bands() {
        return bands;
    }

    /** K, chains per period (1 to {@link #MAX_CHAINS}; a value outside is brought inside). */
    public IntegerProperty chainsProperty() {
        return chains;
    }

    /** Observed coverage and extent by date. */
    public ObservableMap<LocalDate, CsvExport.SeriesPoint> observed() {
        return observed;
    }

    /** Simulated coverage and extent by period end date. */
    public ObservableMap<LocalDate, CsvExport.SeriesPoint> simulated() {
        return simulated;
    }

    /** The simulated end lattice of each period of the last season run (focus area as now), by period end date. */
    public ObservableMap<LocalDate, Lattice> simulatedEnds() {
        return simulatedEnds;
    }

    /** The season run in progress, or null. */
    public ReadOnlyObjectProperty<Job<?>> runningProperty() {
        return running.getReadOnlyProperty();
    }

    public BooleanBinding busyProperty() {
        return busy;
    }

    public BooleanBinding idleProperty() {
        return Bindings.not(busy);
    }

    /** What the simulated series were made with, or what went wrong. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }
}
