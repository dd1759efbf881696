package org.iceising.app.parameters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.iceising.app.task.SameThreadJobRunner;
import org.iceising.model.IsingParams;
import org.iceising.model.Season;
import org.iceising.model.SemiMonthlyPeriod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParametersViewModelTest {
    private final ParametersViewModel vm = new ParametersViewModel(new SameThreadJobRunner());

    @Test
    void startsAtTheStudySettings() {
        assertEquals(Preset.MELT_CENTRE.params(), vm.params());
        assertEquals(1.0, vm.settings().temperature());
        assertEquals(50_000, vm.stepsPer3600Property().get());
        assertSame(Preset.MELT_CENTRE, vm.selectedPresetProperty().get());
    }

    @Test
    void everyKnobCoversTheStudysBounds() {
        // MODEL.md §6, melting and freezing together
        double[][] bounds = {{2.25, 2.75}, {-15, 9}, {-10, 0}, {-10, 10}, {9, 11}};
        for (int k = 0; k < bounds.length; k++) {
            ParametersViewModel.Knob knob = ParametersViewModel.MODEL_KNOBS.get(k);
            assertTrue(knob.min() < bounds[k][0] && knob.max() > bounds[k][1], knob.symbol());
        }
    }

    @Test
    void aKnobChangesOneParameterAndClampsToItsRange() {
        vm.property(ParametersViewModel.J).set(3.25);
        assertEquals(new IsingParams(3.25, 5.5, -5, 0, 10), vm.params());
        vm.property(ParametersViewModel.J).set(7);
        assertEquals(5.0, vm.params().j());
        vm.property(ParametersViewModel.I).set(-3);
        assertEquals(0.0, vm.params().inertia());
        vm.property(ParametersViewModel.B0).set(Double.NaN);
        assertEquals(-20.0, vm.params().b0());
    }

    @Test
    void temperatureFollowsIntoTheSettingsAndStaysPositive() {
        vm.temperatureProperty().set(2.5);
        assertEquals(2.5, vm.settings().temperature());
        vm.temperatureProperty().set(0);
        assertEquals(0.1, vm.settings().temperature());
    }

    @Test
    void stepsStayInTheirRange() {
        vm.stepsPer3600Property().set(10);
        assertEquals(ParametersViewModel.MIN_STEPS, vm.stepsPer3600Property().get());
        vm.stepsPer3600Property().set(5_000_000_000L);
        assertEquals(ParametersViewModel.MAX_STEPS, vm.stepsPer3600Property().get());
    }

    @Test
    void aPresetStaysSelectedOnlyWhileItsParametersAreShown() {
        vm.apply(Preset.STUDY_FREEZE_SAMPLE);
        assertEquals(Preset.STUDY_FREEZE_SAMPLE.params(), vm.params());
        assertSame(Preset.STUDY_FREEZE_SAMPLE, vm.selectedPresetProperty().get());
        vm.property(ParametersViewModel.BY).set(1);
        assertNull(vm.selectedPresetProperty().get());
    }

    @Test
    void resetChoosesTheCentreOfThePeriodsRegime() {
        vm.apply(Preset.STUDY_FREEZE_SAMPLE);
        vm.temperatureProperty().set(3);
        vm.seedProperty().set(99);
        vm.stepsPer3600Property().set(200_000);
        vm.reset(new SemiMonthlyPeriod(LocalDate.of(2018, 7, 1)));
        assertEquals(Preset.MELT_CENTRE.params(), vm.params());
        assertEquals(1.0, vm.settings().temperature());
        assertEquals(1, vm.seedProperty().get());
        assertEquals(50_000, vm.stepsPer3600Property().get());
        vm.reset(new SemiMonthlyPeriod(LocalDate.of(2018, 9, 16)));
        assertEquals(Preset.FREEZE_CENTRE.params(), vm.params());
    }

    @Test
    void aLoadedPresetReplacesALoadedOneOfTheSameNameButNoBuiltIn() {
        Preset mine = new Preset("mine", new IsingParams(1, 2, 3, 4, 5));
        Preset mine2 = new Preset("mine", new IsingParams(2, 2, 3, 4, 5));
        vm.addAndApply(mine);
        vm.addAndApply(mine2);
        assertEquals(Preset.BUILT_IN.size() + 1, vm.presets().size());
        assertEquals(mine2.params(), vm.params());
        vm.addAndApply(new Preset(Preset.MELT_CENTRE.name(), new IsingParams(1, 1, 1, 1, 1)));
        assertTrue(vm.presets().containsAll(Preset.BUILT_IN));
        assertEquals(Preset.BUILT_IN.size() + 2, vm.presets().size());
    }

    @Test
    void describesParametersShortly() {
        assertEquals("J=2.31, B0=-14.5, Bx=-6.15, By=0.07, I=9.93, T=1",
                ParametersViewModel.describe(Preset.STUDY_FREEZE_SAMPLE.params(), vm.settings()));
    }

    @Test
    void aPeriodWithItsOwnParametersPutsThemOnTheKnobsWhenChosen() {
        SemiMonthlyPeriod july = new SemiMonthlyPeriod(LocalDate.of(2018, 7, 1));
        SemiMonthlyPeriod october = new SemiMonthlyPeriod(LocalDate.of(2018, 10, 1));
        SemiMonthlyPeriod december = new SemiMonthlyPeriod(LocalDate.of(2018, 12, 16));
        IsingParams julyOwn = new IsingParams(2.4, 6, -3, 1, 10.5);
        IsingParams octoberOwn = new IsingParams(2.6, -12, -4, -2, 9.5);
        vm.usePerPeriod(Map.of(july, julyOwn, october, octoberOwn), october);
        assertEquals(octoberOwn, vm.params(), "the period shown takes its own at once");
        vm.periodChosen(july);
        assertEquals(julyOwn, vm.params());
        vm.periodChosen(december);
        assertEquals(julyOwn, vm.params(), "a period without its own leaves the knobs alone");
        assertEquals(julyOwn, vm.paramsFor(december), "and is simulated with the knobs' values");
        assertEquals(octoberOwn, vm.paramsFor(october));

        vm.usePerPeriod(Map.of(december, octoberOwn), july);
        assertEquals(1, vm.perPeriod().size(), "a new prediction replaces the old one");
        assertEquals(julyOwn, vm.params());
    }

    @Test
    void aSeasonRunGivesEachPeriodItsRegimesParameters() {
        List<SemiMonthlyPeriod> periods = Season.study(2018).periods();
        SemiMonthlyPeriod june = periods.get(0);
        SemiMonthlyPeriod september = periods.stream().filter(p -> !p.isMelting()).findFirst().orElseThrow();
        IsingParams mine = new IsingParams(2.4, 6, -4, 1, 10);
        vm.apply(mine);
        Map<SemiMonthlyPeriod, IsingParams> run = vm.seasonParams(periods, june);
        for (SemiMonthlyPeriod p : periods) {
            // the knobs are set for a melt period: melt periods take them, freeze periods the study's freezing centre
            assertEquals(p.isMelting() ? mine : Preset.FREEZE_CENTRE.params(), run.get(p), p.toString());
        }
        IsingParams predicted = new IsingParams(2.6, -13, -6, 0, 10);
        vm.perPeriod().put(september, predicted);
        assertEquals(predicted, vm.seasonParams(periods, june).get(september), "a period's own parameters come first");
        // knobs set while a freeze period is shown: the melt periods take the melting centre
        assertEquals(Preset.MELT_CENTRE.params(), vm.seasonParams(periods, september).get(june));
    }

    @Test
    void aSavedPresetJoinsTheListWithItsTemperatureStepsAndSeed(@TempDir Path dir) throws IOException {
        vm.apply(new IsingParams(2.4, 6, -4, 1, 10));
        vm.temperatureProperty().set(1.5);
        vm.stepsPer3600Property().set(20_000);
        vm.seedProperty().set(42);
        Path file = dir.resolve("my run.json");
        vm.savePreset(file);
        Preset saved = Preset.load(file);
        assertEquals(new Preset("my run", new IsingParams(2.4, 6, -4, 1, 10), 1.5, 20_000L, 42L), saved);
        assertTrue(vm.presets().contains(saved), vm.presets().toString());
        assertEquals(saved, vm.selectedPresetProperty().get());
        assertEquals("Saved " + file, vm.presetNoteProperty().get());

        vm.reset(null);
        assertEquals(1.0, vm.temperatureProperty().get());
        vm.loadPreset(file);
        assertEquals(1.5, vm.temperatureProperty().get());
        assertEquals(20_000, vm.stepsPer3600Property().get());
        assertEquals(42, vm.seedProperty().get());
        assertEquals(1, vm.presets().stream().filter(p -> p.name().equals("my run")).count(), "loading it again replaces it");

        vm.loadPreset(dir.resolve("none.json"));
        assertEquals("Could not load the preset: The preset file " + dir.resolve("none.json") + " does not exist", vm.presetNoteProperty().get());
    }
}
