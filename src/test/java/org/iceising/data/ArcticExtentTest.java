package org.iceising.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArcticExtentTest {
    private static final GridGeometry GEO = GridGeometry.load(TestData.GRID);
    private static final SeaIceIndex INDEX = SeaIceIndex.load(TestData.EXTENT_CSV);

    @Test
    void extentOfEverySampleGridIsWithin04MillionKm2OfTheSeaIceIndex() {
        List<Path> files = new ArrayList<>(TestData.nasaTeamBinaries());
        files.addAll(List.of(TestData.NC_2023, TestData.CDR_2021, TestData.BT_2018));
        int compared = 0;
        for (Path f : files) {
            SeaIceGrid g = GridReader.read(f);
            Optional<Double> index = INDEX.extentMillionKm2(g.date());
            if (index.isPresent()) {
                double mine = ArcticExtent.km2(g, GEO) / 1e6;
                assertEquals(index.get(), mine, 0.4, f.getFileName().toString());
                compared++;
            }
        }
        assertEquals(files.size(), compared, "the index covers every sample date");
    }

    @Test
    void everyV2SensorAgreesWithTheIndex() {
        for (String s : List.of("F16", "F17", "F18")) {
            double mine = ArcticExtent.km2(GridReader.read(TestData.NC_2023, s), GEO) / 1e6;
            assertEquals(13.670, mine, 0.4, s);
        }
        assertTrue(INDEX.extentMillionKm2(LocalDate.of(2024, 8, 20)).isEmpty(), "the CSV ends in March 2024");
    }

    @Test
    void extentIsTheAreaOfCellsFromByte38UpPlusThePoleHole() throws IOException {
        byte[] raw = Files.readAllBytes(TestData.NT_20180916);
        double sum = 0;
        for (int i = 0; i < SeaIceGrid.CELLS; i++) {
            int code = raw[300 + i] & 0xff;
            if ((code >= 38 && code <= 250) || code == 251) {
                sum += GEO.areaKm2(i / SeaIceGrid.COLS, i % SeaIceGrid.COLS);
            }
        }
        assertEquals(sum, ArcticExtent.km2(GridReader.read(TestData.NT_20180916), GEO), 1e-6);
    }

    @Test
    void indexReadsKnownRows() {
        assertEquals(4.718, INDEX.extentMillionKm2(LocalDate.of(2022, 9, 16)).orElseThrow(), 0.0);
        assertEquals(12.734, INDEX.extentMillionKm2(LocalDate.of(2023, 1, 1)).orElseThrow(), 0.0);
        assertEquals(10.231, INDEX.extentMillionKm2(LocalDate.of(1978, 10, 26)).orElseThrow(), 0.0);
        assertEquals(15.095, INDEX.extentMillionKm2(LocalDate.of(2024, 3, 11)).orElseThrow(), 0.0);
        assertEquals(LocalDate.of(1978, 10, 26), INDEX.extentsMillionKm2().firstKey());
        assertEquals(LocalDate.of(2024, 3, 11), INDEX.extentsMillionKm2().lastKey());
        assertTrue(INDEX.extentMillionKm2(LocalDate.of(1978, 10, 27)).isEmpty(), "early SMMR data are every other day");
    }

    @Test
    void badIndexFilesAreNamedWithTheLine(@TempDir Path tmp) throws IOException {
        List<String> lines = Files.readAllLines(TestData.EXTENT_CSV).subList(0, 5);
        Path bad = tmp.resolve("extent.csv");
        Files.write(bad, List.of(lines.get(0), lines.get(1), "1978,    13,  01,     10.000,      0.000, x"));
        assertEquals("extent.csv: no data rows (line 3: year 1978, month 13, day 1 is not a date)",
                assertThrows(DataFileException.class, () -> SeaIceIndex.load(bad)).getMessage());
        Files.write(bad, List.of());
        assertEquals("extent.csv: empty file", assertThrows(DataFileException.class, () -> SeaIceIndex.load(bad)).getMessage());
        assertEquals("nt_20180916_f18_nrt_n.bin: not a Sea Ice Index daily extent CSV: line 1 does not start with"
                + " 'Year, Month, Day, Extent'", assertThrows(DataFileException.class, () -> SeaIceIndex.load(TestData.NT_20180916)).getMessage());
    }
}
