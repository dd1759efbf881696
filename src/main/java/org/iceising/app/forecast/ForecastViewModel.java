package org.iceising.app.forecast;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import org.iceising.app.parameters.ParametersViewModel;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.app.task.Job;
import org.iceising.app.task.JobRunner;
import org.iceising.data.DataCatalogue;
import org.iceising.data.FocusArea;
import org.iceising.learn.Forecast;
import org.iceising.learn.ParamsFile;
import org.iceising.model.IsingParams;
import org.iceising.model.SemiMonthlyPeriod;

/**
 * The study's projection in the workbench ({@link Forecast}): from a day with a grid on disk, the
 * next periods run forward with the parameters of the same calendar periods of another year — a
 * parameter table (a predict or fit output, a reproduction's {@code table.csv}) or the periods' own
 * parameters of the season open now (the Learn tab's prediction) — with K chains, as a cancellable
 * background job; each period beside the observation, persistence and the analogue.
 */
public final class ForecastViewModel {
    /** Ten years of semi-monthly periods, as the command line allows. */
    public static final int MAX_PERIODS = 240;
    /** The most chains offered. */
    public static final int MAX_RUNS = 64;

    /** Where the parameters come from. */
    public enum Source {
        /** The periods' own parameters of the season open now (a prediction's). */
        SEASON,
        /** A parameter table on disk. */
        TABLE
    }

    private final SeasonViewModel season;
    private final ParametersViewModel parameters;
    private final JobRunner runner;
    private final ObservableList<LocalDate> starts = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> start = new SimpleObjectProperty<>(this, "start");
    private final IntegerProperty periods = new SimpleIntegerProperty(this, "periods", 6);
    private final IntegerProperty runs = new SimpleIntegerProperty(this, "runs", 8);
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(this, "source", Source.TABLE);
    private final ObjectProperty<Path> table = new SimpleObjectProperty<>(this, "table");
    private final ReadOnlyStringWrapper seasonSource = new ReadOnlyStringWrapper(this, "seasonSource", "");
    private final ObservableList<Forecast.Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Job<?>> running = new ReadOnlyObjectWrapper<>(this, "running");
    private final BooleanBinding busy = running.isNotNull();
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Forecast");

    /**
     * @param season     the data folder (its days with grids are the starts offered) and the focus area
     * @param parameters the seed, the steps per period, and the open season's own parameters per period
     * @param runner     runs the forecast
     */
    public ForecastViewModel(SeasonViewModel season, ParametersViewModel parameters, JobRunner runner) {
        this.season = season;
        this.parameters = parameters;
        this.runner = runner;
        clamp(periods, MAX_PERIODS);
        clamp(runs, MAX_RUNS);
        season.catalogueProperty().addListener((o, a, c) -> catalogueChanged(c));
        parameters.perPeriod().addListener((MapChangeListener<SemiMonthlyPeriod, IsingParams>) c -> describeSeasonSource());
        catalogueChanged(season.catalogueProperty().get());
        describeSeasonSource();
    }

    private static void clamp(IntegerProperty p, int max) {
        p.addListener((o, a, b) -> {
            int v = Math.max(1, Math.min(max, b.intValue()));
            if (v != b.intValue()) {
                p.set(v);
            }
        });
    }

    /** The 1st and 16th of each month with a grid in the folder; the start stays if still offered, else the first of them. */
    private void catalogueChanged(DataCatalogue c) {
        List<LocalDate> days = c == null ? List.of()
                : c.dates().stream().filter(d -> d.getDayOfMonth() == 1 || d.getDayOfMonth() == 16).toList();
        starts.setAll(days);
        if (start.get() == null || !days.contains(start.get())) {
            start.set(days.isEmpty() ? null : days.get(0));
        }
    }

    private void describeSeasonSource() {
        Map<SemiMonthlyPeriod, IsingParams> own = parameters.perPeriod();
        Integer year = season.yearProperty().get();
        seasonSource.set(own.isEmpty() ? "" : "the " + (year == null ? "open" : year) + " season's own parameters (" + own.size()
                + " periods)");
        if (own.isEmpty() && source.get() == Source.SEASON) {
            source.set(Source.TABLE);
        }
    }

    /**
     * Runs the forecast in the background with the seed and steps per period of the knobs; the
     * note says why not if something is missing, and what came of it.
     */
    public void run() {
        DataCatalogue catalogue = season.catalogueProperty().get();
        LocalDate from = start.get();
        if (busy.get()) {
            return;
        }
        if (catalogue == null || from == null) {
            note.set(catalogue == null ? "No data folder is open." : "The data folder has no grid on the 1st or 16th of a month to start from.");
            return;
        }
        Source s = source.get();
        Path file = table.get();
        if (s == Source.TABLE && file == null) {
            note.set("Choose a parameter table (a predict output or a reproduction's table.csv) first.");
            return;
        }
        SortedMap<SemiMonthlyPeriod, IsingParams> own = new TreeMap<>(parameters.perPeriod());
        if (s == Source.SEASON && own.isEmpty()) {
            note.set("The open season has no parameters of its own: predict them in the Learn tab, or choose a table.");
            return;
        }
        FocusArea area = season.focusAreaProperty().get();
        int n = periods.get();
        int k = runs.get();
        long seed = parameters.seedProperty().get();
        long steps = parameters.stepsPer3600Property().get();
        String with = s == Source.TABLE ? file.getFileName().toString() : seasonSource.get();
        rows.clear();
        title.set("Forecast");
        note.set("Forecasting " + n + " periods from " + from + " with " + with + ", " + k + " chains");
        Job<List<Forecast.Row>> job = Job.of("Forecast", m -> Forecast.run(catalogue, area, from, n,
                s == Source.TABLE ? ParamsFile.read(file) : own, k, seed, steps, m));
        running.set(job);
        runner.run(job.onSuccess(result -> {
            running.set(null);
            rows.setAll(result);
            title.set("Forecast from " + from + " with " + with + " (K = " + k + ", seed " + seed + ")");
            note.set("Forecast " + result.size() + " periods from " + from + " with " + with + ", " + k + " chains");
        }).onCancelled(() -> {
            running.set(null);
            note.set("Forecast cancelled");
        }).onFailure(why -> {
            running.set(null);
            note.set("Forecast failed: " + why);
        }));
    }

    /** Cancels a forecast in progress. */
    public void cancel() {
        Job<?> j = running.get();
        if (j != null) {
            j.cancel();
        }
    }

    /** The rows as {@code forecast --out} writes them. */
    public String csv() {
        return Forecast.csv(rows);
    }

    /** The 1st and 16th of each month with a grid in the open folder. */
    public ObservableList<LocalDate> starts() {
        return starts;
    }

    /** The observed day the forecast starts from. */
    public ObjectProperty<LocalDate> startProperty() {
        return start;
    }

    /** Periods to forecast, 1 to {@link #MAX_PERIODS}. */
    public IntegerProperty periodsProperty() {
        return periods;
    }

    /** K, chains, 1 to {@link #MAX_RUNS}. */
    public IntegerProperty runsProperty() {
        return runs;
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    /** The parameter table used when {@link #sourceProperty} is {@link Source#TABLE}. */
    public ObjectProperty<Path> tableProperty() {
        return table;
    }

    /** The open season's own parameters in words, "" when it has none (then only a table serves). */
    public ReadOnlyStringProperty seasonSourceProperty() {
        return seasonSource.getReadOnlyProperty();
    }

    /** The forecast periods of the last run, in order. */
    public ObservableList<Forecast.Row> rows() {
        return rows;
    }

    /** The forecast in progress, or null. */
    public ReadOnlyObjectProperty<Job<?>> runningProperty() {
        return running.getReadOnlyProperty();
    }

    public BooleanBinding busyProperty() {
        return busy;
    }

    public BooleanBinding idleProperty() {
        return Bindings.not(busy);
    }

    /** What the last run did, or why it did not run. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** What the chart shows: start, parameters, K and seed. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }
}
