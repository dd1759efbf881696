package org.iceising.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Collections;
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

    private final NavigableMap<LocalDate, Double> extent;

    private SeaIceIndex(NavigableMap<LocalDate, Double> extent) {
        this.extent = Collections.unmodifiableNavigableMap(extent);
    }

    /** Reads the CSV. */
    public static SeaIceIndex load(Path csv) {
        if (!Files.isRegularFile(csv)) {
            throw new DataFileException(csv, "no such file");
        }
        NavigableMap<LocalDate, Double> extent = new TreeMap<>();
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
                    parseLine(csv, line, lineNo, extent);
                }
            }
        } catch (IOException e) {
            throw new DataFileException(csv, "cannot be read (" + e.getMessage() + ")", e);
        }
        if (extent.isEmpty()) {
            throw new DataFileException(csv, "no data rows");
        }
        return new SeaIceIndex(extent);
    }

    private static void parseLine(Path csv, String line, int lineNo, NavigableMap<LocalDate, Double> extent) {
        String[] f = line.split(",", FIELDS);
        if (f.length < FIELDS - 1) {
            throw new DataFileException(csv, "line " + lineNo + ": expected Year, Month, Day, Extent, Missing, Source; got '" + line + "'");
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(f[0].trim()), Integer.parseInt(f[1].trim()), Integer.parseInt(f[2].trim()));
            double e = Double.parseDouble(f[3].trim());
            if (!(e >= 0)) {
                throw new DataFileException(csv, "line " + lineNo + ": extent " + f[3].trim() + " is negative");
            }
            extent.put(date, e);
        } catch (NumberFormatException | DateTimeException ex) {
            throw new DataFileException(csv, "line " + lineNo + ": " + ex.getMessage() + " in '" + line + "'", ex);
        }
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
