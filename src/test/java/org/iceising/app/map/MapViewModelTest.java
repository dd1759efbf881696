package org.iceising.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.iceising.data.CellFlag;
import org.iceising.data.GridGeometry;
import org.iceising.data.GridReader;
import org.iceising.data.SampleData;
import org.iceising.data.SeaIceGrid;
import org.junit.jupiter.api.Test;

class MapViewModelTest {
    private static final Path DATA = SampleData.directory();

    @Test
    void latitudesAndLongitudesReadAsNorthAndEastOrWest() {
        assertEquals("78.12° N, 160.50° W", MapViewModel.latLon(78.12, -160.5));
        assertEquals("78.12° N, 160.50° W", MapViewModel.latLon(78.12, 199.5));
        assertEquals("85.00° N, 45.00° E", MapViewModel.latLon(85, 45));
    }

    /** Degrees × 100000, int32 little-endian, row-major: read here independently of the data layer. */
    private static double rawDegrees(String file, int row, int col) throws IOException {
        byte[] b = Files.readAllBytes(DATA.resolve("grid").resolve(file));
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(4 * (row * SeaIceGrid.COLS + col)) / 100_000.0;
    }

    @Test
    void theCursorLineGivesCellPositionAndConcentration() throws IOException {
        MapViewModel vm = new MapViewModel();
        SeaIceGrid grid = GridReader.read(DATA.resolve("nt_2018").resolve("nt_20180916_f18_nrt_n.bin"));
        vm.gridProperty().set(grid);
        vm.geometryProperty().set(GridGeometry.load(DATA.resolve("grid")));
        vm.hover(210, 110);
        String expected = String.format(Locale.ROOT, "row 210, column 110 · %s · ice %.1f %%",
                MapViewModel.latLon(rawDegrees("psn25lats_v3.dat", 210, 110), rawDegrees("psn25lons_v3.dat", 210, 110)),
                100 * grid.concentration(210, 110));
        assertEquals(expected, vm.cursorProperty().get());
        vm.hover(-1, 5);
        assertEquals("", vm.cursorProperty().get());
    }

    @Test
    void flaggedCellsSayWhatTheyAre() {
        MapViewModel vm = new MapViewModel();
        SeaIceGrid grid = GridReader.read(DATA.resolve("nt_2018").resolve("nt_20180616_f18_nrt_n.bin"));
        vm.gridProperty().set(grid);
        int[] land = find(grid, CellFlag.LAND);
        vm.hover(land[0], land[1]);
        assertTrue(vm.cursorProperty().get().endsWith(" · land"), vm.cursorProperty().get());
        int[] hole = find(grid, CellFlag.POLE_HOLE);
        vm.hover(hole[0], hole[1]);
        assertTrue(vm.cursorProperty().get().endsWith("pole hole (not seen by the sensor)"), vm.cursorProperty().get());
    }

    private static int[] find(SeaIceGrid g, CellFlag f) {
        for (int r = 0; r < SeaIceGrid.ROWS; r++) {
            for (int c = 0; c < SeaIceGrid.COLS; c++) {
                if (g.flag(r, c) == f) {
                    return new int[] {r, c};
                }
            }
        }
        throw new AssertionError("no " + f + " cell");
    }

    @Test
    void theTitleNamesDateProductSensorAndFile() {
        SeaIceGrid grid = GridReader.read(DATA.resolve("nt_2018").resolve("nt_20180616_f18_nrt_n.bin"));
        String t = MapViewModel.title(grid);
        assertTrue(t.startsWith("2018-06-16 · "), t);
        assertTrue(t.endsWith(" · nt_20180616_f18_nrt_n.bin"), t);
    }
}
