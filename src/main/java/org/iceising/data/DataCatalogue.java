package org.iceising.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The daily grids in a folder (searched to any depth), indexed by date from NSIDC's file names:
 * NASA Team binaries, v2 netCDF, CDR netCDF and Bootstrap binaries. Other files (grid geometry,
 * extent CSV, notes) are ignored. When several files hold the same day, NASA Team products come
 * first, final or near-real-time as the {@link Preference} says (final by default), version 2 before
 * version 1; then the CDR, then Bootstrap; equal products are ordered by path. The catalogue is a
 * snapshot of the folder when it was scanned; files are only read by {@link #load}.
 */
public final class DataCatalogue {
    /** Which of a final (NSIDC-0051) and a near-real-time (NSIDC-0081) grid of the same day wins. */
    public enum Preference { FINAL_FIRST, NEAR_REAL_TIME_FIRST }

    private record Entry(Path file, GridFileName name) {
    }

    private final Path directory;
    private final Preference preference;
    private final Map<LocalDate, List<Entry>> byDate;

    private DataCatalogue(Path directory, Preference preference, Map<LocalDate, List<Entry>> byDate) {
        this.directory = directory;
        this.preference = preference;
        this.byDate = byDate;
    }

    /** Scans {@code dir} and its sub-folders, preferring final grids. */
    public static DataCatalogue scan(Path dir) {
        return scan(dir, Preference.FINAL_FIRST);
    }

    /** Scans {@code dir} and its sub-folders. */
    public static DataCatalogue scan(Path dir, Preference preference) {
        Objects.requireNonNull(preference);
        if (!Files.isDirectory(dir)) {
            throw new DataFileException(dir, Files.exists(dir) ? "is a file, not a folder" : "no such folder");
        }
        Map<LocalDate, List<Entry>> byDate = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(f -> GridFileName.parse(f).ifPresent(n ->
                    byDate.computeIfAbsent(n.date(), d -> new ArrayList<>()).add(new Entry(f, n))));
        } catch (IOException | UncheckedIOException e) {
            throw new DataFileException(dir, "cannot list the folder (" + e.getMessage() + ")", e);
        }
        byDate.replaceAll((d, list) -> List.copyOf(list));
        return new DataCatalogue(dir, preference, Collections.unmodifiableMap(byDate));
    }

    /** The same files ranked with another preference. */
    public DataCatalogue withPreference(Preference p) {
        return new DataCatalogue(directory, Objects.requireNonNull(p), byDate);
    }

    public Path directory() {
        return directory;
    }

    public Preference preference() {
        return preference;
    }

    /** Every date with at least one grid. */
    public SortedSet<LocalDate> dates() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(byDate.keySet()));
    }

    /** The best file for {@code date}, if any. */
    public Optional<Path> file(LocalDate date) {
        List<Path> f = files(date);
        return f.isEmpty() ? Optional.empty() : Optional.of(f.get(0));
    }

    /** Every file for {@code date}, best first. */
    public List<Path> files(LocalDate date) {
        List<Entry> entries = new ArrayList<>(byDate.getOrDefault(date, List.of()));
        entries.sort(Comparator.comparing(Entry::name, order(preference)).thenComparing(Entry::file));
        return entries.stream().map(Entry::file).toList();
    }

    /** Reads the best grid for {@code date} (a v2 file's sensor chosen for the study's area). */
    public SeaIceGrid load(LocalDate date) {
        return load(date, FocusArea.STUDY);
    }

    /** Reads the best grid for {@code date}, a v2 file's sensor chosen for {@code area}. */
    public SeaIceGrid load(LocalDate date, FocusArea area) {
        Path file = file(date).orElseThrow(() -> new DataFileException(directory, "no grid for " + date
                + (byDate.isEmpty() ? " (the folder holds no NSIDC grids)" : " (grids cover " + firstAndLast() + ")")));
        return GridReader.read(file, area);
    }

    /** The days from {@code from} to {@code to}, both included, that have no grid. */
    public List<LocalDate> missing(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("range ends (" + to + ") before it starts (" + from + ")");
        }
        return from.datesUntil(to.plusDays(1)).filter(d -> !byDate.containsKey(d)).toList();
    }

    private String firstAndLast() {
        SortedSet<LocalDate> d = dates();
        return d.first() + " .. " + d.last() + ", " + d.size() + " days";
    }

    /** Best product first for the given preference. */
    static Comparator<GridFileName> order(Preference preference) {
        return Comparator.comparingInt(n -> rank(n.product(), preference));
    }

    private static int rank(GridProduct p, Preference preference) {
        if (!p.nasaTeam()) {
            return p == GridProduct.CDR ? 4 : 5;
        }
        boolean preferred = p.finalProduct() == (preference == Preference.FINAL_FIRST);
        boolean v2 = p == GridProduct.NASA_TEAM_FINAL_V2 || p == GridProduct.NASA_TEAM_NRT_V2;
        return (preferred ? 0 : 2) + (v2 ? 0 : 1);
    }

    @Override
    public String toString() {
        return "DataCatalogue[" + directory + ", " + byDate.size() + " days, " + preference + "]";
    }
}
