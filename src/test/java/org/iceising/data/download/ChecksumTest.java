package org.iceising.data.download;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Digests of the real sample files against sample-data/PROVENANCE.md (SHA-256) and md5sum (MD5). */
class ChecksumTest {

    private static final Path FILE = Path.of("sample-data/netcdf/NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc");

    @Test
    void sha256OfTheSampleFileMatchesItsProvenance() throws Exception {
        Checksum sum = Checksum.of("SHA-256", "759d6be8c943c2116018a5b474d0db14f9264c95a2aa7a82f7a57b897e7588b1").orElseThrow();
        assertTrue(sum.matches(FILE));
    }

    @Test
    void md5InCmrUpperCaseSpelling() throws Exception {
        Checksum sum = Checksum.of("md5", "6D5F09F2E4CAB7403017A9929914F431").orElseThrow();
        assertEquals("6d5f09f2e4cab7403017a9929914f431", sum.compute(FILE));
        assertTrue(sum.matches(FILE));
        assertFalse(Checksum.of("MD5", "4c5293db32b554222b8f7a1731a46cfd").orElseThrow().matches(FILE));
    }

    @Test
    void algorithmsTheJdkLacksOrMalformedValuesAreLeftUnchecked() {
        assertEquals(Optional.empty(), Checksum.of("Adler-32", "0a1b2c3d"));
        assertEquals(Optional.empty(), Checksum.of("SHA-2", "00"));
        assertEquals(Optional.empty(), Checksum.of("MD5", "not hex"));
        assertEquals(Optional.empty(), Checksum.of("MD5", "abcd"));
        assertEquals(Optional.empty(), Checksum.of(null, "abcd"));
    }
}
