package org.iceising.app.season;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.iceising.data.DataCatalogue;
import org.iceising.data.SampleData;
import org.junit.jupiter.api.Test;

class SeasonViewModelTest {

    @Test
    void aSeasonIsListedWhenItsSixteenthOfJuneToFirstOfJanuaryHoldsData() {
        TreeSet<LocalDate> dates = new TreeSet<>(List.of(
                LocalDate.of(2019, 1, 1),     // the end of the 2018 season
                LocalDate.of(2019, 6, 15),    // in no season
                LocalDate.of(2020, 6, 16)));  // the start of the 2020 season
        assertEquals(List.of(2018, 2020), SeasonViewModel.seasonsWithData(dates));
    }

    @Test
    void theSampleDataHoldsTheSeasonsOf2018_2021And2024() {
        // 2018: the NASA Team season; 2021-12-31 (CDR); 2024-08-20 (v2 netCDF); 2023-01-30 lies in no season
        assertEquals(List.of(2018, 2021, 2024), SeasonViewModel.seasonsWithData(DataCatalogue.scan(SampleData.directory()).dates()));
    }
}
