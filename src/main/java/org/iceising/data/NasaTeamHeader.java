package org.iceising.data;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The 300-byte ASCII header of a NASA Team binary (NSIDC-0051 v1 / NSIDC-0081 v1), also carried as the
 * {@code legacy_binary_header} attribute of the v2 netCDF variables: 21 six-byte fields (missing value,
 * columns, rows, ..., instrument, data descriptors, ..., year, julian day, ...), then a 24-byte file
 * name, an 80-byte title and a 70-byte information field.
 */
record NasaTeamHeader(int columns, int rows, LocalDate date, String sensor, String fileNameField) {
    static final int LENGTH = 300;

    private static final int FIELD = 6;
    private static final int COLUMNS = 1;
    private static final int ROWS = 2;
    private static final int INSTRUMENT = 9;
    private static final int DESCRIPTORS = 10;
    private static final int YEAR = 17;
    private static final int JULIAN_DAY = 18;
    private static final int FILE_NAME_AT = 21 * FIELD;
    private static final int FILE_NAME_LENGTH = 24;

    /**
     * Parses the first 300 bytes of {@code bytes}.
     *
     * @throws IllegalArgumentException saying which field is unreadable
     */
    static NasaTeamHeader parse(byte[] bytes) {
        if (bytes.length < LENGTH) {
            throw new IllegalArgumentException("header is " + bytes.length + " bytes, expected " + LENGTH);
        }
        int columns = number(bytes, COLUMNS, "number of columns");
        int rows = number(bytes, ROWS, "number of rows");
        int year = number(bytes, YEAR, "year");
        int day = number(bytes, JULIAN_DAY, "day of year");
        LocalDate date;
        try {
            date = LocalDate.ofYearDay(year, day);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("header date (year " + year + ", day " + day + ") is not a date", e);
        }
        String instrument = field(bytes, INSTRUMENT * FIELD, FIELD);
        String descriptors = field(bytes, DESCRIPTORS * FIELD, FIELD);
        String satellite = descriptors.length() >= 2 && Character.isDigit(descriptors.charAt(0)) && Character.isDigit(descriptors.charAt(1))
                ? descriptors.substring(0, 2) : "";
        String sensor = satellite.isEmpty() ? "" : (instrument.equals("SMMR") ? "N" : "F") + satellite;
        return new NasaTeamHeader(columns, rows, date, sensor, field(bytes, FILE_NAME_AT, FILE_NAME_LENGTH));
    }

    /** True if the header's own file-name field marks a near-real-time file ("..._nrt_n"). */
    boolean nearRealTime() {
        return fileNameField.contains("_nrt_");
    }

    private static int number(byte[] bytes, int index, String what) {
        String s = field(bytes, index * FIELD, FIELD);
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("corrupt header: " + what + " field (bytes " + index * FIELD + ".."
                    + (index * FIELD + FIELD - 1) + ") reads '" + printable(s) + "', not a number", e);
        }
    }

    private static String field(byte[] bytes, int from, int length) {
        byte[] f = Arrays.copyOfRange(bytes, from, from + length);
        int end = 0;
        while (end < f.length && f[end] != 0) {
            end++;
        }
        return new String(f, 0, end, StandardCharsets.ISO_8859_1).trim();
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return b.toString();
    }
}
