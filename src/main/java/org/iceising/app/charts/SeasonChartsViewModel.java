package org.iceising.app.charts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.concurrent.Task;
import org.iceising.data.FocusArea;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.Measures;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;
import org.iceising.app.controls.Figure;
import org.iceising.app.parameters.ParametersViewModel;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.app.task.MonitoredTask;
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
    private final Executor background;
    private final ObservableMap<LocalDate, CsvExport.SeriesPoint> observed = FXCollections.observableMap(new TreeMap<>());
    private final ObservableMap<LocalDate, CsvExport.SeriesPoint> simulated = FXCollections.observableMap(new TreeMap<>());
    private final ReadOnlyObjectWrapper<Task<?>> running = new ReadOnlyObjectWrapper<>(this, "running");
    private final BooleanBinding busy = running.isNotNull();
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private long generation;

    public SeasonChartsViewModel(SeasonViewModel season, ParametersViewModel parameters, Executor background) {
        this.season = season;
        this.parameters = parameters;
        this.background = background;
        season.yearProperty().addListener((o, a, b) -> refresh());
        season.focusAreaProperty().addListener((o, a, b) -> refresh());
        season.catalogueProperty().addListener((o, a, b) -> refresh());
    }

    /** Recomputes the observed series and forgets simulated ones (they belong to another season or area). */
    private void refresh() {
        cancel();
        simulated.clear();
        observed.clear();
        note.set("");
        List<LocalDate> dates = season.seasonDates();
        FocusArea area = season.focusAreaProperty().get();
        if (dates.isEmpty() || season.catalogueProperty().get() == null) {
            return;
        }
        long g = ++generation;
        MonitoredTask<List<CsvExport.SeriesPoint>> task = new MonitoredTask<>("Observed coverage and extent", m -> {
            List<CsvExport.SeriesPoint> out = new ArrayList<>();
            int k = 0;
            for (LocalDate d : dates) {
                m.checkCancelled();
                if (season.isPresent(d)) {
                    Lattice l = area.lattice(season.grid(d, area));
                    out.add(new CsvExport.SeriesPoint(d, Measures.coverage(l), Measures.extentFraction(l)));
                }
                m.progress(++k, dates.size(), "reading " + d);
            }
            return out;
        });
        task.setOnSucceeded(e -> {
            if (g == generation) {
                for (CsvExport.SeriesPoint p : task.getValue()) {
                    observed.put(p.date(), p);
                }
            }
        });
        task.setOnFailed(e -> note.set("Could not read the observations: " + task.getException().getMessage()));
        background.execute(task);
    }

    /**
     * Simulates every period that has an observed start, in the background, with its own
     * parameters if it has some and the current ones otherwise; a period whose start has no file
     * is skipped and named in the note.
     */
    public void runSeason() {
        if (busy.get()) {
            return;
        }
        List<SemiMonthlyPeriod> periods = List.copyOf(season.periods());
        FocusArea area = season.focusAreaProperty().get();
        IsingParams params = parameters.params();
        Map<SemiMonthlyPeriod, IsingParams> own = new TreeMap<>(parameters.perPeriod());
        SimulationSettings settings = parameters.settings();
        long steps = parameters.stepsPer3600Property().get();
        long seed = parameters.seedProperty().get();
        List<LocalDate> skipped = new ArrayList<>();
        MonitoredTask<List<SeasonRun.Result>> task = new MonitoredTask<>("Run season", m -> {
            List<SeasonRun.Start> starts = new ArrayList<>();
            for (SemiMonthlyPeriod p : periods) {
                if (season.isPresent(p.start())) {
                    Lattice l = area.lattice(season.grid(p.start(), area));
                    if (l.activeCount() > 0) {
                        starts.add(new SeasonRun.Start(p, l, own.getOrDefault(p, params)));
                        continue;
                    }
                }
                skipped.add(p.start());
            }
            return SeasonRun.run(starts, settings, steps, seed, m);
        });
        simulated.clear();
        running.set(task);
        long ownCount = periods.stream().filter(own::containsKey).count();
        String with = ownCount == 0 ? "with " + ParametersViewModel.describe(params, settings)
                : ownCount == periods.size() ? "with their own predicted parameters"
                : "(" + ownCount + " with their own predicted parameters, the others with " + ParametersViewModel.describe(params, settings) + ")";
        note.set("Simulating " + periods.size() + " periods " + with);
        task.setOnSucceeded(e -> {
            running.set(null);
            for (SeasonRun.Result r : task.getValue()) {
                simulated.put(r.period().end(), new CsvExport.SeriesPoint(r.period().end(), r.coverage(), r.extent()));
            }
            note.set("Simulated " + task.getValue().size() + " periods " + with
                    + (skipped.isEmpty() ? "" : "; skipped (no observed start): " + skipped));
        });
        task.setOnCancelled(e -> {
            running.set(null);
            note.set("Season run cancelled");
        });
        task.setOnFailed(e -> {
            running.set(null);
            note.set("Season run failed: " + task.getException().getMessage());
        });
        background.execute(task);
    }

    /** Cancels a season run in progress. */
    public void cancel() {
        Task<?> t = running.get();
        if (t != null) {
            t.cancel();
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

    /** The season run in progress, or null. */
    public ReadOnlyObjectProperty<Task<?>> runningProperty() {
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
