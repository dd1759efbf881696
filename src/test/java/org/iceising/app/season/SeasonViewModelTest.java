package org.iceising.app.season;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.iceising.app.task.SameThreadJobRunner;
import org.iceising.data.DataCatalogue;
import org.iceising.data.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void openingTheSampleDataLoadsTheFirstPeriodAndDay() {
        SeasonViewModel vm = new SeasonViewModel(new SameThreadJobRunner());
        vm.open(SampleData.directory(), 2018);
        assertEquals(2018, vm.yearProperty().get());
        assertEquals(LocalDate.of(2018, 6, 16), vm.dayProperty().get());
        assertNotNull(vm.dayGridProperty().get());
        SeasonViewModel.PeriodData data = vm.periodDataProperty().get();
        assertEquals(vm.periodProperty().get(), data.period());
        assertNotNull(data.start(), "16 June 2018 has a file");
        assertEquals("", vm.errorProperty().get());
        assertFalse(vm.loadingProperty().get());
    }

    @Test
    void aDamagedGridIsReportedWhereTheMapWouldBe(@TempDir Path dir) throws IOException {
        Path nt = Files.createDirectories(dir.resolve("nt_2018"));
        try (Stream<Path> files = Files.list(SampleData.directory().resolve("nt_2018"))) {
            for (Path f : files.toList()) {
                Files.copy(f, nt.resolve(f.getFileName()));
            }
        }
        Path damaged = nt.resolve("nt_20180616_f18_nrt_n.bin");
        Files.write(damaged, new byte[100]);
        SeasonViewModel vm = new SeasonViewModel(new SameThreadJobRunner());
        vm.open(dir, 2018);
        assertEquals(LocalDate.of(2018, 6, 16), vm.dayProperty().get());
        assertNull(vm.dayGridProperty().get());
        String why = vm.dayErrorProperty().get();
        assertTrue(why.contains("nt_20180616_f18_nrt_n.bin") && !why.contains("Exception") && !why.contains("\n"), why);
        assertFalse(vm.loadingProperty().get(), "nothing is left reading");
        assertEquals("Could not read 2018-06-16: " + why, vm.dayMessageProperty().get(), "the map says it, not \"Reading …\" for ever");
        // the next day with a good file reads, and the map's error goes
        vm.dayProperty().set(LocalDate.of(2018, 7, 1));
        assertEquals("", vm.dayErrorProperty().get());
    }

    @Test
    void aSeasonWithoutObservedBoundariesOpensOnItsDataAndTheArrowsFindIt() {
        SeasonViewModel vm = new SeasonViewModel(new SameThreadJobRunner());
        vm.open(SampleData.directory(), 2024);
        // the 2024 season's only grid is 2024-08-20, inside 16 Aug → 1 Sep
        assertEquals(LocalDate.of(2024, 8, 16), vm.periodProperty().get().start());
        assertEquals(LocalDate.of(2024, 8, 20), vm.dayProperty().get());
        assertNotNull(vm.dayGridProperty().get());
        vm.periodProperty().set(vm.periods().get(0));
        assertEquals(LocalDate.of(2024, 6, 16), vm.dayProperty().get(), "a period without files shows its start");
        assertNull(vm.dayGridProperty().get());
        vm.nextDay();
        assertEquals(LocalDate.of(2024, 8, 20), vm.dayProperty().get(), "the next day with a file, periods later");
        assertEquals(LocalDate.of(2024, 8, 16), vm.periodProperty().get().start());
        vm.nextDay();
        assertEquals(LocalDate.of(2024, 8, 20), vm.dayProperty().get(), "no later file: it stays");
    }

    @Test
    void theDayArrowsCrossIntoTheNeighbouringPeriod() {
        SeasonViewModel vm = new SeasonViewModel(new SameThreadJobRunner());
        vm.open(SampleData.directory(), 2018);
        vm.nextDay();
        assertEquals(LocalDate.of(2018, 7, 1), vm.dayProperty().get(), "the first period's end");
        vm.nextDay();
        // the next file, 16 July, ends the next period: the arrows walk on into it
        assertEquals(LocalDate.of(2018, 7, 16), vm.dayProperty().get());
        assertEquals(LocalDate.of(2018, 7, 1), vm.periodProperty().get().start());
        vm.previousDay();
        assertEquals(LocalDate.of(2018, 7, 1), vm.dayProperty().get());
        assertEquals(LocalDate.of(2018, 7, 1), vm.periodProperty().get().start(), "1 July is this period's start too");
        vm.previousDay();
        assertEquals(LocalDate.of(2018, 6, 16), vm.dayProperty().get());
        assertEquals(LocalDate.of(2018, 6, 16), vm.periodProperty().get().start(), "back across the boundary into the first period");
    }
}
