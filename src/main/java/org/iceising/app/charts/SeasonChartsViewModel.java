package org.iceising.app.charts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
import org.iceising.app.controls.Figure;
import org.iceising.app.parameters.ParametersViewModel;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.model.SeasonRun;

/**
 * The season's ice coverage and extent in the focus area (the study's Figure 6): observed on every
 * period boundary that has a file, and simulated at every period's end from that period's observed
 * start by "Run season", a cancellable background task, with the period's own parameters where it
 * has some (a prediction's) and the knobs' values elsewhere.
 */
public final class SeasonChartsViewModel {
    private final SeasonViewModel season;
    private final ParametersViewModel parameters;
    private final JobRunner runner;
    private Job<?> observedJob;
    private final ObservableMap<LocalDate, CsvExport.SeriesPoint> observed = FXCollections.observableMap(new TreeMap<>());
    private final ObservableMap<LocalDate, CsvExport.SeriesPoint> simulated = FXCollections.observableMap(new TreeMap<>());
    private final ObservableMap<LocalDate, Lattice> simulatedEnds = FXCollections.observableMap(new TreeMap<>());
    private final ReadOnlyObjectWrapper<Job<?>> running = new ReadOnlyObjectWrapper<>(this, "running");
    private final BooleanBinding busy = running.isNotNull();
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    
    public SeasonChartsViewModel(SeasonViewModel season, ParametersViewModel parameters, JobRunner runner) {
        this.season = season;
        this.parameters = parameters;
        this.runner = runner;
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
     * Simulates every period that has an observed start, in the background, each with the
     * parameters {@link ParametersViewModel#seasonParams} gives it; a period whose start has no
     * file is skipped and named in the note.
     */
    public void runSeason() {
        GridCache cache = season.cache();
        if (busy.get() || cache == null) {
            return;
        }
        List<SemiMonthlyPeriod> periods = List.copyOf(season.periods());
        FocusArea area = season.focusAreaProperty().get();
        Map<SemiMonthlyPeriod, IsingParams> params = parameters.seasonParams(periods, season.periodProperty().get());
        SimulationSettings settings = parameters.settings();
        long steps = parameters.stepsPer3600Property().get();
        long seed = parameters.seedProperty().get();
        long ownCount = periods.stream().filter(parameters.perPeriod()::containsKey).count();
        String with = ownCount == 0 ? "with each regime's parameters (T=" + Numbers.trim(settings.temperature(), 3) + ")"
                : ownCount == periods.size() ? "with their own predicted parameters"
                : "(" + ownCount + " with their own predicted parameters, the others with their regime's)";
        List<LocalDate> skipped = new ArrayList<>();
        simulated.clear();
        simulatedEnds.clear();
        note.set("Simulating " + periods.size() + " periods " + with);
        Job<List<SeasonRun.Result>> job = Job.of("Run season", m -> {
            SortedMap<LocalDate, Lattice> startLattices = cache.lattices(periods.stream().map(SemiMonthlyPeriod::start).toList(), area,
                    ProgressMonitor.NONE);
            List<SeasonRun.Start> starts = new ArrayList<>();
            for (SemiMonthlyPeriod p : periods) {
                Lattice l = startLattices.get(p.start());
                if (l != null && l.activeCount() > 0) {
                    starts.add(new SeasonRun.Start(p, l, params.get(p)));
                } else {
                    synchronized (skipped) {
                        skipped.add(p.start());
                    }
                }
            }
            return SeasonRun.run(starts, settings, steps, seed, m);
        });
        running.set(job);
        runner.run(job.onSuccess(results -> {
            running.set(null);
            for (SeasonRun.Result r : results) {
                simulated.put(r.period().end(), new CsvExport.SeriesPoint(r.period().end(), r.coverage(), r.extent()));
                simulatedEnds.put(r.period().end(), r.simulatedEnd());
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
        return CsvExport.series(season.seasonDates(), observed, simulated);
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
