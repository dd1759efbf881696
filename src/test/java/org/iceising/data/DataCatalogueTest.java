package org.iceising.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.iceising.data.DataCatalogue.Preference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCatalogueTest {
    private static final DataCatalogue SAMPLE = DataCatalogue.scan(TestData.SAMPLE);

    @Test
    void findsEveryGridOfTheSampleFolderAndNothingElse() {
        List<LocalDate> nt2018 = TestData.list(TestData.NT_2018).stream()
                .map(p -> GridFileName.parse(p).orElseThrow().date()).toList();
        assertEquals(43, nt2018.size());
        assertTrue(SAMPLE.dates().containsAll(nt2018));
        // 43 NASA Team days + 2 v2 netCDF + 1 CDR + 1 Bootstrap; grid/, extent/ and PROVENANCE.md ignored
        assertEquals(47, SAMPLE.dates().size());
        for (LocalDate d : SAMPLE.dates()) {
            assertEquals(d, SAMPLE.load(d).date());
        }
        assertEquals(TestData.NT_20180916, SAMPLE.file(LocalDate.of(2018, 9, 16)).orElseThrow());
    }

    @Test
    void seasonBoundariesOf2018AreThereExceptTheFinal2019Boundary() {
        List<LocalDate> boundaries = Stream.iterate(LocalDate.of(2018, 6, 16), d -> d.getDayOfMonth() == 1 ? d.withDayOfMonth(16)
                : d.plusMonths(1).withDayOfMonth(1)).limit(14).toList();
        assertEquals(LocalDate.of(2019, 1, 1), boundaries.get(13));
        assertEquals(List.of(LocalDate.of(2019, 1, 1)),
                boundaries.stream().filter(d -> SAMPLE.file(d).isEmpty()).toList());
        assertEquals(List.of(LocalDate.of(2019, 1, 1)), SAMPLE.missing(LocalDate.of(2018, 12, 16), LocalDate.of(2019, 1, 1)).stream()
                .filter(d -> d.getDayOfMonth() == 1).toList());
        assertEquals(List.of(), SAMPLE.missing(LocalDate.of(2018, 8, 16), LocalDate.of(2018, 9, 1)));
        assertEquals(List.of(LocalDate.of(2018, 9, 2), LocalDate.of(2018, 9, 3)),
                SAMPLE.missing(LocalDate.of(2018, 9, 1), LocalDate.of(2018, 9, 3)));
        assertThrows(IllegalArgumentException.class, () -> SAMPLE.missing(LocalDate.of(2018, 9, 3), LocalDate.of(2018, 9, 1)));
    }

    @Test
    void loadingAMissingDayNamesTheFolderAndTheDay() {
        DataFileException e = assertThrows(DataFileException.class, () -> SAMPLE.load(LocalDate.of(2019, 1, 1)));
        assertEquals("sample-data: no grid for 2019-01-01 (grids cover 2018-06-16 .. 2024-08-20, 47 days)", e.getMessage());
    }

    @Test
    void searchesNestedFoldersOfRealFiles(@TempDir Path tmp) throws IOException {
        Path deep = Files.createDirectories(tmp.resolve("a/b/c"));
        Files.copy(TestData.FINAL_20170601, deep.resolve(TestData.FINAL_20170601.getFileName()));
        Files.copy(TestData.NT_20180916, tmp.resolve("a").resolve(TestData.NT_20180916.getFileName()));
        Files.copy(TestData.NC_2023, tmp.resolve(TestData.NC_2023.getFileName()));
        Files.copy(TestData.EXTENT_CSV, deep.resolve("N_seaice_extent_daily_v3.0.csv"));
        Files.writeString(tmp.resolve("notes.txt"), "not a grid");
        DataCatalogue cat = DataCatalogue.scan(tmp);
        assertEquals(List.of(LocalDate.of(2017, 6, 1), LocalDate.of(2018, 9, 16), LocalDate.of(2023, 1, 30)), List.copyOf(cat.dates()));
        assertEquals(GridProduct.NASA_TEAM_FINAL_V1, cat.load(LocalDate.of(2017, 6, 1)).productKind());
        assertEquals("F18", cat.load(LocalDate.of(2023, 1, 30)).sensor());
    }

    @Test
    void nasaTeamBeatsBootstrapOnARealSameDayPair(@TempDir Path tmp) throws IOException {
        Files.copy(TestData.NT_20181213, tmp.resolve(TestData.NT_20181213.getFileName()));
        Path bt = Files.createDirectories(tmp.resolve("bt")).resolve(TestData.BT_2018.getFileName());
        Files.copy(TestData.BT_2018, bt);
        LocalDate day = LocalDate.of(2018, 12, 13);
        for (Preference p : Preference.values()) {
            DataCatalogue cat = DataCatalogue.scan(tmp, p);
            assertEquals(List.of(tmp.resolve(TestData.NT_20181213.getFileName()), bt), cat.files(day));
            assertEquals(GridProduct.NASA_TEAM_NRT_V1, cat.load(day).productKind());
        }
    }

    /**
     * No real final and near-real-time grid of the same day exists among the files we have, so the
     * ranking is checked on NSIDC file names (nothing is read).
     */
    @Test
    void finalBeatsNearRealTimeUnlessAskedOtherwiseAndNasaTeamRanksAboveTheExtras() {
        List<String> names = List.of("bt_20180916_f17_v3.1_n.bin", "seaice_conc_daily_nh_20180916_f18_v04r00.nc",
                "nt_20180916_f18_nrt_n.bin", "NSIDC0081_SEAICE_PS_N25km_20180916_v2.0.nc",
                "nt_20180916_f18_v1.1_n.bin", "NSIDC0051_SEAICE_PS_N25km_20180916_v2.0.nc");
        assertEquals(List.of("NSIDC0051_SEAICE_PS_N25km_20180916_v2.0.nc", "nt_20180916_f18_v1.1_n.bin",
                "NSIDC0081_SEAICE_PS_N25km_20180916_v2.0.nc", "nt_20180916_f18_nrt_n.bin",
                "seaice_conc_daily_nh_20180916_f18_v04r00.nc", "bt_20180916_f17_v3.1_n.bin"), ranked(names, Preference.FINAL_FIRST));
        assertEquals(List.of("NSIDC0081_SEAICE_PS_N25km_20180916_v2.0.nc", "nt_20180916_f18_nrt_n.bin",
                "NSIDC0051_SEAICE_PS_N25km_20180916_v2.0.nc", "nt_20180916_f18_v1.1_n.bin",
                "seaice_conc_daily_nh_20180916_f18_v04r00.nc", "bt_20180916_f17_v3.1_n.bin"), ranked(names, Preference.NEAR_REAL_TIME_FIRST));
    }

    private static List<String> ranked(List<String> names, Preference p) {
        Comparator<GridFileName> order = DataCatalogue.order(p);
        return names.stream().sorted(Comparator.comparing(n -> GridFileName.parse(Path.of(n)).orElseThrow(), order)).toList();
    }

    @Test
    void preferenceCanBeChangedWithoutRescanning(@TempDir Path tmp) throws IOException {
        Files.copy(TestData.FINAL_20170601, tmp.resolve(TestData.FINAL_20170601.getFileName()));
        DataCatalogue cat = DataCatalogue.scan(tmp);
        assertEquals(Preference.FINAL_FIRST, cat.preference());
        assertEquals(Preference.NEAR_REAL_TIME_FIRST, cat.withPreference(Preference.NEAR_REAL_TIME_FIRST).preference());
        assertEquals(cat.dates(), cat.withPreference(Preference.NEAR_REAL_TIME_FIRST).dates());
    }

    @Test
    void namesOfOtherGridsAndHemispheresAreNotIndexed() {
        for (String n : List.of("nt_20180916_f18_nrt_s.bin", "psn25area_v3.dat", "NSIDC0771_LatLon_PS_N25km_v1.0.nc",
                "nt_20181332_f18_nrt_n.bin", "N_seaice_extent_daily_v3.0.csv", "PROVENANCE.md")) {
            assertTrue(GridFileName.parse(Path.of(n)).isEmpty(), n);
        }
    }

    @Test
    void aMissingFolderIsNamed(@TempDir Path tmp) {
        // the folder a user gives is named whole: "iceising: no such folder" for /proc/iceising would say little
        assertEquals(tmp.resolve("nowhere") + ": no such folder",
                assertThrows(DataFileException.class, () -> DataCatalogue.scan(tmp.resolve("nowhere"))).getMessage());
        assertEquals(TestData.NT_20180916 + ": is a file, not a folder",
                assertThrows(DataFileException.class, () -> DataCatalogue.scan(TestData.NT_20180916)).getMessage());
        assertEquals("/dev/null: is a pipe, socket or device, not a folder",
                assertThrows(DataFileException.class, () -> DataCatalogue.scan(Path.of("/dev/null"))).getMessage());
    }
}
