package org.iceising.data.download;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CmrGranulesTest {

    private static String resource(String name) throws Exception {
        try (InputStream in = CmrGranulesTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void picksTheNorthernDailyDataLinksWithTheirSizesAndChecksums() throws Exception {
        CmrGranules.Page page = CmrGranules.parse(resource("cmr-umm-granules-nsidc0081.json"), NsidcProduct.NSIDC_0081, "CMR");
        assertEquals(3, page.items());
        assertEquals(OptionalLong.of(3), page.hits());
        assertEquals(List.of(), page.rejected());
        List<Granule> g = page.granules();
        assertEquals(2, g.size());

        Granule first = g.get(0);
        assertEquals("NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc", first.fileName());
        assertEquals(LocalDate.of(2023, 1, 30), first.date());
        assertEquals(URI.create("https://data.nsidc.earthdatacloud.nasa.gov/nsidc-cumulus-prod-protected/PM/NSIDC-0081/2/"
                + "2023/01/30/NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc"), first.url());
        assertEquals(OptionalLong.of(134050), first.sizeBytes());
        assertEquals(new Checksum("MD5", "6d5f09f2e4cab7403017a9929914f431"), first.checksum().orElseThrow());

        Granule second = g.get(1);
        assertEquals(LocalDate.of(2024, 8, 20), second.date());
        assertEquals("https", second.url().getScheme(), "the https link wins over the plain http one");
        assertEquals(OptionalLong.empty(), second.sizeBytes(), "only SizeInBytes is exact enough to check against");
        assertEquals("SHA-256", second.checksum().orElseThrow().algorithm());
    }

    @Test
    void refusesNamesThatAreNotPlainFileNames() {
        String json = page(
                link("https://data.example/files/..%2Fx.nc"),
                link("https://data.example/files/%2Fetc%2Fpasswd"),
                link("https://data.example/files/a%2Fb.nc"),
                link("https://data.example/files/C%3A%5Cwin.nc"),
                link("https://data.example/files/nul%00.nc"),
                link("https://data.example/files/%2E%2E"),
                link("https://data.example/files/../NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc.sh"),
                link("https://data.example/files/evil.nc"),
                link("https://data.example/files/%ZZbad"),
                link("https://data.example/files/NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc"));
        CmrGranules.Page page = CmrGranules.parse(json, NsidcProduct.NSIDC_0081, "CMR");
        assertEquals(List.of("NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc"),
                page.granules().stream().map(Granule::fileName).toList());
        List<String> rejected = page.rejected();
        assertEquals(7, rejected.size(), rejected.toString());
        assertTrue(rejected.get(0).startsWith("'../x.nc' from https://data.example/files/..%2Fx.nc was refused"), rejected.get(0));
        assertTrue(rejected.get(1).contains("'/etc/passwd'") && rejected.get(1).contains("path"), rejected.get(1));
        assertTrue(rejected.get(2).contains("'a/b.nc'"), rejected.get(2));
        assertTrue(rejected.get(3).contains("'C:\\win.nc'"), rejected.get(3));
        assertTrue(rejected.get(4).contains("'nul\\x00.nc'"), rejected.get(4));
        assertTrue(rejected.get(5).contains("'..'"), rejected.get(5));
        assertTrue(rejected.get(6).contains("not a usable address"), rejected.get(6));
    }

    @Test
    void anInsecureOnlyLinkIsReported() {
        CmrGranules.Page page = CmrGranules.parse(page(link("http://data.example/NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc")),
                NsidcProduct.NSIDC_0081, "CMR");
        assertEquals(List.of(), page.granules());
        assertTrue(page.rejected().get(0).contains("not https"), page.rejected().toString());
    }

    @Test
    void malformedAnswersGetAClearMessage() {
        DownloadException e = assertThrows(DownloadException.class,
                () -> CmrGranules.parse("<html>Service Unavailable</html>", NsidcProduct.NSIDC_0081, "CMR at https://cmr"));
        assertTrue(e.getMessage().startsWith("CMR at https://cmr did not answer with"), e.getMessage());
        e = assertThrows(DownloadException.class,
                () -> CmrGranules.parse("{\"feed\": {\"entry\": []}}", NsidcProduct.NSIDC_0081, "CMR"));
        assertTrue(e.getMessage().contains("no 'items'"), e.getMessage());
        CmrGranules.Page odd = CmrGranules.parse("{\"items\": [1, {\"umm\": []}, {\"umm\": {\"RelatedUrls\": [\"x\", "
                + "{\"URL\": 5, \"Type\": \"GET DATA\"}]}}]}", NsidcProduct.NSIDC_0081, "CMR");
        assertEquals(List.of(), odd.granules());
        assertEquals(3, odd.items());
    }

    @Test
    void readsCmrErrorMessages() {
        assertEquals(": Parameter [foo] was not recognized.; Temporal datetime is invalid",
                CmrGranules.errorText("{\"errors\":[\"Parameter [foo] was not recognized.\",\"Temporal datetime is invalid\"]}"));
        assertEquals("", CmrGranules.errorText("<html>"));
    }

    static String link(String url) {
        return "{\"URL\": \"" + url + "\", \"Type\": \"GET DATA\"}";
    }

    static String page(String... links) {
        StringBuilder b = new StringBuilder("{\"hits\": " + links.length + ", \"items\": [");
        for (int i = 0; i < links.length; i++) {
            b.append(i == 0 ? "" : ",").append("{\"umm\": {\"RelatedUrls\": [").append(links[i]).append("]}}");
        }
        return b.append("]}").toString();
    }
}
