package org.iceising.data.download;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GranuleValidatorTest {

    private static final Path SAMPLE = Path.of("sample-data/netcdf/NSIDC0081_SEAICE_PS_N25km_20240820_v2.0.nc");

    @Test
    void acceptsRealNetcdf4Files() {
        assertDoesNotThrow(() -> GranuleValidator.HDF5_SIGNATURE.check(SAMPLE));
        assertDoesNotThrow(() -> GranuleValidator.HDF5_SIGNATURE.check(
                Path.of("sample-data/netcdf/seaice_conc_daily_nh_20211231_f17_v04r00.nc")));
    }

    @Test
    void acceptsTheSignatureAfterAUserBlock(@TempDir Path dir) throws Exception {
        byte[] real = Files.readAllBytes(SAMPLE);
        byte[] shifted = new byte[1024 + real.length];
        System.arraycopy(real, 0, shifted, 1024, real.length);
        Path f = Files.write(dir.resolve("shifted.nc"), shifted);
        assertDoesNotThrow(() -> GranuleValidator.HDF5_SIGNATURE.check(f));
    }

    @Test
    void refusesOtherFiles(@TempDir Path dir) throws Exception {
        Path html = Files.writeString(dir.resolve("login.nc"), "<html><body>Earthdata Login</body></html>");
        IOException e = assertThrows(IOException.class, () -> GranuleValidator.HDF5_SIGNATURE.check(html));
        assertTrue(e.getMessage().contains("login.nc"), e.getMessage());
        Path bin = Files.write(dir.resolve("nt.bin"), Files.readAllBytes(Path.of("sample-data/nt_2018/nt_20180616_f18_nrt_n.bin")));
        assertThrows(IOException.class, () -> GranuleValidator.HDF5_SIGNATURE.check(bin));
        Path empty = Files.write(dir.resolve("empty.nc"), new byte[0]);
        assertThrows(IOException.class, () -> GranuleValidator.HDF5_SIGNATURE.check(empty));
        byte[] signatureAt100 = new byte[2000];
        System.arraycopy(Arrays.copyOf(Files.readAllBytes(SAMPLE), 8), 0, signatureAt100, 100, 8);
        Path odd = Files.write(dir.resolve("odd.nc"), signatureAt100);
        assertThrows(IOException.class, () -> GranuleValidator.HDF5_SIGNATURE.check(odd));
    }
}
