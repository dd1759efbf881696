package org.iceising.app.cells;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import org.iceising.app.charts.CsvExport;
import org.iceising.app.charts.SeasonChartsViewModel;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.app.simulation.SimulationViewModel;
import org.iceising.app.task.Failures;
import org.iceising.app.task.Job;
import org.iceising.app.task.JobRunner;
import org.iceising.data.CellFlag;
import org.iceising.data.FocusArea;
import org.iceising.data.GridCache;
import org.iceising.data.SeaIceGrid;
import org.iceising.model.Lattice;
import org.iceising.model.Season;

/**
 * The time series of a few grid cells, as ncview and Panoply show one on a click: each chosen cell's
 * observed ice concentration on every day of the season that has a file (read in the background),
 * the simulated value at each period's end where the season was run, and the live simulation's
 * value at every picture shown since the period's start. Plain state on the FX thread.
 */
public final class CellSeriesViewModel {
    /** At most this many cells at once; choosing one more lets the first chosen go. */
    public static final int MAX_CELLS = 6;

    /** A cell of the 448 × 304 grid. */
    public record Cell(int row, int col) {
        public Cell {
            if (row < 0 || row >= SeaIceGrid.ROWS || col < 0 || col >= SeaIceGrid.COLS) {
                throw new IllegalArgumentException("cell (" + row + ", " + col + ") is outside the 448 × 304 grid");
            }
        }

        /** "row 210, column 110", as the map's read-out names cells. */
        public String label() {
            return "row " + row + ", column " + col;
        }
    }

    /** A value of a cell at a time: days since 1970-01-01 (fractional for the live simulation) and a concentration. */
    public record Point(double day, double concentration) {
    }

    private final SeasonViewModel season;
    private final SeasonChartsViewModel charts;
    private final SimulationViewModel simulation;
    private final JobRunner runner;
    private final ObservableList<Cell> cells = FXCollections.observableArrayList();
    private final Map<Cell, SortedMap<LocalDate, Double>> observed = new LinkedHashMap<>();
    private final Map<Cell, List<Point>> live = new LinkedHashMap<>();
    private final ReadOnlyLongWrapper changes = new ReadOnlyLongWrapper(this, "changes");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private Job<Map<Cell, SortedMap<LocalDate, Double>>> reading;

    public CellSeriesViewModel(SeasonViewModel season, SeasonChartsViewModel charts, SimulationViewModel simulation, JobRunner runner) {
        this.season = season;
        this.charts = charts;
        this.simulation = simulation;
        this.runner = runner;
        // another season, folder or focus area (a netCDF file's sensor depends on it): read again
        season.yearProperty().addListener((o, a, b) -> reread());
        season.catalogueProperty().addListener((o, a, b) -> reread());
        season.focusAreaProperty().addListener((o, a, b) -> reread());
        charts.simulatedEnds().addListener((MapChangeListener<LocalDate, Lattice>) c -> changed());
        simulation.periodDataProperty().addListener((o, a, b) -> {
            live.clear();
            changed();
        });
        simulation.frameProperty().addListener((o, a, b) -> recordLive());
    }

    /** The chosen cells, in the order chosen (their colours follow it). */
    public ObservableList<Cell> cells() {
        return cells;
    }

    /** Shows only {@code (row, col)}'s series. */
    public void choose(int row, int col) {
        Cell c = new Cell(row, col);
        cells.setAll(c);
        live.clear();
        read();
    }

    /** Adds {@code (row, col)}'s series to those shown (a cell shown already stays as it is). */
    public void add(int row, int col) {
        Cell c = new Cell(row, col);
        if (cells.contains(c)) {
            return;
        }
        if (cells.size() >= MAX_CELLS) {
            Cell first = cells.remove(0);
            observed.remove(first);
            live.remove(first);
        }
        cells.add(c);
        read();
    }

    /** Forgets every chosen cell. */
    public void clear() {
        cancelReading();
        cells.clear();
        observed.clear();
        live.clear();
        note.set("");
        changed();
    }

    /** Counts changes to anything the chart shows: it redraws on it. */
    public ReadOnlyLongProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }

    /** What the reading is doing, or why days are missing; "" when all is read. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** 0..1 while the days are read; 0 when not reading. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The cell's observed concentration on each day of the season with a file where the cell is valid ocean; empty until read. */
    public SortedMap<LocalDate, Double> observed(Cell c) {
        return observed.getOrDefault(c, new TreeMap<>());
    }

    /** The cell's simulated concentration at each simulated period's end of the season run; empty outside the focus area or without a run. */
    public SortedMap<LocalDate, Double> seasonRun(Cell c) {
        SortedMap<LocalDate, Double> out = new TreeMap<>();
        FocusArea area = season.focusAreaProperty().get();
        charts.simulatedEnds().forEach((date, lattice) -> {
            double v = valueIn(lattice, area, c);
            if (!Double.isNaN(v)) {
                out.put(date, v);
            }
        });
        return out;
    }

    /** The live simulation's value of the cell at every picture shown since the period's start; empty outside the focus area. */
    public List<Point> live(Cell c) {
        return live.getOrDefault(c, List.of());
    }

    /** A lattice of {@code area}'s value at grid cell {@code c}, NaN outside the area or on a masked cell. */
    static double valueIn(Lattice lattice, FocusArea area, Cell c) {
        if (lattice == null || !area.contains(c.row(), c.col()) || lattice.rows() != area.rows() || lattice.cols() != area.cols()) {
            return Double.NaN;
        }
        return lattice.concentration(lattice.index(c.row() - area.row0(), c.col() - area.col0()));
    }

    private void recordLive() {
        SeasonViewModel.PeriodData data = simulation.periodDataProperty().get();
        Lattice l = simulation.simulatedProperty().get();
        long total = simulation.totalStepsProperty().get();
        if (cells.isEmpty() || data == null || l == null || total == 0) {
            return;
        }
        long steps = simulation.stepsDoneProperty().get();
        if (steps == 0) {
            live.clear();
        }
        double day = data.period().start().toEpochDay() + (double) steps * data.period().days() / total;
        for (Cell c : cells) {
            double v = valueIn(l, data.area(), c);
            if (!Double.isNaN(v)) {
                live.computeIfAbsent(c, k -> new ArrayList<>()).add(new Point(day, v));
            }
        }
        changed();
    }

    private void reread() {
        observed.clear();
        read();
    }

    /** Reads, in the background, every day of the season on disk for the chosen cells not read yet; a reading under way gives way. */
    private void read() {
        cancelReading();
        List<Cell> wanted = cells.stream().filter(c -> !observed.containsKey(c)).toList();
        GridCache cache = season.cache();
        Integer year = season.yearProperty().get();
        changed();
        if (wanted.isEmpty() || cache == null || year == null) {
            note.set(cells.isEmpty() || cache != null ? "" : "No data folder open");
            return;
        }
        Season s = Season.study(year);
        FocusArea area = season.focusAreaProperty().get();
        List<LocalDate> days = cache.catalogue().dates().stream().filter(d -> !d.isBefore(s.start()) && !d.isAfter(s.end())).toList();
        List<String> unread = new ArrayList<>();
        Job<Map<Cell, SortedMap<LocalDate, Double>>> job = Job.of("Reading the chosen cells' days", m -> {
            Map<Cell, SortedMap<LocalDate, Double>> out = new LinkedHashMap<>();
            wanted.forEach(c -> out.put(c, new TreeMap<>()));
            int k = 0;
            for (LocalDate d : days) {
                m.checkCancelled();
                m.progress(k++, days.size(), "Reading " + d);
                SeaIceGrid g;
                try {
                    g = cache.get(d, area);
                } catch (RuntimeException e) {
                    synchronized (unread) {
                        unread.add(d + ": " + Failures.describe(e));
                    }
                    continue;
                }
                for (Cell c : wanted) {
                    if (g.flag(c.row(), c.col()) == CellFlag.VALID) {
                        out.get(c).put(d, g.concentration(c.row(), c.col()));
                    }
                }
            }
            return out;
        });
        reading = job;
        progress.bind(job.progressProperty());
        note.bind(job.messageProperty());
        runner.run(job.onSuccess(values -> {
            finished();
            values.forEach((c, v) -> {
                if (cells.contains(c)) {
                    observed.put(c, v);
                }
            });
            synchronized (unread) {
                note.set(unread.isEmpty() ? "" : unread.size() + (unread.size() == 1 ? " day" : " days") + " could not be read; first: " + unread.get(0));
            }
            changed();
        }).onFailure(why -> {
            finished();
            note.set("Could not read the days: " + why);
        }).onCancelled(this::finished));
    }

    private void cancelReading() {
        if (reading != null) {
            reading.cancel();
            finished();
        }
    }

    private void finished() {
        reading = null;
        progress.unbind();
        progress.set(0);
        note.unbind();
        note.set("");
    }

    private void changed() {
        changes.set(changes.get() + 1);
    }

    /**
     * The series as CSV, one line per value: time (a date, or date and time for the live
     * simulation), row, column, series (observed, season run, live) and concentration as a fraction.
     */
    public String csv() {
        StringBuilder sb = new StringBuilder("time,row,column,series,concentration\n");
        for (Cell c : cells) {
            observed(c).forEach((d, v) -> line(sb, d.toString(), c, "observed", v));
            seasonRun(c).forEach((d, v) -> line(sb, d.toString(), c, "season run", v));
            for (Point p : live(c)) {
                line(sb, time(p.day()).toString(), c, "live", p.concentration());
            }
        }
        return sb.toString();
    }

    /** A fractional day since 1970-01-01 as a date and time, to the minute. */
    static LocalDateTime time(double day) {
        long minutes = Math.round(day * 24 * 60);
        return LocalDate.EPOCH.atStartOfDay().plus(minutes, ChronoUnit.MINUTES);
    }

    private static void line(StringBuilder sb, String time, Cell c, String series, double v) {
        sb.append(time).append(',').append(c.row()).append(',').append(c.col()).append(',').append(series).append(',')
                .append(CsvExport.number(v)).append('\n');
    }
}
