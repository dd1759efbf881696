package org.iceising.app.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import org.iceising.app.parameters.ParametersViewModel;
import org.iceising.learn.ObservedSeason;
import org.iceising.learn.SeasonBounds;
import org.iceising.learn.TrainingSet;
import org.iceising.model.IsingParams;
import org.iceising.model.Season;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inverse problem's steps on the same-thread runner, over the sample data's 2018 season: no window, no waiting. */
class LearnStepsTest extends SampleSeasonSteps {
    @Test
    void aTrainingSetHasTheSamplesOfEveryObservedPeriodStart(@TempDir Path dir) throws Exception {
        TrainingSetViewModel step = new TrainingSetViewModel(state);
        state.samplesPerPeriodProperty().set(2);
        state.chosenFolderProperty().set(dir.resolve("set"));
        step.generate();
        assertFalse(step.job().failedProperty().get(), step.job().messageProperty().get());
        int starts = ObservedSeason.load(season.catalogueProperty().get(), Season.study(2018), season.focusAreaProperty().get()).starts().size();
        assertTrue(starts > 0);
        assertTrue(step.job().messageProperty().get().startsWith("Training set complete: " + starts + " periods × 2 = " + 2 * starts + " samples"),
                step.job().messageProperty().get());
        try (TrainingSet set = TrainingSet.open(dir.resolve("set"))) {
            assertEquals(2 * starts, set.size());
        }
        assertEquals(1.0, step.job().progressProperty().get());
        assertFalse(state.busyProperty().get());
    }

    @Test
    void reversedBoundsAreRefusedInOneLine() {
        TrainingSetViewModel step = new TrainingSetViewModel(state);
        state.boundProperty(false, false, 1).set(10);
        step.generate();
        assertTrue(step.job().failedProperty().get());
        assertEquals(state.boundsErrorProperty().get(), step.job().messageProperty().get());
        assertTrue(step.job().messageProperty().get().startsWith("melting periods: "), step.job().messageProperty().get());
        state.resetBounds();
        assertEquals(SeasonBounds.study(), state.bounds());
        assertEquals("", state.boundsErrorProperty().get());
    }

    @Test
    void aCancelledFitKeepsTheBestParametersFound() {
        DirectFitViewModel step = new DirectFitViewModel(state);
        assertEquals(LocalDate.of(2018, 6, 16), season.periodProperty().get().start());
        step.fitChainsProperty().set(1);
        step.fitEvaluationsProperty().set(40);
        // cancel once two evaluations have reported (on this runner the listener runs inside the fit)
        step.job().progressProperty().addListener((o, a, b) -> {
            if (b.doubleValue() >= 2.0 / 40) {
                step.job().cancel();
            }
        });
        IsingParams before = parameters.params();
        step.fitPeriod();
        String said = step.job().messageProperty().get();
        assertFalse(step.job().failedProperty().get(), said);
        assertTrue(said.startsWith("Cancelled; best so far for " + season.periodProperty().get() + ": "), said);
        assertTrue(said.contains("after 2 evaluations; now on the sliders"), said);
        IsingParams kept = parameters.params();
        assertFalse(kept.equals(before), "the best point found went to the sliders");
        assertTrue(state.bounds().melt().contains(kept), kept.toString());
        assertTrue(said.contains(ParametersViewModel.describe(kept, parameters.settings())), said);
    }
}
