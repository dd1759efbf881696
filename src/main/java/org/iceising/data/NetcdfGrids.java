package org.iceising.data;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.ZipException;
import ucar.ma2.Array;
import ucar.ma2.DataType;
import ucar.ma2.IndexIterator;
import ucar.nc2.Attribute;
import ucar.nc2.NetcdfFile;
import ucar.nc2.Variable;
import ucar.nc2.iosp.netcdf3.N3header;
import ucar.unidata.io.RandomAccessFile;

/**
 * Reader for the netCDF-4 products: NSIDC-0081 / NSIDC-0051 version 2 (one ubyte variable per
 * satellite, {@code F17_ICECON} ..., 0..250 = concentration × 250) and the NOAA/NSIDC CDR
 * ({@code cdr_seaice_conc}, {@code nsidc_nt_seaice_conc}, {@code nsidc_bt_seaice_conc}, 0..100 =
 * percent). Files are opened without netCDF-Java's "enhance" mode, so the raw bytes, flags included,
 * are read as stored rather than scaled and turned into fill values.
 */
final class NetcdfGrids {
    private static final Pattern SENSOR_VARIABLE = Pattern.compile("(F\\d\\d)_ICECON");
    private static final Pattern CDR_VARIABLE = Pattern.compile("(cdr|nsidc_nt|nsidc_bt|goddard_nt|goddard_bt|goddard_merged)_seaice_conc");
    private static final Pattern PLATFORM = Pattern.compile("\\b([FN]\\d\\d)\\b");
    private static final String CDR_DEFAULT = "cdr_seaice_conc";
    private static final int SENSOR_MAX = 250;
    private static final int CDR_MAX = 100;
    /** The study's switch-over: F17 up to October 2021 and on 29–31 August 2022, F18 otherwise. */
    private static final LocalDate F17_UNTIL = LocalDate.of(2021, 10, 31);
    private static final LocalDate F17_AGAIN_FROM = LocalDate.of(2022, 8, 29);
    private static final LocalDate F17_AGAIN_UNTIL = LocalDate.of(2022, 8, 31);
    /** netCDF-Java's own words for a file shorter than its header says (HDF5 and netCDF-3 headers). */
    private static final Pattern TRUNCATED = Pattern.compile("File is truncated (?:should be|calculated size)\\s*=\\s*(\\d+)\\s*actual\\s*=\\s*(\\d+)");

    static {
        // a netCDF-3 file shorter than its header says would otherwise read as zeros (0 % ice)
        N3header.disallowFileTruncation = true;
    }

    private NetcdfGrids() {
    }

    /** The selectable concentration variables, sensors in descending order (F18, F17, ...) or CDR first. */
    static List<String> variables(Path file) {
        try (NetcdfFile nc = open(file)) {
            return concentrationVariables(nc);
        } catch (IOException | RuntimeException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Reads {@code variable} (a full name such as "F17_ICECON", a sensor such as "F17", or null for the
     * default: the CDR's own variable, or for a v2 file the study's sensor for the date if it is present
     * and complete in {@code area}, else another present sensor with data there).
     */
    static SeaIceGrid read(Path file, String variable, FocusArea area) {
        try (NetcdfFile nc = open(file)) {
            List<String> names = concentrationVariables(nc);
            if (names.isEmpty()) {
                throw new DataFileException(file, "no sea-ice concentration variable (F11_ICECON ... F18_ICECON or cdr_seaice_conc); found "
                        + nc.getVariables().stream().map(Variable::getShortName).toList());
            }
            Optional<GridFileName> name = GridFileName.parse(file);
            LocalDate date = date(nc, file, name);
            boolean sensorFile = SENSOR_VARIABLE.matcher(names.get(0)).matches();
            GridProduct product = product(nc, file, sensorFile, name);
            if (variable != null) {
                return grid(nc, file, resolve(file, variable, names), date, product, name);
            }
            if (!sensorFile) {
                return grid(nc, file, names.contains(CDR_DEFAULT) ? CDR_DEFAULT : names.get(0), date, product, name);
            }
            return defaultSensor(nc, file, names, date, product, name, area);
        } catch (IOException | RuntimeException e) {
            throw unreadable(file, e);
        }
    }

    private static SeaIceGrid defaultSensor(NetcdfFile nc, Path file, List<String> names, LocalDate date,
                                            GridProduct product, Optional<GridFileName> name, FocusArea area) throws IOException {
        String preferred = studySensor(date) + "_ICECON";
        List<String> order = new ArrayList<>(names);
        if (order.remove(preferred)) {
            order.add(0, preferred);
        }
        SeaIceGrid best = null;
        int bestValid = -1;
        for (String v : order) {
            SeaIceGrid g = grid(nc, file, v, date, product, name);
            int valid = g.count(CellFlag.VALID, area);
            if (valid > 0 && g.count(CellFlag.MISSING, area) == 0) {
                return g;
            }
            if (valid > bestValid) {
                best = g;
                bestValid = valid;
            }
        }
        return best;
    }

    /** The sensor the study read on {@code date}: "F17" up to October 2021 and 29–31 August 2022, else "F18". */
    static String studySensor(LocalDate date) {
        boolean f17 = !date.isAfter(F17_UNTIL) || (!date.isBefore(F17_AGAIN_FROM) && !date.isAfter(F17_AGAIN_UNTIL));
        return f17 ? "F17" : "F18";
    }

    /**
     * Opens the file itself, whatever its name: {@code NetcdfFile.open(String)} would take a name ending
     * in .gz, .zip, .Z or .bz2 for a compressed file and write an uncompressed copy beside it, that is
     * into the user's data folder.
     */
    private static NetcdfFile open(Path file) throws IOException {
        RandomAccessFile raf = new RandomAccessFile(file.toString(), "r");
        try {
            return NetcdfFile.open(raf, file.toString(), null, null);
        } catch (IOException | RuntimeException e) {
            raf.close();
            throw e;
        }
    }

    /**
     * A damaged file makes netCDF-Java throw I/O errors but also unchecked ones (bad HDF5 structures,
     * corrupt zlib chunks); each becomes one message in words, without the library's own text (which
     * names Java classes). Our own {@link DataFileException}s pass through.
     */
    private static DataFileException unreadable(Path file, Exception e) {
        if (e instanceof DataFileException d) {
            return d;
        }
        return new DataFileException(file, "cannot be read as netCDF: " + why(e), e);
    }

    private static String why(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = t.getMessage() == null ? null : TRUNCATED.matcher(t.getMessage());
            if (m != null && m.find()) {
                return "truncated, " + m.group(2) + " bytes where its header describes " + m.group(1);
            }
            if (t instanceof EOFException) {
                return "truncated, it ends inside its own structures";
            }
            if (t instanceof ZipException || t instanceof DataFormatException) {
                return "a compressed block of its data is corrupt";
            }
        }
        return "its internal structure is damaged";
    }

    private static List<String> concentrationVariables(NetcdfFile nc) {
        List<String> sensors = new ArrayList<>();
        List<String> cdr = new ArrayList<>();
        for (Variable v : nc.getVariables()) {
            String n = v.getShortName();
            if (SENSOR_VARIABLE.matcher(n).matches()) {
                sensors.add(n);
            } else if (CDR_VARIABLE.matcher(n).matches()) {
                cdr.add(n);
            }
        }
        sensors.sort(Comparator.reverseOrder());
        cdr.sort(Comparator.comparing((String n) -> !n.equals(CDR_DEFAULT)).thenComparing(Comparator.naturalOrder()));
        return sensors.isEmpty() ? cdr : sensors;
    }

    private static String resolve(Path file, String requested, List<String> names) {
        for (String n : names) {
            if (n.equalsIgnoreCase(requested) || n.equalsIgnoreCase(requested + "_ICECON")) {
                return n;
            }
        }
        throw new DataFileException(file, "no variable '" + requested + "'; it holds " + names);
    }

    private static SeaIceGrid grid(NetcdfFile nc, Path file, String name, LocalDate date, GridProduct product,
                                   Optional<GridFileName> fileName) throws IOException {
        Variable v = nc.findVariable(name);
        Matcher sensorMatch = SENSOR_VARIABLE.matcher(name);
        boolean sensorVariable = sensorMatch.matches();
        int max = sensorVariable ? SENSOR_MAX : CDR_MAX;
        if (v.getDataType() != DataType.BYTE) {
            throw new DataFileException(file, "variable " + name + " is " + v.getDataType() + ", expected unsigned bytes");
        }
        int[] shape = v.getShape();
        boolean oneDay = (shape.length == 3 && shape[0] == 1) || shape.length == 2;
        if (!oneDay || shape[shape.length - 2] != SeaIceGrid.ROWS || shape[shape.length - 1] != SeaIceGrid.COLS) {
            throw new DataFileException(file, "wrong shape: variable " + name + " is " + Arrays.toString(shape)
                    + ", expected [1, " + SeaIceGrid.ROWS + ", " + SeaIceGrid.COLS + "]");
        }
        Attribute scale = v.findAttribute("scale_factor");
        if (scale != null && (scale.getNumericValue() == null
                || !(Math.abs(scale.getNumericValue().doubleValue() * max - 1) <= 1e-6))) {
            throw new DataFileException(file, "variable " + name + " has scale_factor "
                    + (scale.getNumericValue() == null ? "'" + scale.getStringValue() + "'" : scale.getNumericValue())
                    + ", expected " + 1.0 / max);
        }
        Array data = v.read();
        double[] c = new double[SeaIceGrid.CELLS];
        CellFlag[] flags = new CellFlag[SeaIceGrid.CELLS];
        IndexIterator it = data.getIndexIterator();
        for (int i = 0; i < SeaIceGrid.CELLS; i++) {
            int code = it.getByteNext() & 0xff;
            if (!BinaryGrids.decodeByte(code, max, i, c, flags)) {
                throw new DataFileException(file, "variable " + name + " holds " + code + " at " + BinaryGrids.cell(i)
                        + ", neither a concentration (0.." + max + ") nor a flag (251..255)");
            }
        }
        String sensor = sensorVariable ? sensorMatch.group(1) : cdrSensor(nc, file, fileName);
        return new SeaIceGrid(date, product, sensor, name, file, c, flags);
    }

    /** A CDR file's sensor: from its name, checked against its platform attribute when that names one satellite. */
    private static String cdrSensor(NetcdfFile nc, Path file, Optional<GridFileName> name) {
        String named = name.map(GridFileName::sensor).orElse("");
        Attribute platform = nc.findGlobalAttribute("platform");
        List<String> platforms = new ArrayList<>();
        if (platform != null && platform.isString()) {
            Matcher m = PLATFORM.matcher(platform.getStringValue());
            while (m.find()) {
                if (!platforms.contains(m.group(1))) {
                    platforms.add(m.group(1));
                }
            }
        }
        if (!named.isEmpty() && platforms.size() == 1 && !platforms.get(0).equals(named)) {
            throw new DataFileException(file, "file name says " + named + " but its platform attribute says " + platforms.get(0));
        }
        return !named.isEmpty() ? named : platforms.isEmpty() ? "" : platforms.get(0);
    }

    private static LocalDate date(NetcdfFile nc, Path file, Optional<GridFileName> name) {
        Attribute start = nc.findGlobalAttribute("time_coverage_start");
        if (start != null && start.isString() && start.getStringValue().length() >= 10) {
            LocalDate d;
            try {
                d = LocalDate.parse(start.getStringValue().substring(0, 10));
            } catch (DateTimeParseException e) {
                throw new DataFileException(file, "time_coverage_start '" + start.getStringValue() + "' is not a date", e);
            }
            name.ifPresent(n -> BinaryGrids.requireSameDate(file, n.date(), d, "time_coverage_start attribute"));
            return d;
        }
        return name.map(GridFileName::date).orElseThrow(() -> new DataFileException(file,
                "no date: neither a time_coverage_start attribute nor an NSIDC file name"));
    }

    /**
     * A v2 file's product: final or near-real-time as its name says, checked against its title
     * ("Near-Real-Time ..." for NSIDC-0081) where it has one; from the title alone without an NSIDC name.
     */
    private static GridProduct product(NetcdfFile nc, Path file, boolean sensorFile, Optional<GridFileName> name) {
        if (!sensorFile) {
            return GridProduct.CDR;
        }
        Attribute title = nc.findGlobalAttribute("title");
        Optional<GridProduct> byTitle = title != null && title.isString()
                ? Optional.of(title.getStringValue().toLowerCase(Locale.ROOT).contains("near-real-time")
                        ? GridProduct.NASA_TEAM_NRT_V2 : GridProduct.NASA_TEAM_FINAL_V2)
                : Optional.empty();
        Optional<GridProduct> named = name.map(GridFileName::product)
                .filter(p -> p == GridProduct.NASA_TEAM_NRT_V2 || p == GridProduct.NASA_TEAM_FINAL_V2);
        if (named.isPresent() && byTitle.isPresent() && named.get() != byTitle.get()) {
            throw new DataFileException(file, "file name says " + kind(named.get()) + " but its title attribute says "
                    + kind(byTitle.get()) + " ('" + title.getStringValue() + "')");
        }
        return named.or(() -> byTitle).orElse(GridProduct.NASA_TEAM_FINAL_V2);
    }

    private static String kind(GridProduct p) {
        return (p.finalProduct() ? "final (" : "near-real-time (") + p.label() + ")";
    }
}
