package org.iceising.app.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import org.iceising.data.FocusArea;
import org.iceising.learn.ParameterBounds;
import org.iceising.learn.SeasonBounds;
import org.iceising.learn.TrainingSetGenerator;
import org.iceising.model.IsingParams;
import org.iceising.model.SimulationSettings;
import org.junit.jupiter.api.Test;

class LearnStateTest {
    private static final Path USER_DATA = Path.of("user-data");

    private static Path folder(int year, FocusArea area, TrainingSetGenerator.Settings s) {
        return LearnState.defaultFolder(USER_DATA, year, area, s);
    }

    @Test
    void theDefaultTrainingSetFolderIsNamedByItsSettings() {
        TrainingSetGenerator.Settings study = TrainingSetGenerator.Settings.study(10_000, 1);
        Path f = folder(2018, FocusArea.STUDY, study);
        assertEquals(USER_DATA.resolve("training-sets"), f.getParent());
        assertEquals(f, folder(2018, FocusArea.STUDY, TrainingSetGenerator.Settings.study(10_000, 1)), "the same settings meet the same set");
        assertEquals("season-2018_area-180-80-60x60_N10000_seed1_", f.getFileName().toString().substring(0, 43));

        SeasonBounds wider = new SeasonBounds(new ParameterBounds(new IsingParams(2, 2, -10, -10, 9), new IsingParams(2.75, 9, 0, 10, 11)),
                ParameterBounds.studyFreeze());
        for (TrainingSetGenerator.Settings other : new TrainingSetGenerator.Settings[] {
            new TrainingSetGenerator.Settings(10_000, 1, study.stepsPer3600(), wider, study.simulation()),
            new TrainingSetGenerator.Settings(10_000, 1, 25_000, study.bounds(), study.simulation()),
            new TrainingSetGenerator.Settings(10_000, 1, study.stepsPer3600(), study.bounds(), SimulationSettings.study().withTemperature(1.5))}) {
            assertNotEquals(f, folder(2018, FocusArea.STUDY, other), "bounds, steps and temperature never share a set: " + other);
        }
        assertNotEquals(f, folder(2018, FocusArea.STUDY, TrainingSetGenerator.Settings.study(1_000, 1)));
        assertNotEquals(f, folder(2018, FocusArea.STUDY, TrainingSetGenerator.Settings.study(10_000, 2)));
        assertNotEquals(f, folder(2019, FocusArea.STUDY, study));
        assertNotEquals(f, folder(2018, new FocusArea(180, 90, 60, 60), study));
    }
}
