package org.iceising.data.download;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NsidcProductTest {

    @Test
    void readsTheDateOfTheSampleFileNames() {
        assertEquals(Optional.of(LocalDate.of(2023, 1, 30)),
                NsidcProduct.NSIDC_0081.northDailyDate("NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc"));
        assertEquals(Optional.of(LocalDate.of(1978, 10, 26)),
                NsidcProduct.NSIDC_0051.northDailyDate("NSIDC0051_SEAICE_PS_N25km_19781026_v2.0.nc"));
    }

    @Test
    void passesOverOtherFilesOfTheCollection() {
        for (String name : new String[] {
                "NSIDC0081_SEAICE_PS_S25km_20230130_v2.0.nc",      // southern
                "NSIDC0081_SEAICE_PS_N25km_202301_v2.0.nc",        // monthly
                "NSIDC0081_SEAICE_PS_N25km_20230130_v2.0_F18_brws.png",
                "NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc.xml",
                "NSIDC0081_SEAICE_PS_N25km_20230130_v1.0.nc",      // another version
                "NSIDC0051_SEAICE_PS_N25km_20230130_v2.0.nc",      // another product
                "NSIDC0081_SEAICE_PS_N25km_20230230_v2.0.nc",      // no such day
                "../NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc",
                "a/NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc",
                "/etc/passwd"}) {
            assertTrue(NsidcProduct.NSIDC_0081.northDailyDate(name).isEmpty(), name);
        }
    }

    @Test
    void namesOnTheCommandLine() {
        assertSame(NsidcProduct.NSIDC_0051, NsidcProduct.fromName("nsidc-0051"));
        assertSame(NsidcProduct.NSIDC_0081, NsidcProduct.fromName("NSIDC-0081"));
        assertEquals("nsidc-0081", NsidcProduct.NSIDC_0081.cliName());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NsidcProduct.fromName("g02202"));
        assertTrue(e.getMessage().contains("nsidc-0081, nsidc-0051"), e.getMessage());
    }

    @Test
    void finalAndNearRealTimeAsTheCatalogueRanksThem() {
        assertTrue(NsidcProduct.NSIDC_0051.gridProduct().finalProduct());
        assertTrue(!NsidcProduct.NSIDC_0081.gridProduct().finalProduct());
    }
}
