package org.iceising.data.download;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebAddressesTest {

    @Test
    void httpsAnywhereHttpOnlyOnLoopback() {
        assertTrue(WebAddresses.isAllowed(URI.create("https://cmr.earthdata.nasa.gov")));
        assertTrue(WebAddresses.isAllowed(URI.create("http://127.0.0.1:8080/x")));
        assertTrue(WebAddresses.isAllowed(URI.create("http://localhost/x")));
        assertTrue(WebAddresses.isAllowed(URI.create("http://[::1]:9000/x")));
        assertFalse(WebAddresses.isAllowed(URI.create("http://cmr.earthdata.nasa.gov")));
        assertFalse(WebAddresses.isAllowed(URI.create("http://127.0.0.1.example.org/")));
        assertFalse(WebAddresses.isAllowed(URI.create("ftp://sidads.colorado.edu/pub")));
        assertFalse(WebAddresses.isAllowed(URI.create("s3://bucket/key")));
        assertFalse(WebAddresses.isAllowed(URI.create("https://user:pw@cmr.earthdata.nasa.gov")));
        assertFalse(WebAddresses.isAllowed(URI.create("/relative/path")));
    }

    @Test
    void originsIncludeSchemeAndPort() {
        assertTrue(WebAddresses.sameOrigin(URI.create("https://URS.earthdata.nasa.gov/oauth"),
                URI.create("https://urs.earthdata.nasa.gov:443")));
        assertFalse(WebAddresses.sameOrigin(URI.create("http://127.0.0.1:1000/"), URI.create("http://127.0.0.1:1001/")));
        assertFalse(WebAddresses.sameOrigin(URI.create("https://urs.earthdata.nasa.gov.evil.org/"),
                URI.create("https://urs.earthdata.nasa.gov/")));
    }

    @Test
    void redactionDropsQueryAndUserInfo() {
        assertEquals("https://bucket.s3.amazonaws.com/path/file.nc",
                WebAddresses.redact(URI.create("https://k:s@bucket.s3.amazonaws.com/path/file.nc?X-Amz-Signature=abc#f")));
        assertEquals("http://127.0.0.1:81/login",
                WebAddresses.redact(URI.create("http://127.0.0.1:81/login?code=xyz&state=/files/a")));
    }

    @Test
    void requestsRefuseInsecureServiceAddresses() {
        assertThrows(IllegalArgumentException.class, () -> DownloadRequest.of(NsidcProduct.NSIDC_0081,
                java.time.LocalDate.of(2022, 1, 1), java.time.LocalDate.of(2022, 1, 2), java.nio.file.Path.of("x"))
                .withCmrUrl(URI.create("http://cmr.earthdata.nasa.gov")));
    }
}
