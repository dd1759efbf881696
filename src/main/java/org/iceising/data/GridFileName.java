package org.iceising.data;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What NSIDC's file-naming conventions tell about a northern 25 km grid: its date, product and, where
 * the name carries it, its sensor (e.g. "F18"; empty for v2 netCDF files, which hold several).
 */
public record GridFileName(LocalDate date, GridProduct product, String sensor) {
    private static final Pattern NASA_TEAM = Pattern.compile("nt_(\\d{8})_([fn]\\d\\d)_(nrt|v1\\.1|v01)_n\\.bin");
    private static final Pattern BOOTSTRAP = Pattern.compile("bt_(\\d{8})_([fn]\\d\\d)_v\\d+(?:\\.\\d+)?_n\\.bin");
    private static final Pattern NETCDF_V2 = Pattern.compile("NSIDC(0081|0051)_SEAICE_PS_N25km_(\\d{8})_v2\\.\\d+\\.nc");
    private static final Pattern CDR_V4 = Pattern.compile("seaice_conc_daily_nh_(\\d{8})_([fn]\\d\\d)_v\\d\\dr\\d\\d\\.nc");
    private static final Pattern CDR_V3 = Pattern.compile("seaice_conc_daily_nh_([fn]\\d\\d)_(\\d{8})_v\\d\\dr\\d\\d\\.nc");
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    /** The meaning of a file's name, or empty if it is not an NSIDC northern 25 km daily grid name. */
    public static Optional<GridFileName> parse(Path file) {
        Path fileName = file.getFileName();
        return fileName == null ? Optional.empty() : parse(fileName.toString());
    }

    /**
     * The meaning of a bare file name, or empty if it is not an NSIDC northern 25 km daily grid name
     * (a name with a folder in it never is).
     */
    public static Optional<GridFileName> parse(String name) {
        try {
            return match(name);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Why a name that follows an NSIDC convention is still not a grid's name: its date does not exist
     * ("nt_20180230_f18_nrt_n.bin" names 30 February); empty for good names and for other files.
     */
    public static Optional<String> impossibleDate(String name) {
        try {
            match(name);
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of("follows NSIDC's naming but " + e.getParsedString() + " is not a date (YYYYMMDD)");
        }
    }

    private static Optional<GridFileName> match(String name) {
        Matcher m = NASA_TEAM.matcher(name);
        if (m.matches()) {
            GridProduct p = m.group(3).equals("nrt") ? GridProduct.NASA_TEAM_NRT_V1 : GridProduct.NASA_TEAM_FINAL_V1;
            return Optional.of(new GridFileName(date(m.group(1)), p, sensor(m.group(2))));
        }
        m = BOOTSTRAP.matcher(name);
        if (m.matches()) {
            return Optional.of(new GridFileName(date(m.group(1)), GridProduct.BOOTSTRAP, sensor(m.group(2))));
        }
        m = NETCDF_V2.matcher(name);
        if (m.matches()) {
            GridProduct p = m.group(1).equals("0081") ? GridProduct.NASA_TEAM_NRT_V2 : GridProduct.NASA_TEAM_FINAL_V2;
            return Optional.of(new GridFileName(date(m.group(2)), p, ""));
        }
        m = CDR_V4.matcher(name);
        if (m.matches()) {
            return Optional.of(new GridFileName(date(m.group(1)), GridProduct.CDR, sensor(m.group(2))));
        }
        m = CDR_V3.matcher(name);
        if (m.matches()) {
            return Optional.of(new GridFileName(date(m.group(2)), GridProduct.CDR, sensor(m.group(1))));
        }
        return Optional.empty();
    }

    private static LocalDate date(String yyyymmdd) {
        return LocalDate.parse(yyyymmdd, YYYYMMDD);
    }

    private static String sensor(String code) {
        return code.toUpperCase(Locale.ROOT);
    }
}
