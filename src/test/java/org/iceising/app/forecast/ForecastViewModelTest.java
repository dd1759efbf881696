package org.iceising.app.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.iceising.app.parameters.ParametersViewModel;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.app.task.SameThreadJobRunner;
import org.iceising.data.DataCatalogue;
import org.iceising.data.FocusArea;
import org.iceising.data.SampleData;
import org.iceising.learn.Forecast;
import org.iceising.learn.ParamsFile;
import org.iceising.model.IsingParams;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.SemiMonthlyPeriod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Forecast view's state on the real sample season, against learn's Forecast called directly. */
class ForecastViewModelTest {
    @TempDir
    Path dir;

    private record Forecasting(SeasonViewModel season, ParametersViewModel parameters, ForecastViewModel forecast) {
    }

    private static Forecasting open() {
        SameThreadJobRunner runner = new SameThreadJobRunner();
        SeasonViewModel season = new SeasonViewModel(runner);
        ParametersViewModel parameters = new ParametersViewModel(runner);
        ForecastViewModel forecast = new ForecastViewModel(season, parameters, runner);
        season.open(SampleData.directory(), 2018);
        return new Forecasting(season, parameters, forecast);
    }

    /** Freezing parameters for the last three periods of 2018, different in each. */
    private static SortedMap<SemiMonthlyPeriod, IsingParams> params() {
        SortedMap<SemiMonthlyPeriod, IsingParams> p = new TreeMap<>();
        p.put(new SemiMonthlyPeriod(LocalDate.of(2018, 11, 16)), new IsingParams(2.5, -14, -5, 0, 10));
        p.put(new SemiMonthlyPeriod(LocalDate.of(2018, 12, 1)), new IsingParams(2.0, -12, -3, 1, 8));
        p.put(new SemiMonthlyPeriod(LocalDate.of(2018, 12, 16)), new IsingParams(1.5, -16, -6, -1, 12));
        return p;
    }

    @Test
    void theStartsAreTheFirstsAndSixteenthsWithAGrid() {
        Forecasting f = open();
        List<LocalDate> starts = f.forecast().starts();
        assertTrue(starts.contains(LocalDate.of(2018, 6, 16)) && starts.contains(LocalDate.of(2018, 12, 16)), starts.toString());
        assertTrue(starts.stream().allMatch(d -> d.getDayOfMonth() == 1 || d.getDayOfMonth() == 16), starts.toString());
        DataCatalogue catalogue = DataCatalogue.scan(SampleData.directory());
        assertTrue(starts.stream().allMatch(d -> catalogue.file(d).isPresent()));
        // 2019-01-01 has no grid in the sample data
        assertTrue(!starts.contains(LocalDate.of(2019, 1, 1)));
        assertEquals(starts.get(0), f.forecast().startProperty().get());
    }

    @Test
    void aForecastFromATableIsLearnsForecastAndItsCsvIsWhatTheCommandWrites() throws Exception {
        Path table = dir.resolve("p.csv");
        ParamsFile.write(table, params());
        Forecasting f = open();
        f.parameters().seedProperty().set(7);
        f.parameters().stepsPer3600Property().set(4000);
        ForecastViewModel vm = f.forecast();
        vm.startProperty().set(LocalDate.of(2018, 11, 16));
        vm.periodsProperty().set(3);
        vm.runsProperty().set(3);
        vm.tableProperty().set(table);
        vm.run();
        assertEquals("Forecast 3 periods from 2018-11-16 with p.csv, 3 chains", vm.noteProperty().get());
        List<Forecast.Row> expected = Forecast.run(DataCatalogue.scan(SampleData.directory()), FocusArea.STUDY, LocalDate.of(2018, 11, 16),
                3, ParamsFile.read(table), 3, 7, 4000, ProgressMonitor.NONE);
        assertEquals(expected, List.copyOf(vm.rows()));
        Path written = dir.resolve("f.csv");
        Forecast.write(written, expected);
        assertEquals(Files.readString(written), vm.csv());
        assertEquals("Forecast from 2018-11-16 with p.csv (K = 3, seed 7)", vm.titleProperty().get());
    }

    @Test
    void theOpenSeasonsOwnParametersServeOnceItHasSome() {
        Forecasting f = open();
        ForecastViewModel vm = f.forecast();
        assertEquals("", vm.seasonSourceProperty().get());
        f.parameters().usePerPeriod(params(), null);
        assertEquals("the 2018 season's own parameters (3 periods)", vm.seasonSourceProperty().get());
        vm.sourceProperty().set(ForecastViewModel.Source.SEASON);
        vm.startProperty().set(LocalDate.of(2018, 12, 1));
        vm.periodsProperty().set(2);
        vm.runsProperty().set(2);
        f.parameters().stepsPer3600Property().set(3000);
        vm.run();
        List<Forecast.Row> expected = Forecast.run(DataCatalogue.scan(SampleData.directory()), FocusArea.STUDY, LocalDate.of(2018, 12, 1), 2,
                params(), 2, ParametersViewModel.DEFAULT_SEED, 3000, ProgressMonitor.NONE);
        assertEquals(expected, List.copyOf(vm.rows()));
        // the Learn tab's parameters go with the season: the source falls back to a table
        f.parameters().perPeriod().clear();
        assertEquals(ForecastViewModel.Source.TABLE, vm.sourceProperty().get());
    }

    @Test
    void whatIsMissingIsSaidInWords() throws Exception {
        Forecasting f = open();
        ForecastViewModel vm = f.forecast();
        vm.run();
        assertEquals("Choose a parameter table (a predict output or a reproduction's table.csv) first.", vm.noteProperty().get());
        Path table = dir.resolve("p.csv");
        ParamsFile.write(table, params());
        vm.tableProperty().set(table);
        vm.startProperty().set(LocalDate.of(2018, 11, 16));
        vm.periodsProperty().set(4);
        vm.runsProperty().set(1);
        f.parameters().stepsPer3600Property().set(1000);
        vm.run();
        assertEquals("Forecast failed: The parameters have no period starting on January 1 of any year (needed for 2019-01-01 → 2019-01-16)",
                vm.noteProperty().get());
        assertTrue(vm.rows().isEmpty());
        vm.periodsProperty().set(0);
        assertEquals(1, vm.periodsProperty().get());
        vm.runsProperty().set(1000);
        assertEquals(ForecastViewModel.MAX_RUNS, vm.runsProperty().get());
    }
}
