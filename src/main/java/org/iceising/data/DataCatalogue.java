package org.iceising.data;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * The daily grids in a folder (searched to any depth), indexed by date from NSIDC's file names:
 * NASA Team binaries, v2 netCDF, CDR netCDF and Bootstrap binaries. Other files (grid geometry,
 * extent CSV, notes) are ignored. When several files hold the same day, NASA Team products come
 * first, final or near-real-time as the {@link Preference} says (final by default), version 2 before
 * version 1; then the CDR, then Bootstrap; equal products put the study's sensor for the date first
 * (F17 beside F18 up to October 2021), then go by path. The catalogue is a snapshot of the folder
 * when it was scanned; files are only read by {@link #load} and {@link #read}.
 *
 * <p>A scan never stops at one bad entry: a sub-folder that cannot be listed and a name with an
 * impossible date are left out and listed in {@link #problems()}; several files of one product for
 * one day are listed in {@link #duplicates()}.
 */
public final class DataCatalogue {
    /** Which of a final (NSIDC-0051) and a near-real-time (NSIDC-0081) grid of the same day wins. */
    public enum Preference { FINAL_FIRST, NEAR_REAL_TIME_FIRST }

    private record Entry(Path file, GridFileName name) {
    }

    /**
     * The grid read for a date, and the other copies of that day that were tried first and could not
     * be read (each message names its file and says that another copy was used).
     */
    public record Loaded(SeaIceGrid grid, List<DataFileException> skipped) {
        public Loaded {
            skipped = List.copyOf(skipped);
        }
    }

    private final Path directory;
    private final Preference preference;
    private final Map<LocalDate, List<Entry>> byDate;
    private final List<String> problems;

    private DataCatalogue(Path directory, Preference preference, Map<LocalDate, List<Entry>> byDate, List<String> problems) {
        this.directory = directory;
        this.preference = preference;
        this.byDate = byDate;
        this.problems = problems;
    }

    /** Scans {@code dir} and its sub-folders, preferring final grids. */
    public static DataCatalogue scan(Path dir) {
        return scan(dir, Preference.FINAL_FIRST);
    }

    /** Scans {@code dir} and its sub-folders. */
    public static DataCatalogue scan(Path dir, Preference preference) {
        Objects.requireNonNull(preference);
        String instead = RegularFiles.notAFolder(dir);
        if (instead != null) {
            throw DataFileException.named(dir, instead);
        }
        Map<LocalDate, List<Entry>> byDate = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        try {
            Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (!d.equals(dir) && GridFileName.parse(d.getFileName().toString()).isPresent()) {
                        problems.add(shown(dir, d) + ": is a folder, not a grid file; left out");
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    String name = f.getFileName().toString();
                    Optional<GridFileName> n = GridFileName.parse(name);
                    if (!attrs.isRegularFile()) {
                        // a pipe, a device or a link to nowhere under a grid's name would be a day silently missing
                        if (n.isPresent()) {
                            problems.add(shown(dir, f) + ": " + RegularFiles.notAFile(f) + "; left out");
                        }
                    } else if (n.isPresent()) {
                        byDate.computeIfAbsent(n.get().date(), d -> new ArrayList<>()).add(new Entry(f, n.get()));
                    } else {
                        GridFileName.impossibleDate(name).ifPresent(why -> problems.add(shown(dir, f) + ": " + why + "; left out"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                    if (f.equals(dir)) {
                        throw e;
                    }
                    problems.add(shown(dir, f) + ": cannot be read (" + IoWords.of(e) + "); the grids in it are left out");
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    if (e != null) {
                        if (d.equals(dir)) {
                            throw e;
                        }
                        problems.add(shown(dir, d) + ": listing it failed part way (" + IoWords.of(e) + "); some grids in it may be left out");
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new DataFileException(dir, "cannot list the folder (" + IoWords.of(e) + ")", e);
        }
        byDate.replaceAll((d, list) -> List.copyOf(list));
        return new DataCatalogue(dir, preference, Collections.unmodifiableMap(byDate), List.copyOf(problems));
    }

    /** A file or folder found in a scan, as the user knows it: its path inside the scanned folder. */
    private static String shown(Path dir, Path f) {
        Path r = dir.relativize(f);
        return r.toString().isEmpty() ? f.toString() : r.toString();
    }

    /**
     * What the scan left out, one line each naming the folder or file: sub-folders that could not be
     * listed, names with impossible dates.
     */
    public List<String> problems() {
        return problems;
    }

    /**
     * Days held by several files of the same product (F17 beside F18, a copy in two sub-folders), one
     * line each saying which file is used first.
     */
    public List<String> duplicates() {
        List<String> out = new ArrayList<>();
        for (LocalDate d : byDate.keySet()) {
            List<Entry> ranked = ranked(d);
            for (GridProduct p : GridProduct.values()) {
                List<String> same = ranked.stream().filter(e -> e.name().product() == p).map(e -> shown(directory, e.file())).toList();
                if (same.size() > 1) {
                    out.add(d + ": " + same.size() + " " + p.label() + " files (" + String.join(", ", same) + "); " + same.get(0)
                            + " is read first");
                }
            }
        }
        return out;
    }

    /** The same files ranked with another preference. */
    public DataCatalogue withPreference(Preference p) {
        return new DataCatalogue(directory, Objects.requireNonNull(p), byDate, problems);
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
        return ranked(date).stream().map(Entry::file).toList();
    }

    private List<Entry> ranked(LocalDate date) {
        List<Entry> entries = new ArrayList<>(byDate.getOrDefault(date, List.of()));
        String studySensor = NetcdfGrids.studySensor(date);
        entries.sort(Comparator.comparing(Entry::name, order(preference))
                .thenComparing(e -> !e.name().sensor().equals(studySensor))
                .thenComparing(Entry::file));
        return entries;
    }

    /** Reads the best grid for {@code date} (a v2 file's sensor chosen for the study's area). */
    public SeaIceGrid load(LocalDate date) {
        return load(date, FocusArea.STUDY);
    }

    /**
     * Reads the best readable grid for {@code date}, a v2 file's sensor chosen for {@code area}: when
     * the best file is damaged, the next copy of the day is read.
     */
    public SeaIceGrid load(LocalDate date, FocusArea area) {
        return read(date, area).grid();
    }

    /**
     * Reads the best readable grid for {@code date} as {@link #load(LocalDate, FocusArea)} does, and
     * says which copies were skipped.
     *
     * @throws DataFileException if the date has no grid, or none of its files can be read (the best
     *                           file's message, with the count of other copies that failed too)
     */
    public Loaded read(LocalDate date, FocusArea area) {
        List<Path> files = files(date);
        if (files.isEmpty()) {
            throw new DataFileException(directory, "no grid for " + date
                    + (byDate.isEmpty() ? " (the folder holds no NSIDC grids)" : " (grids cover " + firstAndLast() + ")"));
        }
        List<DataFileException> failed = new ArrayList<>();
        for (Path f : files) {
            try {
                SeaIceGrid g = GridReader.read(f, area);
                String used = f.getFileName().toString();
                return new Loaded(g, failed.stream().map(e -> new DataFileException(e.file(), e.problem()
                        + "; read " + used + " for " + date + " instead", e)).toList());
            } catch (DataFileException e) {
                failed.add(e);
            }
        }
        DataFileException first = failed.get(0);
        if (failed.size() == 1) {
            throw first;
        }
        throw new DataFileException(first.file(), first.problem() + " (and the " + (failed.size() - 1)
                + " other files for " + date + " cannot be read either)", first);
    }

    /**
     * Reads every date of {@code dates} that has a grid, in order, handing each grid to {@code action};
     * a date none of whose files can be read is left out. Returns what was left out or skipped, one
     * exception per file, in date order.
     */
    public List<DataFileException> forEach(Collection<LocalDate> dates, FocusArea area, BiConsumer<LocalDate, SeaIceGrid> action) {
        List<DataFileException> problems = new ArrayList<>();
        for (LocalDate d : dates) {
            if (!byDate.containsKey(d)) {
                continue;
            }
            Loaded loaded;
            try {
                loaded = read(d, area);
            } catch (DataFileException e) {
                problems.add(e);
                continue;
            }
            problems.addAll(loaded.skipped());
            action.accept(d, loaded.grid());
        }
        return problems;
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
