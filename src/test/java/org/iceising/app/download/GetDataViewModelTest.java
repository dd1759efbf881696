package org.iceising.app.download;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.iceising.app.task.SameThreadJobRunner;
import org.iceising.data.download.DownloadRequest;
import org.iceising.data.download.NsidcProduct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Get Data form without a window: defaults, validation and the request it makes. */
class GetDataViewModelTest {
    private GetDataViewModel form(Path destination, Map<String, String> env, Path home) {
        return new GetDataViewModel(new SameThreadJobRunner(), destination, LocalDate.of(2024, 9, 1), env, home, dir -> { });
    }

    @Test
    void itOffersTheOpenFolderAndTheLastThirtyDaysBeforeToday(@TempDir Path open) {
        GetDataViewModel vm = form(open, Map.of(), open);
        assertEquals(open.toString(), vm.destinationProperty().get());
        assertEquals(LocalDate.of(2024, 8, 2), vm.fromProperty().get());
        assertEquals(LocalDate.of(2024, 8, 31), vm.toProperty().get());
        assertEquals("", vm.invalidProperty().get());
        DownloadRequest r = vm.request();
        assertEquals(NsidcProduct.NSIDC_0081, r.product());
        assertEquals(open, r.destination());
        assertEquals(DownloadRequest.DEFAULT_CMR_URL, r.cmrUrl());
    }

    @Test
    void anIncompleteFormSaysWhyInOneLine(@TempDir Path open) {
        GetDataViewModel vm = form(open, Map.of(), open);
        vm.toProperty().set(LocalDate.of(2024, 7, 1));
        assertEquals("The first day (2024-08-02) is after the last day (2024-07-01)", vm.invalidProperty().get());
        assertEquals(vm.invalidProperty().get(), vm.errorProperty().get());
        vm.toProperty().set(LocalDate.of(2024, 8, 31));
        assertEquals("", vm.errorProperty().get());
        vm.useTokenProperty().set(true);
        assertEquals("Type an Earthdata token, or use ~/.netrc / EARTHDATA_TOKEN", vm.invalidProperty().get());
        vm.tokenProperty().set("abc");
        assertEquals("", vm.invalidProperty().get());
        vm.destinationProperty().set(" ");
        assertEquals("Choose a destination folder", vm.invalidProperty().get());
        vm.destinationProperty().set(open.toString());
        vm.cmrUrlProperty().set("http://exa mple");
        assertEquals("A CMR or Earthdata Login address is not a web address", vm.invalidProperty().get());
        vm.cmrUrlProperty().set("http://127.0.0.1:9");
        assertEquals(URI.create("http://127.0.0.1:9"), vm.request().cmrUrl());
    }
}
