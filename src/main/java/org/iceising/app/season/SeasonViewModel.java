package org.iceising.app.season;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iceising.app.task.Failures;
import org.iceising.app.task.Job;
import org.iceising.app.task.JobRunner;
import org.iceising.app.task.Work;
import org.iceising.data.Ancillary;
import org.iceising.data.DataCatalogue;
import org.iceising.data.FocusArea;
import org.iceising.data.GridGeometry;
import org.iceising.data.SeaIceGrid;
import org.iceising.model.Lattice;
import org.iceising.model.Season;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.data.GridCache;

/**
 * Where in the data the workbench stands: the data folder, the season (the study's 16 June → 1
 * January of a year), its semi-monthly periods, the day shown on the map and the focus area.
 * Grids are read in the background; a date without a file stays missing and is shown as such.
 */
public final class SeasonViewModel {

    /**
     * The observations of one period inside the focus area.
     *
     * @param observed the lattice of every day from the period's start to its end (both included)
     *                 that has a file; days without a file are absent
     */
    public record PeriodData(SemiMonthlyPeriod period, FocusArea area, Map<LocalDate, Lattice> observed) {
        public PeriodData {
            observed = Collections.unmodifiableMap(new LinkedHashMap<>(observed));
        }

        /** The observed start lattice, or null if the start date has no file. */
        public Lattice start() {
            return observed.get(period.start());
        }

        /** The observed end lattice, or null if the end date has no file. */
        public Lattice end() {
            return observed.get(period.end());
        }
    }

    private static final int CACHE_GRIDS = 40;
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ROOT);

    private final JobRunner runner;
    private final ReadOnlyObjectWrapper<DataCatalogue> catalogue = new ReadOnlyObjectWrapper<>(this, "catalogue");
    private final ReadOnlyObjectWrapper<GridGeometry> geometry = new ReadOnlyObjectWrapper<>(this, "geometry");
    private final ObservableList<Integer> years = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> year = new SimpleObjectProperty<>(this, "year");
    private final ObservableList<SemiMonthlyPeriod> periods = FXCollections.observableArrayList();
    private final ObjectProperty<SemiMonthlyPeriod> period = new SimpleObjectProperty<>(this, "period");
    private final ObservableList<LocalDate> days = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>(this, "day");
    private final ObjectProperty<FocusArea> focusArea = new SimpleObjectProperty<>(this, "focusArea", FocusArea.STUDY);
    private final ReadOnlyObjectWrapper<SeaIceGrid> dayGrid = new ReadOnlyObjectWrapper<>(this, "dayGrid");
    private final ReadOnlyObjectWrapper<PeriodData> periodData = new ReadOnlyObjectWrapper<>(this, "periodData");
    private final IntegerProperty pending = new SimpleIntegerProperty(this, "pending");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper dayError = new ReadOnlyStringWrapper(this, "dayError", "");
    private final BooleanBinding loading = pending.greaterThan(0);
    private final StringBinding dayMessage;
    private GridCache cache;
    private long dayGeneration;
    private long periodGeneration;

    public SeasonViewModel(JobRunner runner) {
        this.runner = runner;
        year.addListener((o, a, y) -> {
            List<SemiMonthlyPeriod> ps = y == null ? List.of() : Season.study(y).periods();
            periods.setAll(ps);
            // the first period with a grid on any of its days, so that a season opens on data
            period.set(ps.stream().filter(p -> firstPresent(p) != null).findFirst().orElse(ps.isEmpty() ? null : ps.get(0)));
        });
        period.addListener((o, a, p) -> {
            days.setAll(p == null ? List.of() : p.start().datesUntil(p.end().plusDays(1)).toList());
            LocalDate first = p == null ? null : firstPresent(p);
            day.set(p == null ? null : first != null ? first : p.start());
            loadPeriod();
        });
        day.addListener((o, a, d) -> loadDay());
        dayMessage = Bindings.createStringBinding(() -> {
            LocalDate d = day.get();
            if (d == null) {
                return catalogue.get() == null ? "No data folder open" : "No season with data in this folder";
            }
            if (!dayError.get().isEmpty()) {
                return "Could not read " + d + ": " + dayError.get();
            }
            return isPresent(d) ? "Reading " + d + " …" : "No observation on " + d + ": no file in the data folder";
        }, day, catalogue, dayError);
        focusArea.addListener((o, a, f) -> {
            loadPeriod();
            loadDay();
        });
    }

    /**
     * Opens a data folder in the background and then the study season of {@code preferredYear} if
     * the folder has data in that season, else of the latest season with data. A folder that
     * cannot be scanned is reported in {@link #errorProperty()}.
     */
    public void open(Path dir, int preferredYear) {
        run("Scanning " + dir, m -> DataCatalogue.scan(dir), c -> {
            cache = new GridCache(c, CACHE_GRIDS);
            catalogue.set(c);
            geometry.set(null);
            Path gridDir = Ancillary.folder(dir, Ancillary.GRID);
            if (Files.isDirectory(gridDir)) {
                run("Reading the grid's latitudes and longitudes", m -> GridGeometry.load(gridDir), geometry::set);
            }
            List<Integer> ys = seasonsWithData(c.dates());
            years.setAll(ys);
            Integer y = ys.contains(preferredYear) ? Integer.valueOf(preferredYear) : ys.isEmpty() ? null : ys.get(ys.size() - 1);
            year.set(null);
            year.set(y);
        });
    }

    /** The years whose study season (16 June to 1 January of the next year) holds at least one of the dates. */
    static List<Integer> seasonsWithData(SortedSet<LocalDate> dates) {
        TreeSet<Integer> ys = new TreeSet<>();
        for (LocalDate d : dates) {
            for (int y : new int[] {d.getYear() - 1, d.getYear()}) {
                Season s = Season.study(y);
                if (!d.isBefore(s.start()) && !d.isAfter(s.end())) {
                    ys.add(y);
                }
            }
        }
        return List.copyOf(ys);
    }

    private void loadPeriod() {
        SemiMonthlyPeriod p = period.get();
        FocusArea area = focusArea.get();
        GridCache c = cache;
        long generation = ++periodGeneration;
        if (p == null || c == null) {
            periodData.set(null);
            return;
        }
        List<LocalDate> dates = p.start().datesUntil(p.end().plusDays(1)).toList();
        run("Reading the observations of " + p, m -> new PeriodData(p, area, c.lattices(dates, area, m)), data -> {
            if (generation == periodGeneration) {
                periodData.set(data);
            }
        });
    }

    private void loadDay() {
        LocalDate d = day.get();
        FocusArea area = focusArea.get();
        GridCache c = cache;
        long generation = ++dayGeneration;
        dayError.set("");
        if (d == null || c == null || c.catalogue().file(d).isEmpty()) {
            dayGrid.set(null);
            return;
        }
        run("Reading " + d, m -> c.get(d, area), g -> {
            if (generation == dayGeneration) {
                dayGrid.set(g);
            }
        }, why -> {
            if (generation == dayGeneration) {
                dayGrid.set(null);
                dayError.set(why);
            }
        });
    }

    private <T> void run(String title, Work<T> work, Consumer<T> onDone) {
        run(title, work, onDone, why -> { });
    }

    /** Runs a read; its failure goes to the error line and to {@code onFailed}. */
    private <T> void run(String title, Work<T> work, Consumer<T> onDone, Consumer<String> onFailed) {
        pending.set(pending.get() + 1);
        runner.run(Job.of(title, work).onSuccess(v -> {
            pending.set(pending.get() - 1);
            error.set("");
            onDone.accept(v);
        }).onFailure(why -> {
            pending.set(pending.get() - 1);
            error.set(why);
            onFailed.accept(why);
        }));
    }

    /** Shows a problem (a folder that cannot be opened, a file that cannot be read) in the error line. */
    public void report(Throwable t) {
        error.set(Failures.describe(t));
    }

    /** True if the data folder has a grid for {@code date}. */
    public boolean isPresent(LocalDate date) {
        DataCatalogue c = catalogue.get();
        return c != null && c.file(date).isPresent();
    }

    /** The grids of the open folder, read through a cache that any thread may use; null before a folder is open (FX thread). */
    public GridCache cache() {
        return cache;
    }

    public void previousPeriod() {
        movePeriod(-1);
    }

    public void nextPeriod() {
        movePeriod(1);
    }

    private void movePeriod(int by) {
        int k = periods.indexOf(period.get()) + by;
        if (k >= 0 && k < periods.size()) {
            period.set(periods.get(k));
        }
    }

    /** The previous day that has a file (missing days are skipped, into the previous period if need be). */
    public void previousDay() {
        moveDay(-1);
    }

    /** The next day that has a file (missing days are skipped, into the next period if need be). */
    public void nextDay() {
        moveDay(1);
    }

    /**
     * Moves to the nearest day with a file in direction {@code by}: within the period first, else
     * on into the neighbouring periods of the season (a period without files is passed over).
     */
    private void moveDay(int by) {
        LocalDate from = day.get();
        Integer y = year.get();
        if (from == null || y == null) {
            return;
        }
        Season s = Season.study(y);
        for (LocalDate d = from.plusDays(by); !d.isBefore(s.start()) && !d.isAfter(s.end()); d = d.plusDays(by)) {
            if (isPresent(d)) {
                LocalDate target = d;
                if (!days.contains(target)) {
                    // a boundary date belongs to two periods: the one nearer the period shown
                    periods.stream().filter(p -> !target.isBefore(p.start()) && !target.isAfter(p.end()))
                            .reduce((first, second) -> by > 0 ? first : second).ifPresent(period::set);
                }
                day.set(target);
                return;
            }
        }
    }

    /** The first day of a period that has a file, or null. */
    private LocalDate firstPresent(SemiMonthlyPeriod p) {
        for (LocalDate d = p.start(); !d.isAfter(p.end()); d = d.plusDays(1)) {
            if (isPresent(d)) {
                return d;
            }
        }
        return null;
    }

    public ReadOnlyObjectProperty<DataCatalogue> catalogueProperty() {
        return catalogue.getReadOnlyProperty();
    }

    /** Latitudes, longitudes and cell areas, or null while unread or if the folder has no grid/ files. */
    public ReadOnlyObjectProperty<GridGeometry> geometryProperty() {
        return geometry.getReadOnlyProperty();
    }

    public ObservableList<Integer> years() {
        return years;
    }

    public ObjectProperty<Integer> yearProperty() {
        return year;
    }

    public ObservableList<SemiMonthlyPeriod> periods() {
        return periods;
    }

    public ObjectProperty<SemiMonthlyPeriod> periodProperty() {
        return period;
    }

    /** Every day of the period, its start and end included, with or without a file. */
    public ObservableList<LocalDate> days() {
        return days;
    }

    public ObjectProperty<LocalDate> dayProperty() {
        return day;
    }

    public ObjectProperty<FocusArea> focusAreaProperty() {
        return focusArea;
    }

    /** The grid of the chosen day, or null if that day has no file. */
    public ReadOnlyObjectProperty<SeaIceGrid> dayGridProperty() {
        return dayGrid.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PeriodData> periodDataProperty() {
        return periodData.getReadOnlyProperty();
    }

    /** True while grids are being read. */
    public BooleanBinding loadingProperty() {
        return loading;
    }

    /** What the map shows while it has no grid: reading, no file, or why the file could not be read. */
    public StringBinding dayMessageProperty() {
        return dayMessage;
    }

    /** Why the chosen day's grid could not be read, "" if it was or it has no file. */
    public ReadOnlyStringProperty dayErrorProperty() {
        return dayError.getReadOnlyProperty();
    }

    /** The last reading error, "" if the last read succeeded. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The season's dates, start and end of every period, for charts. */
    public List<LocalDate> seasonDates() {
        Integer y = year.get();
        return y == null ? List.of() : Season.study(y).dates();
    }

    /** A label for a period in lists: its dates, melt or freeze, and which of its ends have no file: "16 Sep → 1 Oct · freeze". */
    public String describe(SemiMonthlyPeriod p) {
        boolean start = isPresent(p.start());
        boolean end = isPresent(p.end());
        String gaps = start && end ? "" : !start && !end ? "  (start and end missing)" : !start ? "  (start missing)" : "  (end missing)";
        return span(p) + (p.isMelting() ? " · melt" : " · freeze") + gaps;
    }

    /** A period's dates, short: "16 Dec → 1 Jan" (the season gives the year). */
    public static String span(SemiMonthlyPeriod p) {
        return SHORT_DAY.format(p.start()) + " → " + SHORT_DAY.format(p.end());
    }
}
