package org.iceising.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault cases of the data layer, each made here from a real file: damaged netCDF-4 and netCDF-3,
 * gigabyte sparse files, names that disagree with the content, and folders with bad entries.
 * Every refusal is one line in words that names the file.
 */
class DamagedInputsTest {
    /** Java's own text: a class name, an exception, a stack frame. */
    private static final Pattern JAVA_TEXT = Pattern.compile("Exception|java\\.|ucar\\.|\\bat org\\.|\\n|null");
    private static final long THREE_GB = 3L << 30;

    @TempDir
    Path tmp;

    private static String refusal(Path file) {
        String m = assertThrows(DataFileException.class, () -> GridReader.read(file)).getMessage();
        assertClean(m);
        assertTrue(m.startsWith(file.getFileName() + ": "), m);
        return m;
    }

    static void assertClean(String message) {
        assertFalse(JAVA_TEXT.matcher(message).find(), message);
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(tmp.resolve(name), content);
    }

    @Test
    void netcdf4DamagedAnywhereIsReadOrRefusedInWords() throws IOException {
        byte[] real = Files.readAllBytes(TestData.NC_2023);
        String name = TestData.NC_2023.getFileName().toString();
        Pattern refusal = Pattern.compile(Pattern.quote(name) + ": cannot be read as netCDF: (truncated, \\d+ bytes where its header"
                + " describes " + real.length + "|truncated, it ends inside its own structures|a compressed block of its data is corrupt"
                + "|its internal structure is damaged)|" + Pattern.quote(name) + ": no sea-ice concentration variable .*");
        Random random = new Random(14);
        int refused = 0;
        for (int k = 0; k < 60; k++) {
            byte[] b = real.clone();
            int at = random.nextInt(b.length - 64);
            for (int i = at; i < at + 32; i++) {
                b[i] = (byte) random.nextInt(256);
            }
            Path f = write(name, b);
            try {
                assertEquals(LocalDate.of(2023, 1, 30), GridReader.read(f).date());
            } catch (DataFileException e) {
                refused++;
                assertTrue(refusal.matcher(e.getMessage()).matches(), "bytes " + at + "..: " + e.getMessage());
            }
        }
        assertTrue(refused > 0, "some of 60 damaged copies must be refused");
        for (int length : new int[] {9, 2000, real.length / 10, real.length / 2, real.length - 1}) {
            Path f = write(name, Arrays.copyOf(real, length));
            String m = refusal(f);
            assertTrue(m.startsWith(name + ": cannot be read as netCDF: truncated"), m);
        }
    }

    /** A netCDF-3 copy of the real 2023-01-30 grid's F18 concentrations, as an old tool would write it. */
    private Path netcdf3Copy(String fileName, double scaleFactor) throws IOException {
        return DamagedCopies.netcdf3(TestData.NC_2023, tmp.resolve(fileName), scaleFactor);
    }

    @Test
    void truncatedNetcdf3IsRefusedNotReadAsOpenWater() throws IOException {
        Path f = netcdf3Copy("NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc", 0.004);
        SeaIceGrid whole = GridReader.read(f);
        assertArrayEquals(GridReader.read(TestData.NC_2023, "F18").concentrations(), whole.concentrations());
        byte[] b = Files.readAllBytes(f);
        for (int length : new int[] {b.length / 2, 1000}) {
            Files.write(f, Arrays.copyOf(b, length));
            assertEquals(f.getFileName() + ": cannot be read as netCDF: truncated, " + length + " bytes where its header describes "
                    + b.length, refusal(f));
        }
        // one byte short: the header itself still fits, the read of the last cell runs off the end
        Files.write(f, Arrays.copyOf(b, b.length - 1));
        assertEquals(f.getFileName() + ": cannot be read as netCDF: truncated, it ends inside its own structures", refusal(f));
    }

    @Test
    void aScaleFactorThatIsNotANumberIsRefused() throws IOException {
        assertEquals("NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc: variable F18_ICECON has scale_factor NaN, expected 0.004",
                refusal(netcdf3Copy("NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc", Double.NaN)));
        assertEquals("NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc: variable F18_ICECON has scale_factor 0.01, expected 0.004",
                refusal(netcdf3Copy("NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc", 0.01)));
    }

    @Test
    void compressedLookingNamesWriteNothingIntoTheDataFolder() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("data"));
        for (String name : List.of("grid.zip", "grid.gz", "grid.Z", "grid.bz2", "NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc.gz")) {
            Path f = Files.copy(TestData.NC_2023, folder.resolve(name));
            assertEquals(LocalDate.of(2023, 1, 30), GridReader.read(f).date(), name);
            assertEquals(List.of("F18_ICECON", "F17_ICECON", "F16_ICECON"), GridReader.variables(f), name);
            assertEquals(List.of(name), TestData.list(folder).stream().map(p -> p.getFileName().toString()).toList(),
                    "nothing beside " + name);
            Files.delete(f);
        }
    }

    private Path sparse(Path real, String name, long length) throws IOException {
        Path f = Files.copy(real, tmp.resolve(name));
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(length);
        }
        return f;
    }

    @Test
    void gigabyteSparseFilesAreRefusedBeforeReading() throws IOException {
        assertEquals("nt_20180916_f18_nrt_n.bin: wrong size: " + THREE_GB + " bytes, expected 136492",
                refusal(sparse(TestData.NT_20180916, "nt_20180916_f18_nrt_n.bin", THREE_GB)));
        assertEquals("bt_20181213_f17_v3.1_n.bin: wrong size: " + THREE_GB + " bytes, expected 272384",
                refusal(sparse(TestData.BT_2018, "bt_20181213_f17_v3.1_n.bin", THREE_GB)));
        assertEquals("grid.bin: not a sea-ice grid: " + THREE_GB + " bytes is neither a NASA Team binary (136492) nor a Bootstrap"
                + " binary (272384), and it is not netCDF", refusal(sparse(TestData.NT_20180916, "grid.bin", THREE_GB)));
        Path csv = sparse(TestData.EXTENT_CSV, "N_seaice_extent_daily_v3.0.csv", THREE_GB);
        assertEquals("N_seaice_extent_daily_v3.0.csv: too large for the Sea Ice Index daily extent CSV: " + THREE_GB
                + " bytes (at most " + SeaIceIndex.MAX_BYTES + ")", assertThrows(DataFileException.class, () -> SeaIceIndex.load(csv)).getMessage());
        Path grid = Files.createDirectories(tmp.resolve("grid"));
        for (String g : List.of(GridGeometry.LATITUDES, GridGeometry.LONGITUDES, GridGeometry.AREAS)) {
            Files.copy(TestData.GRID.resolve(g), grid.resolve(g));
        }
        try (RandomAccessFile raf = new RandomAccessFile(grid.resolve(GridGeometry.AREAS).toFile(), "rw")) {
            raf.setLength(THREE_GB);
        }
        assertEquals("psn25area_v3.dat: wrong size: " + THREE_GB + " bytes, expected 544768 (448 x 304 int32)",
                assertThrows(DataFileException.class, () -> GridGeometry.load(grid)).getMessage());
    }

    @Test
    void aNameThatContradictsTheContentIsRefused() throws IOException {
        assertEquals("nt_20180916_f17_nrt_n.bin: file name says F17 but the header says F18",
                refusal(Files.copy(TestData.NT_20180916, tmp.resolve("nt_20180916_f17_nrt_n.bin"))));
        assertEquals("nt_20180916_f18_v1.1_n.bin: file name says final but the header's file name field 'nt_20180916_f18_nrt_n'"
                + " says near-real-time", refusal(Files.copy(TestData.NT_20180916, tmp.resolve("nt_20180916_f18_v1.1_n.bin"))));
        String header = new String(Files.readAllBytes(TestData.FINAL_20170601), 126, 24, StandardCharsets.US_ASCII).trim();
        assertEquals("nt_20170601_f17_nrt_n.bin: file name says near-real-time but the header's file name field '" + header
                + "' says final", refusal(Files.copy(TestData.FINAL_20170601, tmp.resolve("nt_20170601_f17_nrt_n.bin"))));
        assertEquals("NSIDC0051_SEAICE_PS_N25km_20230130_v2.0.nc: file name says final (NSIDC-0051 v2) but its title attribute says"
                + " near-real-time (NSIDC-0081 v2) ('Near-Real-Time DMSP SSMIS Daily Polar Gridded Sea Ice Concentrations')",
                refusal(Files.copy(TestData.NC_2023, tmp.resolve("NSIDC0051_SEAICE_PS_N25km_20230130_v2.0.nc"))));
        assertEquals("seaice_conc_daily_nh_20211231_f18_v04r00.nc: file name says F18 but its platform attribute says F17",
                refusal(Files.copy(TestData.CDR_2021, tmp.resolve("seaice_conc_daily_nh_20211231_f18_v04r00.nc"))));
        // the real files' names and contents agree
        for (Path real : TestData.nasaTeamBinaries()) {
            GridFileName n = GridFileName.parse(real).orElseThrow();
            SeaIceGrid g = GridReader.read(real);
            assertEquals(n.sensor(), g.sensor(), real.toString());
            assertEquals(n.product(), g.productKind(), real.toString());
        }
    }

    @Test
    void impossibleDatesAndDuplicateDaysAreReportedAndADamagedCopyGivesWayToAGoodOne() throws IOException {
        Files.copy(TestData.NT_20180916, tmp.resolve("nt_20180230_f18_nrt_n.bin"));
        Files.copy(TestData.NT_20180916, tmp.resolve("nt_20180916_f18_nrt_n.bin"));
        // F17 is the study's sensor in 2018, so this copy (F18 inside) is read first and refused
        Files.copy(TestData.NT_20180916, tmp.resolve("nt_20180916_f17_nrt_n.bin"));
        Path other = Files.createDirectories(tmp.resolve("other"));
        byte[] real = Files.readAllBytes(TestData.FINAL_20170601);
        Files.write(other.resolve("nt_20170601_f17_v1.1_n.bin"), Arrays.copyOf(real, 5000));
        Files.write(tmp.resolve("nt_20170601_f17_v1.1_n.bin"), real);
        DataCatalogue c = DataCatalogue.scan(tmp);
        assertEquals(List.of("nt_20180230_f18_nrt_n.bin: follows NSIDC's naming but 20180230 is not a date (YYYYMMDD); left out"),
                c.problems());
        assertEquals(List.of("2017-06-01: 2 NSIDC-0051 v1 files (nt_20170601_f17_v1.1_n.bin, other/nt_20170601_f17_v1.1_n.bin);"
                        + " nt_20170601_f17_v1.1_n.bin is read first",
                "2018-09-16: 2 NSIDC-0081 v1 files (nt_20180916_f17_nrt_n.bin, nt_20180916_f18_nrt_n.bin);"
                        + " nt_20180916_f17_nrt_n.bin is read first"), c.duplicates());

        DataCatalogue.Loaded l = c.read(LocalDate.of(2018, 9, 16), FocusArea.STUDY);
        assertEquals(tmp.resolve("nt_20180916_f18_nrt_n.bin"), l.grid().source());
        assertEquals(List.of("nt_20180916_f17_nrt_n.bin: file name says F17 but the header says F18; read nt_20180916_f18_nrt_n.bin"
                + " for 2018-09-16 instead"), l.skipped().stream().map(Exception::getMessage).toList());
        assertArrayEquals(GridReader.read(TestData.NT_20180916).concentrations(), c.load(LocalDate.of(2018, 9, 16)).concentrations());
        assertEquals(List.of(), c.read(LocalDate.of(2017, 6, 1), FocusArea.STUDY).skipped());

        // with only damaged copies left the day is lost, and the message says so
        Files.delete(tmp.resolve("nt_20170601_f17_v1.1_n.bin"));
        Files.write(tmp.resolve("nt_20170601_f17_v1.1_n.bin"), Arrays.copyOf(real, 100));
        DataCatalogue broken = DataCatalogue.scan(tmp);
        DataFileException e = assertThrows(DataFileException.class, () -> broken.load(LocalDate.of(2017, 6, 1)));
        assertEquals("nt_20170601_f17_v1.1_n.bin: truncated: 100 bytes, expected 136492 (and the 1 other files for 2017-06-01 cannot"
                + " be read either)", e.getMessage());
    }

    @Test
    void aBatchReadsEveryReadableDateAndListsTheOthers() throws IOException {
        List<LocalDate> days = new ArrayList<>();
        for (Path real : TestData.list(TestData.NT_2018).subList(0, 6)) {
            days.add(GridFileName.parse(real).orElseThrow().date());
            Files.copy(real, tmp.resolve(real.getFileName()));
        }
        Path bad = tmp.resolve(TestData.list(TestData.NT_2018).get(2).getFileName());
        Files.write(bad, Arrays.copyOf(Files.readAllBytes(bad), 1000));
        DataCatalogue c = DataCatalogue.scan(tmp);
        List<LocalDate> read = new ArrayList<>();
        List<DataFileException> problems = c.forEach(c.dates(), FocusArea.STUDY, (d, g) -> read.add(d));
        List<LocalDate> expected = new ArrayList<>(days);
        expected.remove(GridFileName.parse(bad).orElseThrow().date());
        assertEquals(expected.stream().sorted().toList(), read);
        assertEquals(List.of(bad.getFileName() + ": truncated: 1000 bytes, expected 136492"),
                problems.stream().map(Exception::getMessage).toList());
    }

    @Test
    void aSubFolderThatCannotBeListedIsReportedAndTheRestIsScanned() throws IOException {
        Files.copy(TestData.NT_20180916, tmp.resolve(TestData.NT_20180916.getFileName()));
        Path sub = Files.createDirectories(tmp.resolve("2019"));
        Files.copy(TestData.FINAL_20170601, sub.resolve(TestData.FINAL_20170601.getFileName()));
        // a link back to the folder above: followed, it would loop for ever
        Files.createSymbolicLink(sub.resolve("loop"), tmp);
        DataCatalogue c = DataCatalogue.scan(tmp);
        assertEquals(List.of(LocalDate.of(2017, 6, 1), LocalDate.of(2018, 9, 16)), List.copyOf(c.dates()));
        assertEquals(List.of("2019/loop: cannot be read (a symbolic link leads back into a folder above it); the grids in it are left out"),
                c.problems());
    }

    @Test
    void aPipeADeviceALinkToNowhereOrAFolderUnderAGridsNameIsReportedNotSkippedSilently() throws IOException {
        Files.copy(TestData.NT_20180916, tmp.resolve(TestData.NT_20180916.getFileName()));
        SpecialFiles.fifo(tmp, "nt_20180917_f18_nrt_n.bin");
        Files.createSymbolicLink(tmp.resolve("nt_20180918_f18_nrt_n.bin"), Path.of("/dev/zero"));
        Files.createSymbolicLink(tmp.resolve("nt_20180919_f18_nrt_n.bin"), tmp.resolve("gone.bin"));
        Files.createDirectories(tmp.resolve("nt_20180920_f18_nrt_n.bin"));
        DataCatalogue c = DataCatalogue.scan(tmp);
        assertEquals(List.of(LocalDate.of(2018, 9, 16)), List.copyOf(c.dates()));
        assertEquals(List.of("nt_20180917_f18_nrt_n.bin: is a pipe, socket or device, not a file; left out",
                        "nt_20180918_f18_nrt_n.bin: is a pipe, socket or device, not a file; left out",
                        "nt_20180919_f18_nrt_n.bin: is a symbolic link that leads nowhere (to a missing file or round to itself); left out",
                        "nt_20180920_f18_nrt_n.bin: is a folder, not a grid file; left out"),
                c.problems().stream().sorted().toList());
    }

    @Test
    void aNetcdfFileUnderABinaryGridsNameIsRefused() throws IOException {
        assertEquals("nt_20211231_f17_v1.1_n.bin: file name says a NSIDC-0051 v1 binary grid but it is a netCDF file",
                refusal(Files.copy(TestData.CDR_2021, tmp.resolve("nt_20211231_f17_v1.1_n.bin"))));
        assertEquals("bt_20230130_f17_v3.1_n.bin: file name says a NSIDC-0079 Bootstrap binary grid but it is a netCDF file",
                refusal(Files.copy(TestData.NC_2023, tmp.resolve("bt_20230130_f17_v3.1_n.bin"))));
    }

    @Test
    void aBadLineOfTheSeaIceIndexIsListedAndTheOthersAreRead() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(TestData.EXTENT_CSV, StandardCharsets.ISO_8859_1));
        int row = lines.size() / 2;
        String original = lines.get(row);
        lines.set(row, original.replaceFirst(",[^,]*,", ", 1x,"));
        lines.set(row + 1, "\u0000\u0000\u0000");
        Path csv = tmp.resolve("N_seaice_extent_daily_v3.0.csv");
        Files.write(csv, lines, StandardCharsets.ISO_8859_1);
        SeaIceIndex index = SeaIceIndex.load(csv);
        SeaIceIndex real = SeaIceIndex.load(TestData.EXTENT_CSV);
        assertEquals(real.extentsMillionKm2().size() - 2, index.extentsMillionKm2().size());
        assertEquals(2, index.problems().size(), index.problems().toString());
        assertTrue(index.problems().get(0).startsWith("N_seaice_extent_daily_v3.0.csv: line " + (row + 1) + ": '1x' is not a whole number"),
                index.problems().get(0));
        assertTrue(index.problems().get(1).startsWith("N_seaice_extent_daily_v3.0.csv: line " + (row + 2) + ": expected Year, Month"),
                index.problems().get(1));
        assertEquals(List.of(), real.problems());
    }

    @Test
    void focusAreasNearTheIntegerLimitDoNotWrapRound() {
        assertEquals("focus area rows 2147483647..2147483656 are outside the grid's rows 0..447",
                assertThrows(IllegalArgumentException.class, () -> FocusArea.parse("2147483647,0,10,10")).getMessage());
        assertEquals("focus area rows 1..2147483647 are outside the grid's rows 0..447",
                assertThrows(IllegalArgumentException.class, () -> FocusArea.parse("1,1,2147483647,1")).getMessage());
        assertEquals("focus area columns 1..2147483647 are outside the grid's columns 0..303",
                assertThrows(IllegalArgumentException.class, () -> FocusArea.parse("1,1,1,2147483647")).getMessage());
        assertEquals("focus area '0-2147483647,0-10': rows '0-2147483647' is out of range",
                assertThrows(IllegalArgumentException.class, () -> FocusArea.parse("0-2147483647,0-10")).getMessage());
    }
}
