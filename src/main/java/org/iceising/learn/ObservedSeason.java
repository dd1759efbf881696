package org.iceising.learn;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.iceising.data.DataCatalogue;
import org.iceising.data.DataFileException;
import org.iceising.data.FocusArea;
import org.iceising.data.GridCache;
import org.iceising.model.Lattice;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.Season;
import org.iceising.model.SemiMonthlyPeriod;

/**
 * The observed lattices of a season at its period boundaries (the 1st and 16th of each month),
 * as far as observations exist. A period is observed when both its start and its end are.
 *
 * @param season    the season
 * @param lattices  observed lattice per boundary date; dates without an observation are absent
 */
public record ObservedSeason(Season season, SortedMap<LocalDate, Lattice> lattices) {

    public ObservedSeason {
        for (LocalDate d : lattices.keySet()) {
            if (!season.dates().contains(d)) {
                throw new IllegalArgumentException(d + " is not a period boundary of the season " + season.start() + " .. " + season.end());
            }
        }
        lattices = Collections.unmodifiableSortedMap(new TreeMap<>(lattices));
    }

    /**
     * Reads the focus area of every boundary date of {@code season} that {@code catalogue} has a grid for
     * (a damaged copy of a day gives way to a good one).
     *
     * @throws DataFileException for the first date none of whose files can be read
     */
    public static ObservedSeason load(DataCatalogue catalogue, Season season, FocusArea area) {
        return new ObservedSeason(season, new GridCache(catalogue, 1).lattices(season.dates(), area, ProgressMonitor.NONE));
    }

    /**
     * Reads the season as {@link #load(DataCatalogue, Season, FocusArea)} does, but goes on past files that
     * cannot be read: each is handed to {@code skipped}, and a date left without a readable grid is
     * unobserved, like a missing one.
     */
    public static ObservedSeason load(DataCatalogue catalogue, Season season, FocusArea area, Consumer<DataFileException> skipped) {
        SortedMap<LocalDate, Lattice> map = new TreeMap<>();
        catalogue.forEach(season.dates(), area, (d, g) -> map.put(d, area.lattice(g))).forEach(skipped);
        return new ObservedSeason(season, map);
    }

    /** Boundary dates of the season without an observation. */
    public List<LocalDate> missing() {
        return season.dates().stream().filter(d -> !lattices.containsKey(d)).toList();
    }

    /** {@link #missing()} as words for a message: "2019-01-01, 2019-01-16". */
    public String missingText() {
        return String.join(", ", missing().stream().map(LocalDate::toString).toList());
    }

    /** The start lattice of every period whose start is observed: what training sets are generated from. */
    public SortedMap<SemiMonthlyPeriod, Lattice> starts() {
        SortedMap<SemiMonthlyPeriod, Lattice> out = new TreeMap<>();
        for (SemiMonthlyPeriod p : season.periods()) {
            Lattice l = lattices.get(p.start());
            if (l != null) {
                out.put(p, l);
            }
        }
        return out;
    }

    /** The periods whose start and end are both observed. */
    public List<SemiMonthlyPeriod> observedPeriods() {
        List<SemiMonthlyPeriod> out = new ArrayList<>();
        for (SemiMonthlyPeriod p : season.periods()) {
            if (lattices.containsKey(p.start()) && lattices.containsKey(p.end())) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * The observed start and end of {@code period}, both restricted to the cells active in both
     * (a cell missing on either day is left out of the comparison).
     *
     * @throws IllegalArgumentException if the period is not observed at both ends
     */
    public Pair pair(SemiMonthlyPeriod period) {
        Lattice start = lattices.get(period.start());
        Lattice end = lattices.get(period.end());
        if (start == null || end == null) {
            throw new IllegalArgumentException("period " + period + " is not observed at "
                    + (start == null ? period.start() : period.end()));
        }
        if (start.rows() != end.rows() || start.cols() != end.cols()) {
            throw new IllegalArgumentException("the lattices of " + period.start() + " and " + period.end() + " differ in size");
        }
        Lattice[] both = Lattice.restrictToCommonMask(start, end);
        return new Pair(period, both[0], both[1]);
    }

    /** An observed period: its start and end on the same cells. */
    public record Pair(SemiMonthlyPeriod period, Lattice start, Lattice end) {
    }
}
