package org.iceising.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where each cell of the 448 × 304 grid lies and how large it is, from NSIDC's
 * {@code psn25lats_v3.dat}, {@code psn25lons_v3.dat} (degrees × 100000) and {@code psn25area_v3.dat}
 * (km² × 1000), each 448 × 304 little-endian int32, row-major like the grids.
 */
public final class GridGeometry {
    public static final String LATITUDES = "psn25lats_v3.dat";
    public static final String LONGITUDES = "psn25lons_v3.dat";
    public static final String AREAS = "psn25area_v3.dat";

    private static final double DEGREE_SCALE = 100_000.0;
    private static final double AREA_SCALE = 1_000.0;

    private final double[] lat;
    private final double[] lon;
    private final double[] area;

    private GridGeometry(double[] lat, double[] lon, double[] area) {
        this.lat = lat;
        this.lon = lon;
        this.area = area;
    }

    /** Loads the three files from {@code gridDir} (e.g. {@code sample-data/grid}). */
    public static GridGeometry load(Path gridDir) {
        return new GridGeometry(
                readInts(gridDir.resolve(LATITUDES), DEGREE_SCALE),
                readInts(gridDir.resolve(LONGITUDES), DEGREE_SCALE),
                readInts(gridDir.resolve(AREAS), AREA_SCALE));
    }

    private static double[] readInts(Path file, double scale) {
        if (!Files.isRegularFile(file)) {
            throw new DataFileException(file, "no such file");
        }
        int expected = 4 * SeaIceGrid.CELLS;
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size != expected) {
                throw new DataFileException(file, (size < expected ? "truncated: " : "wrong size: ")
                        + size + " bytes, expected " + expected + " (448 x 304 int32)");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DataFileException(file, "cannot be read (" + IoWords.of(e) + ")", e);
        }
        if (bytes.length != expected) {
            throw new DataFileException(file, "changed while it was read: " + bytes.length + " bytes, expected " + expected);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        double[] v = new double[SeaIceGrid.CELLS];
        for (int i = 0; i < v.length; i++) {
            v[i] = buf.getInt(4 * i) / scale;
        }
        return v;
    }

    /** Latitude of the cell centre, degrees north. */
    public double lat(int row, int col) {
        return lat[SeaIceGrid.index(row, col)];
    }

    /** Longitude of the cell centre, degrees east (−180..180). */
    public double lon(int row, int col) {
        return lon[SeaIceGrid.index(row, col)];
    }

    /** Area of the cell, km². */
    public double areaKm2(int row, int col) {
        return area[SeaIceGrid.index(row, col)];
    }

    /** All cell areas in km², row-major (a copy). */
    public double[] areasKm2() {
        return area.clone();
    }
}
