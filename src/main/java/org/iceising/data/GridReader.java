package org.iceising.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one day's grid from any of the supported files, recognising the format from the content:
 * NASA Team binary ({@code nt_*.bin}, 300-byte header + 448 × 304 bytes), NSIDC-0081 / NSIDC-0051
 * version 2 netCDF-4, NOAA/NSIDC CDR netCDF-4 and Bootstrap binary ({@code bt_*.bin}). Every problem
 * with a file is a {@link DataFileException} naming the file.
 */
public final class GridReader {
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] NETCDF3_SIGNATURE = {'C', 'D', 'F'};

    private GridReader() {
    }

    /** Reads {@code file}; for a v2 netCDF file the sensor is chosen for the study's focus area. */
    public static SeaIceGrid read(Path file) {
        return read(file, null, FocusArea.STUDY);
    }

    /**
     * Reads {@code file}; for a v2 netCDF file the sensor is the study's for the date (F17 up to October
     * 2021 and on 29–31 August 2022, else F18) if present with complete data in {@code area}, else
     * another present sensor with data there ({@link SeaIceGrid#sensor()} says which).
     */
    public static SeaIceGrid read(Path file, FocusArea area) {
        return read(file, null, area);
    }

    /**
     * Reads one variable of a netCDF file ("F17_ICECON", or just "F17"; "cdr_seaice_conc",
     * "nsidc_nt_seaice_conc", ...); null means the default as in {@link #read(Path)}. Binary files
     * hold no variables and accept only null.
     */
    public static SeaIceGrid read(Path file, String variable) {
        return read(file, variable, FocusArea.STUDY);
    }

    private static SeaIceGrid read(Path file, String variable, FocusArea area) {
        Format format = format(file);
        if (format == Format.NETCDF) {
            return NetcdfGrids.read(file, variable, area);
        }
        if (variable != null) {
            throw new DataFileException(file, "a binary grid has no variables, cannot read '" + variable + "'");
        }
        Optional<GridFileName> name = GridFileName.parse(file);
        if (format == Format.NASA_TEAM) {
            return BinaryGrids.nasaTeam(file, readAll(file, BinaryGrids.NASA_TEAM_BYTES), name);
        }
        return BinaryGrids.bootstrap(file, readAll(file, BinaryGrids.BOOTSTRAP_BYTES), name);
    }

    /**
     * The concentration variables a netCDF file offers (v2: "F18_ICECON", "F17_ICECON", ...; CDR:
     * "cdr_seaice_conc" first); an empty list for the binary formats, which hold a single grid.
     */
    public static List<String> variables(Path file) {
        return format(file) == Format.NETCDF ? NetcdfGrids.variables(file) : List.of();
    }

    private enum Format { NASA_TEAM, BOOTSTRAP, NETCDF }

    /** The products whose files are plain binary grids, never netCDF. */
    private static final Set<GridProduct> BINARY_PRODUCTS = EnumSet.of(GridProduct.NASA_TEAM_FINAL_V1, GridProduct.NASA_TEAM_NRT_V1,
            GridProduct.BOOTSTRAP);

    private static Format format(Path file) {
        String instead = RegularFiles.notAFile(file);
        if (instead != null) {
            throw new DataFileException(file, instead);
        }
        long size;
        byte[] head = new byte[HDF5_SIGNATURE.length];
        int got;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            got = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new DataFileException(file, "cannot be read (" + IoWords.of(e) + ")", e);
        }
        if (size == 0) {
            throw new DataFileException(file, "empty file");
        }
        Optional<GridProduct> named = GridFileName.parse(file).map(GridFileName::product);
        if (startsWith(head, got, HDF5_SIGNATURE) || startsWith(head, got, NETCDF3_SIGNATURE)) {
            if (named.isPresent() && BINARY_PRODUCTS.contains(named.get())) {
                throw new DataFileException(file, "file name says a " + named.get().label() + " binary grid but it is a netCDF file");
            }
            return Format.NETCDF;
        }
        String name = file.getFileName().toString();
        if (name.endsWith(".nc") || name.endsWith(".nc4")) {
            throw new DataFileException(file, "not a netCDF file: it starts with neither the HDF5 nor the netCDF-3 signature");
        }
        if (named.isPresent()) {
            return named.get() == GridProduct.BOOTSTRAP ? Format.BOOTSTRAP : Format.NASA_TEAM;
        }
        if (size == BinaryGrids.NASA_TEAM_BYTES) {
            return Format.NASA_TEAM;
        }
        if (size == BinaryGrids.BOOTSTRAP_BYTES) {
            return Format.BOOTSTRAP;
        }
        throw new DataFileException(file, "not a sea-ice grid: " + size + " bytes is neither a NASA Team binary ("
                + BinaryGrids.NASA_TEAM_BYTES + ") nor a Bootstrap binary (" + BinaryGrids.BOOTSTRAP_BYTES + "), and it is not netCDF");
    }

    private static void requireSize(Path file, long size, int expected) {
        if (size < expected) {
            throw new DataFileException(file, "truncated: " + size + " bytes, expected " + expected);
        }
        if (size > expected) {
            throw new DataFileException(file, "wrong size: " + size + " bytes, expected " + expected);
        }
    }

    private static boolean startsWith(byte[] head, int length, byte[] signature) {
        if (length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (head[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The file's bytes, its size checked first (a damaged or sparse file of gigabytes is refused, not
     * read) and again after reading (a file that changed meanwhile).
     */
    private static byte[] readAll(Path file, int expected) {
        try {
            requireSize(file, Files.size(file), expected);
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes(expected + 1);
                requireSize(file, bytes.length, expected);
                return bytes;
            }
        } catch (IOException e) {
            throw new DataFileException(file, "cannot be read (" + IoWords.of(e) + ")", e);
        }
    }
}
