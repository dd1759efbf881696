package org.iceising.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * NSIDC's Sea Ice Index (G02135) daily Northern Hemisphere extent, read from
 * {@code N_seaice_extent_daily_v3.0.csv}: two header lines, then {@code Year, Month, Day, Extent
 * (10^6 km^2), Missing (10^6 km^2), Source Data}.
 */
public final class SeaIceIndex {
    /** The daily extent file's name, as NSIDC publishes it. */
    public static final String FILE_NAME = "N_seaice_extent_daily_v3.0.csv";
    private static final int FIELDS = 6;
    /** Far above the real file (under 2 MB for 1978..2024): a bigger one is not the index, and is not read. */
    static final long MAX_BYTES = 64L << 20;
    /** Lines reported one by one; beyond that only their count. */
    private static final int LINES_REPORTED = 10;

    private final NavigableMap<LocalDate, Double> extent;
    private final List<String> problems;

    private SeaIceIndex(NavigableMap<LocalDate, Double> extent, List<String> problems) {
        this.extent = Collections.unmodifiableNavigableMap(extent);
        this.problems = List.copyOf(problems);
    }

    /**
     * Reads the CSV. A line that cannot be read is left out and listed in {@link #problems()}; the
     * file is refused only when it is not the index at all or no line can be read.
     */
    public static SeaIceIndex load(Path csv) {
        String instead = RegularFiles.notAFile(csv);
        if (instead != null) {
            throw new DataFileException(csv, instead);
        }
        NavigableMap<LocalDate, Double> extent = new TreeMap<>();
        List<String> bad = new ArrayList<>();
        int badLines = 0;
        try {
            long size = Files.size(csv);
            if (size > MAX_BYTES) {
                throw new DataFileException(csv, "too large for the Sea Ice Index daily extent CSV: " + size + " bytes (at most "
                        + MAX_BYTES + ")");
            }
        } catch (IOException e) {
            throw new DataFileException(csv, "cannot be read (" + IoWords.of(e) + ")", e);
        }
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.ISO_8859_1)) {
            String header = in.readLine();
            if (header == null) {
                throw new DataFileException(csv, "empty file");
            }
            if (!header.replace(" ", "").startsWith("Year,Month,Day,Extent")) {
                throw new DataFileException(csv, "not a Sea Ice Index daily extent CSV: line 1 does not start with 'Year, Month, Day, Extent'");
            }
            in.readLine();
            int lineNo = 2;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (!line.isBlank()) {
                    try {
                        parseLine(line, extent);
                    } catch (IllegalArgumentException e) {
                        badLines++;
                        if (bad.size() < LINES_REPORTED) {
                            bad.add("line " + lineNo + ": " + e.getMessage());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new DataFileException(csv, "cannot be read (" + e.getMessage() + ")", e);
        }
        if (badLines > bad.size()) {
            bad.add("and " + (badLines - bad.size()) + " more lines");
        }
        List<String> problems = bad.stream().map(b -> csv.getFileName() + ": " + b).toList();
        if (extent.isEmpty()) {
            throw new DataFileException(csv, "no data rows" + (bad.isEmpty() ? "" : " (" + bad.get(0) + ")"));
        }
        return new SeaIceIndex(extent, problems);
    }

    /** The lines left out, each as one message naming the file and the line ("extent.csv: line 4: ..."). */
    public List<String> problems() {
        return problems;
    }

    /** Adds one data line, or says in words why it cannot. */
    private static void parseLine(String line, NavigableMap<LocalDate, Double> extent) {
        String shown = line.length() > 80 ? line.substring(0, 80) + "..." : line;
        String[] f = line.split(",", FIELDS);
        if (f.length < FIELDS - 1) {
            throw new IllegalArgumentException("expected Year, Month, Day, Extent, Missing, Source; got '" + shown + "'");
        }
        int[] ymd = new int[3];
        for (int k = 0; k < 3; k++) {
            try {
                ymd[k] = Integer.parseInt(f[k].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + f[k].trim() + "' is not a whole number in '" + shown + "'", e);
            }
        }
        LocalDate date;
        try {
            date = LocalDate.of(ymd[0], ymd[1], ymd[2]);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("year " + ymd[0] + ", month " + ymd[1] + ", day " + ymd[2] + " is not a date", e);
        }
        double e;
        try {
            e = Double.parseDouble(f[3].trim());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("extent '" + f[3].trim() + "' is not a number in '" + shown + "'", ex);
        }
        if (!(e >= 0) || Double.isInfinite(e)) {
            throw new IllegalArgumentException("extent " + f[3].trim() + " is not a size (negative or not finite)");
        }
        extent.put(date, e);
    }

    /** The index's extent on {@code date} in million km², if the index has that day. */
    public Optional<Double> extentMillionKm2(LocalDate date) {
        return Optional.ofNullable(extent.get(date));
    }

    /** Every day's extent in million km², by date (read-only). */
    public NavigableMap<LocalDate, Double> extentsMillionKm2() {
        return extent;
    }
}
