package org.iceising.app.years;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.app.task.Job;
import org.iceising.app.task.JobRunner;
import org.iceising.data.Ancillary;
import org.iceising.data.DataCatalogue;
import org.iceising.data.ExtentClimatology;
import org.iceising.data.FocusArea;
import org.iceising.data.GridCache;
import org.iceising.data.SampleData;
import org.iceising.data.SeaIceIndex;
import org.iceising.model.Lattice;
import org.iceising.model.Measures;
import org.iceising.model.Season;
import org.iceising.model.SemiMonthlyPeriod;

/**
 * Years in context: the whole Arctic's daily extent from the Sea Ice Index for the years the user
 * picks, over the 1981–2010 median and its interquartile and interdecile ranges, and beside it the
 * focus area's coverage and extent in every season with grids on disk. Both are read as jobs.
 */
public final class YearsViewModel {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /**
     * The focus area on one day of a season.
     *
     * @param dayOfSeason days since 16 June
     * @param coverage    mean concentration, a fraction
     * @param extent      share of cells with ≥ 15 %, a fraction
     */
    public record SeasonPoint(LocalDate date, long dayOfSeason, double coverage, double extent) {
    }

    private final JobRunner jobs;
    private final SeasonViewModel season;
    private final ReadOnlyObjectWrapper<ExtentClimatology> climatology = new ReadOnlyObjectWrapper<>(this, "climatology");
    private final ObservableList<Integer> years = FXCollections.observableArrayList();
    private final ObservableMap<Integer, List<SeasonPoint>> seasons = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyStringWrapper seasonsNote = new ReadOnlyStringWrapper(this, "seasonsNote", "");
    private long seasonsGeneration;

    public YearsViewModel(JobRunner jobs, SeasonViewModel season) {
        this.jobs = jobs;
        this.season = season;
        season.catalogueProperty().addListener((o, a, c) -> loadIndex());
        // the seasons with data are known once the folder's scan has listed them
        season.years().addListener((javafx.collections.ListChangeListener<Integer>) c -> loadSeasons());
        season.focusAreaProperty().addListener((o, a, f) -> loadSeasons());
        loadIndex();
        loadSeasons();
    }

    /** The index of the open folder's {@code extent/}, else of the sample data. */
    static Path indexFile(DataCatalogue c) {
        return Ancillary.folder(c == null ? SampleData.directory() : c.directory(), Ancillary.EXTENT).resolve(SeaIceIndex.FILE_NAME);
    }

    private void loadIndex() {
        Path csv = indexFile(season.catalogueProperty().get());
        note.set("Reading " + csv.getFileName() + " …");
        jobs.run(Job.of("Reading the Sea Ice Index", m -> new ExtentClimatology(SeaIceIndex.load(csv)))
                .onSuccess(c -> {
                    climatology.set(c);
                    int[] all = c.years();
                    if (years.isEmpty()) {
                        years.setAll(defaultYears(all, season.yearProperty().get()));
                    }
                    note.set("NSIDC Sea Ice Index v3 (" + all[0] + "–" + all[all.length - 1] + "), median and ranges over "
                            + ExtentClimatology.REFERENCE_FROM + "–" + ExtentClimatology.REFERENCE_TO);
                })
                .onFailure(note::set));
    }

    /** 2012 (the record low), the last complete year and the season open in the workbench. */
    static List<Integer> defaultYears(int[] available, Integer open) {
        List<Integer> ys = new ArrayList<>();
        int last = available[available.length - 1];
        for (int y : new int[] {2012, last - 1, open == null ? last : open}) {
            if (y >= available[0] && y <= last && !ys.contains(y)) {
                ys.add(y);
            }
        }
        ys.sort(null);
        return ys;
    }

    /** Reads every season's grids on disk in the focus area, in the background. */
    private void loadSeasons() {
        GridCache cache = season.cache();
        FocusArea area = season.focusAreaProperty().get();
        List<Integer> withData = List.copyOf(season.years());
        long generation = ++seasonsGeneration;
        seasons.clear();
        if (cache == null) {
            seasonsNote.set("No data folder open");
            return;
        }
        seasonsNote.set("Reading the seasons on disk …");
        jobs.run(Job.of("Reading every season on disk", m -> seasonSeries(cache, area, withData, m))
                .onSuccess(all -> {
                    if (generation == seasonsGeneration) {
                        seasons.putAll(all);
                        int days = all.values().stream().mapToInt(List::size).sum();
                        seasonsNote.set("Focus area " + area + ": " + all.size() + (all.size() == 1 ? " season, " : " seasons, ")
                                + days + " days with grids");
                    }
                })
                .onFailure(seasonsNote::set));
    }

    static Map<Integer, List<SeasonPoint>> seasonSeries(GridCache cache, FocusArea area, List<Integer> years,
                                                      org.iceising.model.ProgressMonitor monitor) {
        Map<Integer, List<SeasonPoint>> out = new LinkedHashMap<>();
        for (int y : years) {
            Season s = Season.study(y);
            List<LocalDate> dates = List.copyOf(cache.catalogue().dates().subSet(s.start(), s.end().plusDays(1)));
            SortedMap<LocalDate, Lattice> lattices = cache.lattices(dates, area, monitor);
            List<SeasonPoint> points = new ArrayList<>();
            lattices.forEach((d, l) -> {
                if (l.activeCount() > 0) {
                    points.add(new SeasonPoint(d, ChronoUnit.DAYS.between(s.start(), d), Measures.coverage(l), Measures.extentFraction(l)));
                }
            });
            if (!points.isEmpty()) {
                out.put(y, points);
            }
        }
        return out;
    }

    /** The season (year) whose study span holds {@code date}, or null. */
    static Integer seasonOf(LocalDate date) {
        for (int y : new int[] {date.getYear(), date.getYear() - 1}) {
            Season s = Season.study(y);
            if (!date.isBefore(s.start()) && !date.isAfter(s.end())) {
                return y;
            }
        }
        return null;
    }

    /**
     * Opens {@code date}'s map in the workbench if a grid exists for it inside a study season;
     * returns false (and says why in the note) if not.
     */
    public boolean open(LocalDate date) {
        Integer y = seasonOf(date);
        if (!season.isPresent(date) || y == null || !season.years().contains(y)) {
            note.set("No grid on disk for " + DAY.format(date) + (y == null ? " (outside the study's 16 June – 1 January seasons)" : ""));
            return false;
        }
        season.yearProperty().set(y);
        // a boundary day ends one period and starts the next: open the period it starts (the season's last day ends the last)
        List<SemiMonthlyPeriod> periods = season.periods();
        SemiMonthlyPeriod open = periods.get(periods.size() - 1);
        for (SemiMonthlyPeriod p : periods) {
            if (!date.isBefore(p.start()) && date.isBefore(p.end())) {
                open = p;
                break;
            }
        }
        season.periodProperty().set(open);
        season.dayProperty().set(date);
        return true;
    }

    /** "16 Jun 2018: 10.52 million km² (median 11.01)". */
    public String describe(int year, int dayOfYear) {
        ExtentClimatology c = climatology.get();
        if (c == null || dayOfYear > LocalDate.of(year, 1, 1).lengthOfYear()) {
            return "";
        }
        double v = c.extent(year, dayOfYear);
        ExtentClimatology.DayStatistics s = c.day(dayOfYear);
        String text = DAY.format(LocalDate.ofYearDay(year, dayOfYear)) + ": "
                + (Double.isNaN(v) ? "no value" : String.format(Locale.ROOT, "%.2f million km²", v));
        return s == null ? text : text + String.format(Locale.ROOT, " (%d–%d median %.2f)", ExtentClimatology.REFERENCE_FROM,
                ExtentClimatology.REFERENCE_TO, s.median());
    }

    /** Day of year, the reference statistics and each chosen year's extent, as CSV. */
    public String csv() {
        ExtentClimatology c = climatology.get();
        StringBuilder sb = new StringBuilder("day_of_year,p10,p25,median_1981_2010,p75,p90");
        List<Integer> ys = List.copyOf(years);
        ys.forEach(y -> sb.append(",extent_").append(y));
        sb.append('\n');
        if (c == null) {
            return sb.toString();
        }
        for (int d = 1; d <= 366; d++) {
            ExtentClimatology.DayStatistics s = c.day(d);
            sb.append(d);
            for (double v : s == null ? new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN}
                    : new double[] {s.p10(), s.p25(), s.median(), s.p75(), s.p90()}) {
                sb.append(',').append(number(v));
            }
            for (int y : ys) {
                sb.append(',').append(number(c.extent(y, d)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Each season's focus-area coverage and extent by day, as CSV. */
    public String seasonsCsv() {
        StringBuilder sb = new StringBuilder("season,date,day_of_season,coverage_percent,extent_percent\n");
        seasons.keySet().stream().sorted().forEach(y -> seasons.get(y).forEach(p -> sb.append(y).append(',').append(p.date())
                .append(',').append(p.dayOfSeason()).append(',').append(number(100 * p.coverage())).append(',')
                .append(number(100 * p.extent())).append('\n')));
        return sb.toString();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    public ReadOnlyObjectProperty<ExtentClimatology> climatologyProperty() {
        return climatology.getReadOnlyProperty();
    }

    /** The years overlaid on the chart, in increasing order. */
    public ObservableList<Integer> years() {
        return years;
    }

    /** Each season with grids on disk: the focus area's coverage and extent by day. */
    public ObservableMap<Integer, List<SeasonPoint>> seasons() {
        return seasons;
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty seasonsNoteProperty() {
        return seasonsNote.getReadOnlyProperty();
    }
}
