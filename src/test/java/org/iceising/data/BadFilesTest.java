package org.iceising.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ucar.ma2.ArrayByte;
import ucar.ma2.DataType;
import ucar.nc2.Dimension;
import ucar.nc2.NetcdfFileWriter;
import ucar.nc2.Variable;

/** Damaged copies of real files are rejected with a message naming the file and the fault. */
class BadFilesTest {
    @TempDir
    Path tmp;

    private Path copy(Path real, byte[] content) throws IOException {
        return Files.write(tmp.resolve(real.getFileName()), content);
    }

    private static String message(Path file) {
        return assertThrows(DataFileException.class, () -> GridReader.read(file)).getMessage();
    }

    @Test
    void truncatedNasaTeamBinary() throws IOException {
        Path f = copy(TestData.NT_20180916, Arrays.copyOf(Files.readAllBytes(TestData.NT_20180916), 1000));
        assertEquals("nt_20180916_f18_nrt_n.bin: truncated: 1000 bytes, expected 136492", message(f));
    }

    @Test
    void overlongNasaTeamBinary() throws IOException {
        Path f = copy(TestData.NT_20180916, Arrays.copyOf(Files.readAllBytes(TestData.NT_20180916), 136_493));
        assertEquals("nt_20180916_f18_nrt_n.bin: wrong size: 136493 bytes, expected 136492", message(f));
    }

    @Test
    void emptyFiles() throws IOException {
        assertEquals("nt_20180916_f18_nrt_n.bin: empty file", message(copy(TestData.NT_20180916, new byte[0])));
        assertEquals("NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc: empty file", message(copy(TestData.NC_2023, new byte[0])));
    }

    @Test
    void truncatedBootstrapBinary() throws IOException {
        Path f = copy(TestData.BT_2018, Arrays.copyOf(Files.readAllBytes(TestData.BT_2018), 136_492));
        assertEquals("bt_20181213_f17_v3.1_n.bin: truncated: 136492 bytes, expected 272384", message(f));
    }

    @Test
    void corruptHeader() throws IOException {
        byte[] b = Files.readAllBytes(TestData.NT_20180916);
        System.arraycopy("ab?de".getBytes(StandardCharsets.US_ASCII), 0, b, 12, 5);
        assertEquals("nt_20180916_f18_nrt_n.bin: corrupt header: number of rows field (bytes 12..17) reads 'ab?de', not a number",
                message(copy(TestData.NT_20180916, b)));
    }

    @Test
    void headerOfAnotherShape() throws IOException {
        byte[] b = Files.readAllBytes(TestData.NT_20180916);
        System.arraycopy("  316".getBytes(StandardCharsets.US_ASCII), 0, b, 6, 5);
        assertEquals("nt_20180916_f18_nrt_n.bin: wrong shape: header says 448 rows x 316 columns, expected 448 x 304",
                message(copy(TestData.NT_20180916, b)));
    }

    @Test
    void nameAndHeaderOfDifferentDays() throws IOException {
        Path f = Files.copy(TestData.NT_20180916, tmp.resolve("nt_20180917_f18_nrt_n.bin"));
        assertEquals("nt_20180917_f18_nrt_n.bin: file name says 2018-09-17 but the header says 2018-09-16", message(f));
    }

    @Test
    void bootstrapValueOutsideItsCodes() throws IOException {
        byte[] b = Files.readAllBytes(TestData.BT_2018);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(2 * (3 * SeaIceGrid.COLS + 5), (short) 1050);
        assertEquals("bt_20181213_f17_v3.1_n.bin: value 1050 at row 3, column 5 is not a Bootstrap code"
                + " (0..1000 concentration x 10, 1100 missing, 1200 land)", message(copy(TestData.BT_2018, b)));
    }

    @Test
    void textNamedNc() throws IOException {
        Path f = Files.copy(TestData.SAMPLE.resolve("PROVENANCE.md"), tmp.resolve("NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc"));
        assertEquals("NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc: not a netCDF file: it starts with neither the HDF5"
                + " nor the netCDF-3 signature", message(f));
    }

    @Test
    void truncatedNetcdf() throws IOException {
        byte[] b = Files.readAllBytes(TestData.NC_2023);
        Path f = copy(TestData.NC_2023, Arrays.copyOf(b, b.length / 2));
        assertEquals("NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc: cannot be read as netCDF: truncated, " + b.length / 2
                + " bytes where its header describes " + b.length, message(f));
        assertThrows(DataFileException.class, () -> GridReader.variables(f));
    }

    @Test
    void netcdfWithACorruptCompressedChunk() throws IOException {
        byte[] b = Files.readAllBytes(TestData.NC_2023);
        // the compressed sensor chunks fill the file's last quarter
        for (int i = b.length - 10_000; i < b.length - 10_000 + 16; i++) {
            b[i] ^= (byte) 0xff;
        }
        String m = message(copy(TestData.NC_2023, b));
        assertEquals("NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc: cannot be read as netCDF: a compressed block of its data is corrupt", m);
    }

    @Test
    void unknownBinary() throws IOException {
        Path f = Files.write(tmp.resolve("grid.bin"), new byte[5000]);
        assertEquals("grid.bin: not a sea-ice grid: 5000 bytes is neither a NASA Team binary (136492) nor a Bootstrap"
                + " binary (272384), and it is not netCDF", message(f));
        Path bt = Files.copy(TestData.BT_2018, tmp.resolve("december.bin"));
        assertEquals("december.bin: a Bootstrap binary has no header, so its date must come from its NSIDC name"
                + " (bt_YYYYMMDD_fNN_v3.1_n.bin)", message(bt));
    }

    @Test
    void missingFileAndFolder() throws IOException {
        assertEquals("nothing.bin: no such file", message(tmp.resolve("nothing.bin")));
        assertEquals(tmp.getFileName() + ": is a folder, not a file", message(tmp));
        // what is there instead, in words: not "no such file" for a device or a link to nowhere
        assertEquals("null: is a pipe, socket or device, not a file", message(Path.of("/dev/null")));
        assertEquals("loop.bin: is a symbolic link that leads nowhere (to a missing file or round to itself)",
                message(Files.createSymbolicLink(tmp.resolve("loop.bin"), tmp.resolve("loop.bin"))));
    }

    @Test
    void netcdfOfTheWrongShapeOrWithoutConcentrations() throws IOException {
        Path f = tmp.resolve("NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc");
        NetcdfFileWriter w = NetcdfFileWriter.createNew(NetcdfFileWriter.Version.netcdf3, f.toString());
        try {
            Dimension t = w.addDimension(null, "time", 1);
            Dimension y = w.addDimension(null, "y", 332);
            Dimension x = w.addDimension(null, "x", 316);
            Variable v = w.addVariable(null, "F18_ICECON", DataType.BYTE, List.of(t, y, x));
            w.create();
            w.write(v, new ArrayByte.D3(1, 332, 316));
        } catch (ucar.ma2.InvalidRangeException e) {
            throw new IllegalStateException(e);
        } finally {
            w.close();
        }
        assertEquals("NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc: wrong shape: variable F18_ICECON is [1, 332, 316],"
                + " expected [1, 448, 304]", message(f));
        Path other = tmp.resolve("other.nc");
        Files.copy(TestData.GRID.resolve("NSIDC0771_LatLon_PS_N25km_v1.0.nc"), other);
        assertTrue(message(other).startsWith("other.nc: no sea-ice concentration variable (F11_ICECON ... F18_ICECON or"
                + " cdr_seaice_conc); found ["), message(other));
    }
}
