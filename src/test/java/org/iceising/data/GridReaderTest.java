package org.iceising.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import ucar.nc2.Attribute;
import ucar.nc2.NetcdfFile;

class GridReaderTest {
    private static final int LAND = 63_212;
    private static final int COAST = 5_052;

    static List<Path> nasaTeamBinaries() {
        return TestData.nasaTeamBinaries();
    }

    @ParameterizedTest
    @MethodSource("nasaTeamBinaries")
    void everyNasaTeamBinaryHasTheFixedLandAndCoastMasks(Path file) {
        SeaIceGrid g = GridReader.read(file);
        assertEquals(LAND, g.count(CellFlag.LAND));
        assertEquals(COAST, g.count(CellFlag.COAST));
        int poleHole = g.sensor().equals("F13") ? 468 : 44;
        assertEquals(poleHole, g.count(CellFlag.POLE_HOLE), "pole hole of " + g.sensor());
        assertEquals(SeaIceGrid.CELLS, Arrays.stream(CellFlag.values()).mapToInt(g::count).sum());
        GridFileName name = GridFileName.parse(file).orElseThrow();
        assertEquals(name.date(), g.date());
        assertEquals(name.sensor(), g.sensor());
        assertEquals(file, g.source());
    }

    @Test
    void nasaTeamConcentrationIsTheRawByteOver250AndFlagsFollowTheByteCodes() throws IOException {
        byte[] raw = Files.readAllBytes(TestData.NT_20180916);
        SeaIceGrid g = GridReader.read(TestData.NT_20180916);
        CellFlag[] byCode = {CellFlag.POLE_HOLE, CellFlag.UNUSED, CellFlag.COAST, CellFlag.LAND, CellFlag.MISSING};
        for (int r = 0; r < SeaIceGrid.ROWS; r++) {
            for (int c = 0; c < SeaIceGrid.COLS; c++) {
                int code = raw[300 + r * SeaIceGrid.COLS + c] & 0xff;
                if (code <= 250) {
                    assertEquals(CellFlag.VALID, g.flag(r, c));
                    assertEquals(code / 250.0, g.concentration(r, c), 0.0);
                } else {
                    assertEquals(byCode[code - 251], g.flag(r, c));
                    assertTrue(Double.isNaN(g.concentration(r, c)));
                }
            }
        }
        assertEquals(LocalDate.of(2018, 9, 16), g.date());
        assertEquals("F18", g.sensor());
        assertEquals("NSIDC-0081 v1", g.product());
        assertEquals(GridProduct.NASA_TEAM_NRT_V1, g.productKind());
        assertEquals("", g.variable());
    }

    @Test
    void finalAndOlderReleaseBinariesAreFinalProducts() {
        SeaIceGrid f = GridReader.read(TestData.FINAL_20170601);
        assertEquals(GridProduct.NASA_TEAM_FINAL_V1, f.productKind());
        assertEquals(LocalDate.of(2017, 6, 1), f.date());
        SeaIceGrid old = GridReader.read(TestData.V01_20010107);
        assertEquals(GridProduct.NASA_TEAM_FINAL_V1, old.productKind());
        assertEquals("F13", old.sensor());
        assertEquals(GridProduct.NASA_TEAM_NRT_V1, GridReader.read(TestData.NRT_20150818).productKind());
    }

    @Test
    void headerAloneGivesDateSensorAndProductWhenTheNameIsNotNsidcs(@TempDir Path tmp) throws IOException {
        Path renamed = Files.copy(TestData.NT_20180916, tmp.resolve("september.bin"));
        SeaIceGrid g = GridReader.read(renamed);
        assertEquals(LocalDate.of(2018, 9, 16), g.date());
        assertEquals("F18", g.sensor());
        assertEquals(GridProduct.NASA_TEAM_NRT_V1, g.productKind());
        assertTrue(Arrays.equals(GridReader.read(TestData.NT_20180916).concentrations(), g.concentrations()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"F16", "F17", "F18"})
    void v2NetcdfSensorsHaveTheSameMasksAsTheBinaries(String sensor) {
        for (Path file : List.of(TestData.NC_2023, TestData.NC_2024)) {
            SeaIceGrid g = GridReader.read(file, sensor);
            assertEquals(LAND, g.count(CellFlag.LAND), file + " " + sensor);
            assertEquals(COAST, g.count(CellFlag.COAST));
            assertEquals(44, g.count(CellFlag.POLE_HOLE));
            assertEquals(0, g.count(CellFlag.UNUSED));
            assertEquals(sensor, g.sensor());
            assertEquals(sensor + "_ICECON", g.variable());
            assertEquals(GridProduct.NASA_TEAM_NRT_V2, g.productKind());
            assertEquals(GridFileName.parse(file).orElseThrow().date(), g.date());
        }
    }

    @Test
    void v2NetcdfMasksSitOnTheSameCellsAsInTheBinaries() {
        SeaIceGrid bin = GridReader.read(TestData.NT_20180916);
        SeaIceGrid nc = GridReader.read(TestData.NC_2023, "F18_ICECON");
        for (CellFlag f : List.of(CellFlag.LAND, CellFlag.COAST, CellFlag.POLE_HOLE)) {
            assertTrue(Arrays.equals(bin.mask(f), nc.mask(f)), f + " mask differs");
        }
    }

    @Test
    void v2NetcdfBytesAreReadRawNotAsEnhancedFillValues() throws IOException {
        SeaIceGrid g = GridReader.read(TestData.NC_2023, "F18");
        // flags survive (an enhanced read would turn 255 into NaN fill and scale 251..254 to ~1.0)
        assertEquals(43, g.count(CellFlag.MISSING));
        int full = 0;
        for (double c : g.concentrations()) {
            if (!Double.isNaN(c)) {
                double code = c * 250;
                assertEquals(Math.rint(code), code, 1e-9);
                assertTrue(c >= 0 && c <= 1);
                if (c == 1.0) {
                    full++;
                }
            }
        }
        assertTrue(full > 0, "some cells are 100 % ice in January");
        assertFalse(Arrays.equals(g.concentrations(), GridReader.read(TestData.NC_2023, "F16").concentrations()),
                "each sensor variable is read on its own");
        try (NetcdfFile nc = NetcdfFile.open(TestData.NC_2023.toString())) {
            for (String v : List.of("F16_ICECON", "F17_ICECON", "F18_ICECON")) {
                Attribute a = nc.findVariable(v).findAttribute("legacy_binary_header");
                byte[] header = new byte[a.getLength()];
                for (int i = 0; i < header.length; i++) {
                    header[i] = a.getNumericValue(i).byteValue();
                }
                NasaTeamHeader h = NasaTeamHeader.parse(header);
                assertEquals(SeaIceGrid.COLS, h.columns());
                assertEquals(SeaIceGrid.ROWS, h.rows());
                assertEquals(g.date(), h.date());
            }
        }
    }

    @Test
    void v2DefaultIsTheStudysSensorWhenItHasCompleteDataInTheArea() {
        for (Path file : List.of(TestData.NC_2023, TestData.NC_2024)) {
            SeaIceGrid f18 = GridReader.read(file, "F18");
            assertEquals(0, f18.count(CellFlag.MISSING, FocusArea.STUDY), "precondition");
            SeaIceGrid g = GridReader.read(file);
            assertEquals("F18", g.sensor());
            assertTrue(Arrays.equals(f18.concentrations(), g.concentrations()));
        }
    }

    @Test
    void v2DefaultFallsBackToAnotherSensorWhereTheStudysHasNoData() {
        SeaIceGrid f18 = GridReader.read(TestData.NC_2023, "F18");
        SeaIceGrid f17 = GridReader.read(TestData.NC_2023, "F17");
        FocusArea hole = null;
        for (int i = 0; i < SeaIceGrid.CELLS && hole == null; i++) {
            int r = i / SeaIceGrid.COLS;
            int c = i % SeaIceGrid.COLS;
            if (f18.flag(r, c) == CellFlag.MISSING && f17.flag(r, c) == CellFlag.VALID) {
                hole = new FocusArea(r, c, 1, 1);
            }
        }
        assertTrue(hole != null, "the 2023-01-30 file has a cell F18 missed and F17 saw");
        SeaIceGrid g = GridReader.read(TestData.NC_2023, hole);
        assertEquals("F17", g.sensor());
        assertEquals("F18", GridReader.read(TestData.NC_2023, FocusArea.STUDY).sensor());
    }

    @Test
    void studysSensorRule() {
        assertEquals("F17", NetcdfGrids.studySensor(LocalDate.of(2015, 8, 18)));
        assertEquals("F17", NetcdfGrids.studySensor(LocalDate.of(2021, 10, 31)));
        assertEquals("F18", NetcdfGrids.studySensor(LocalDate.of(2021, 11, 1)));
        assertEquals("F18", NetcdfGrids.studySensor(LocalDate.of(2022, 8, 28)));
        assertEquals("F17", NetcdfGrids.studySensor(LocalDate.of(2022, 8, 29)));
        assertEquals("F17", NetcdfGrids.studySensor(LocalDate.of(2022, 8, 31)));
        assertEquals("F18", NetcdfGrids.studySensor(LocalDate.of(2022, 9, 1)));
    }

    @Test
    void variableNamesAreMatchedLooselyAndUnknownOnesNamed() {
        assertEquals("F17_ICECON", GridReader.read(TestData.NC_2024, "f17_icecon").variable());
        DataFileException e = assertThrows(DataFileException.class, () -> GridReader.read(TestData.NC_2024, "F19"));
        assertEquals("NSIDC0081_SEAICE_PS_N25km_20240820_v2.0.nc: no variable 'F19'; it holds [F18_ICECON, F17_ICECON, F16_ICECON]",
                e.getMessage());
        DataFileException bin = assertThrows(DataFileException.class, () -> GridReader.read(TestData.NT_20180916, "F18"));
        assertTrue(bin.getMessage().startsWith("nt_20180916_f18_nrt_n.bin: a binary grid has no variables"));
    }

    @Test
    void variablesListsWhatEachFileOffers() {
        assertEquals(List.of("F18_ICECON", "F17_ICECON", "F16_ICECON"), GridReader.variables(TestData.NC_2023));
        assertEquals(List.of("cdr_seaice_conc", "nsidc_bt_seaice_conc", "nsidc_nt_seaice_conc"), GridReader.variables(TestData.CDR_2021));
        assertEquals(List.of(), GridReader.variables(TestData.NT_20180916));
        assertEquals(List.of(), GridReader.variables(TestData.BT_2018));
    }

    @Test
    void cdrIsReadAsPercentWithItsOwnFlags() {
        SeaIceGrid g = GridReader.read(TestData.CDR_2021);
        assertEquals("cdr_seaice_conc", g.variable());
        assertEquals(GridProduct.CDR, g.productKind());
        assertEquals("F17", g.sensor());
        assertEquals(LocalDate.of(2021, 12, 31), g.date());
        assertEquals(63_707, g.count(CellFlag.LAND));
        assertEquals(4_561, g.count(CellFlag.COAST));
        assertEquals(665, g.count(CellFlag.UNUSED));
        assertEquals(0, g.count(CellFlag.POLE_HOLE), "the CDR fills the pole hole");
        for (double c : g.concentrations()) {
            if (!Double.isNaN(c)) {
                assertEquals(Math.rint(c * 100), c * 100, 1e-9);
            }
        }
        SeaIceGrid nt = GridReader.read(TestData.CDR_2021, "nsidc_nt_seaice_conc");
        assertEquals("nsidc_nt_seaice_conc", nt.variable());
        assertFalse(Arrays.equals(g.concentrations(), nt.concentrations()));
    }

    @Test
    void bootstrapIsReadAsPercentTimesTenAndItsLandIsNasaTeamsLandPlusCoast() throws IOException {
        SeaIceGrid bt = GridReader.read(TestData.BT_2018);
        assertEquals(GridProduct.BOOTSTRAP, bt.productKind());
        assertEquals("F17", bt.sensor());
        assertEquals(LocalDate.of(2018, 12, 13), bt.date());
        assertEquals(24, bt.count(CellFlag.MISSING));
        SeaIceGrid nt = GridReader.read(TestData.NT_20181213);
        for (int r = 0; r < SeaIceGrid.ROWS; r++) {
            for (int c = 0; c < SeaIceGrid.COLS; c++) {
                boolean ntLand = nt.flag(r, c) == CellFlag.LAND || nt.flag(r, c) == CellFlag.COAST;
                assertEquals(ntLand, bt.flag(r, c) == CellFlag.LAND, "row " + r + ", column " + c);
            }
        }
        ByteBuffer raw = ByteBuffer.wrap(Files.readAllBytes(TestData.BT_2018)).order(ByteOrder.LITTLE_ENDIAN);
        int i = 200 * SeaIceGrid.COLS + 100;
        assertEquals(raw.getShort(2 * i) / 1000.0, bt.concentration(200, 100), 0.0);
    }
}
