package org.iceising.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ucar.ma2.Array;
import ucar.nc2.NetcdfFile;

class GridGeometryTest {
    private static final GridGeometry GEO = GridGeometry.load(TestData.GRID);

    @Test
    void row0CentreIsOnTheSiberianSideAndRow447CentreOnTheAtlanticSide() {
        assertEquals(39.52, GEO.lat(0, 152), 0.01);
        assertEquals(135.37, GEO.lon(0, 152), 0.01);
        assertEquals(43.38, GEO.lat(447, 151), 0.01);
        assertEquals(-45.67, GEO.lon(447, 151), 0.01);
    }

    @Test
    void latitudeRangeAndTotalArea() {
        double min = 90;
        double max = -90;
        double area = 0;
        double minArea = Double.MAX_VALUE;
        double maxArea = 0;
        for (int r = 0; r < SeaIceGrid.ROWS; r++) {
            for (int c = 0; c < SeaIceGrid.COLS; c++) {
                min = Math.min(min, GEO.lat(r, c));
                max = Math.max(max, GEO.lat(r, c));
                area += GEO.areaKm2(r, c);
                minArea = Math.min(minArea, GEO.areaKm2(r, c));
                maxArea = Math.max(maxArea, GEO.areaKm2(r, c));
            }
        }
        assertEquals(31.10, min, 0.005);
        assertEquals(89.84, max, 0.005);
        assertEquals(75.66e6, area, 0.005e6);
        assertEquals(382.7, minArea, 0.05);
        assertEquals(664.4, maxArea, 0.05);
    }

    @Test
    void latLonAgreeWithNsidc0771AtEveryCell() throws IOException {
        try (NetcdfFile nc = NetcdfFile.open(TestData.GRID.resolve("NSIDC0771_LatLon_PS_N25km_v1.0.nc").toString())) {
            Array lat = nc.findVariable("latitude").read();
            Array lon = nc.findVariable("longitude").read();
            for (int i = 0; i < SeaIceGrid.CELLS; i++) {
                int r = i / SeaIceGrid.COLS;
                int c = i % SeaIceGrid.COLS;
                assertEquals(lat.getDouble(i), GEO.lat(r, c), 1e-5);
                double dLon = Math.abs(lon.getDouble(i) - GEO.lon(r, c)) % 360;
                assertTrue(Math.min(dLon, 360 - dLon) < 1e-4, "longitude at row " + r + ", column " + c);
            }
        }
    }

    @Test
    void areasAreCopies() {
        double[] a = GEO.areasKm2();
        a[0] = -1;
        assertTrue(GEO.areaKm2(0, 0) > 0);
    }

    @Test
    void missingOrTruncatedFilesAreNamed(@TempDir Path tmp) throws IOException {
        DataFileException none = assertThrows(DataFileException.class, () -> GridGeometry.load(tmp));
        assertEquals("psn25lats_v3.dat: no such file", none.getMessage());
        for (String f : new String[] {GridGeometry.LATITUDES, GridGeometry.LONGITUDES}) {
            Files.copy(TestData.GRID.resolve(f), tmp.resolve(f));
        }
        byte[] area = Files.readAllBytes(TestData.GRID.resolve(GridGeometry.AREAS));
        Files.write(tmp.resolve(GridGeometry.AREAS), Arrays.copyOf(area, 1000));
        DataFileException truncated = assertThrows(DataFileException.class, () -> GridGeometry.load(tmp));
        assertEquals("psn25area_v3.dat: truncated: 1000 bytes, expected 544768 (448 x 304 int32)", truncated.getMessage());
    }
}
