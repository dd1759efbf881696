package org.iceising.app.years;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.app.task.SameThreadJobRunner;
import org.iceising.data.FocusArea;
import org.iceising.data.GridReader;
import org.iceising.data.SampleData;
import org.iceising.model.Lattice;
import org.iceising.model.Measures;
import org.junit.jupiter.api.Test;

/** Years in context on the sample data, on the same-thread job runner. */
class YearsViewModelTest {
    private final SeasonViewModel season = new SeasonViewModel(new SameThreadJobRunner());
    private final YearsViewModel vm;

    YearsViewModelTest() {
        season.open(SampleData.directory(), 2018);
        vm = new YearsViewModel(new SameThreadJobRunner(), season);
    }

    @Test
    void overlaysTheRecordLowTheLastCompleteYearAndTheOpenSeason() {
        assertEquals(List.of(2012, 2018, 2023), vm.years());
        assertTrue(vm.noteProperty().get().startsWith("NSIDC Sea Ice Index v3 (1978–2024)"), vm.noteProperty().get());
    }

    @Test
    void csvHoldsTheBandsAndEachChosenYear() {
        String[] lines = vm.csv().split("\n");
        assertEquals("day_of_year,p10,p25,median_1981_2010,p75,p90,extent_2012,extent_2018,extent_2023", lines[0]);
        assertEquals(367, lines.length);
        String[] sept16 = lines[258].split(",", -1);
        assertEquals("258", sept16[0]);
        assertEquals(6.3455, Double.parseDouble(sept16[3]), 1e-4);
        assertEquals(3.408, Double.parseDouble(sept16[6]), 1e-4);
        assertEquals("", lines[366].split(",", -1)[7], "2018 has no day 366");
    }

    @Test
    void everySeasonOnDiskIsMeasuredInTheFocusArea() {
        assertTrue(vm.seasons().containsKey(2018));
        List<YearsViewModel.SeasonPoint> points = vm.seasons().get(2018);
        YearsViewModel.SeasonPoint sept16 = points.stream().filter(p -> p.date().equals(LocalDate.of(2018, 9, 16))).findFirst().orElseThrow();
        Lattice l = FocusArea.STUDY.lattice(GridReader.read(SampleData.directory().resolve("nt_2018").resolve("nt_20180916_f18_nrt_n.bin")));
        assertEquals(Measures.coverage(l), sept16.coverage(), 1e-12);
        assertEquals(Measures.extentFraction(l), sept16.extent(), 1e-12);
        assertEquals(92, sept16.dayOfSeason());
        assertTrue(vm.seasonsNoteProperty().get().startsWith("Focus area "), vm.seasonsNoteProperty().get());
        String[] csv = vm.seasonsCsv().split("\n");
        assertEquals("season,date,day_of_season,coverage_percent,extent_percent", csv[0]);
        assertEquals(points.size() + vm.seasons().values().stream().filter(p -> p != points).mapToInt(List::size).sum() + 1, csv.length);
    }

    @Test
    void clickingADayOpensItsMapWhereAGridExists() {
        assertTrue(vm.open(LocalDate.of(2018, 9, 16)));
        assertEquals(2018, season.yearProperty().get());
        assertEquals(LocalDate.of(2018, 9, 16), season.periodProperty().get().start());
        assertEquals(LocalDate.of(2018, 9, 16), season.dayProperty().get());
        assertTrue(vm.open(LocalDate.of(2018, 10, 1)));
        assertEquals(LocalDate.of(2018, 10, 1), season.dayProperty().get());
        assertFalse(vm.open(LocalDate.of(2018, 9, 17)));
        assertEquals("No grid on disk for 17 Sep 2018", vm.noteProperty().get());
        assertFalse(vm.open(LocalDate.of(2018, 3, 1)));
        assertEquals(LocalDate.of(2018, 10, 1), season.dayProperty().get(), "nothing moved");
    }

    @Test
    void hoverSaysDateValueAndMedian() {
        assertEquals("16 Sep 2012: 3.34 million km² (1981–2010 median 6.33)", vm.describe(2012, 260));
    }
}
