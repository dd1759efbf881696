package org.iceising.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.iceising.app.parameters.ParametersViewModel;
import org.iceising.app.parameters.Preset;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.app.task.SameThreadJobRunner;
import org.iceising.data.FocusArea;
import org.iceising.data.SampleData;
import org.iceising.model.IsingParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving and reopening a session on the same-thread job runner, on the sample data. */
class SessionViewModelTest {
    private static final class Workbench {
        final SameThreadJobRunner runner = new SameThreadJobRunner();
        final SeasonViewModel season = new SeasonViewModel(runner);
        final ParametersViewModel parameters = new ParametersViewModel(runner);
        final SessionViewModel session = new SessionViewModel(runner, season, parameters, () -> null, () -> {
            throw new AssertionError("a session without a training-set folder or model leaves Learn closed");
        });
    }

    @Test
    void aSavedSessionReopensWhereTheUserLeftIt(@TempDir Path dir) throws Exception {
        Workbench a = new Workbench();
        a.season.open(SampleData.directory(), 2018);
        a.season.periodProperty().set(a.season.periods().get(6));
        a.season.dayProperty().set(LocalDate.of(2018, 9, 20));
        a.season.focusAreaProperty().set(new FocusArea(170, 90, 50, 40));
        Preset mine = new Preset("mine", new IsingParams(2.4, 4, -3, 2, 9), 1.5, 30_000L, 5L);
        a.parameters.addAndApply(mine);
        a.parameters.temperatureProperty().set(1.25);
        a.session.tabProperty().set("Years");
        Path file = dir.resolve("session.json");
        a.session.save(file);
        assertEquals("Saved the session to " + file, a.session.noteProperty().get());

        Workbench b = new Workbench();
        b.session.open(file);
        assertEquals(SampleData.directory().toAbsolutePath(), b.season.catalogueProperty().get().directory().toAbsolutePath());
        assertEquals(2018, b.season.yearProperty().get());
        assertEquals(LocalDate.of(2018, 9, 16), b.season.periodProperty().get().start());
        assertEquals(LocalDate.of(2018, 9, 20), b.season.dayProperty().get());
        assertEquals(new FocusArea(170, 90, 50, 40), b.season.focusAreaProperty().get());
        assertEquals(mine.params(), b.parameters.params());
        assertEquals(1.25, b.parameters.temperatureProperty().get());
        assertEquals(30_000L, b.parameters.stepsPer3600Property().get());
        assertTrue(b.parameters.presets().stream().anyMatch(p -> p.equals(mine)), "the user's preset is back in the list");
        assertEquals("Years", b.session.tabProperty().get());
        assertEquals("Opened the session session.json", b.session.noteProperty().get());
    }

    @Test
    void aDamagedSessionGivesOneLineAndAFreshStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("session.json");
        Files.writeString(file, "{\"version\": 1, \"season\": 20");
        Workbench w = new Workbench();
        w.session.restore(file, 2018);
        assertEquals(2018, w.season.yearProperty().get());
        assertEquals(Preset.MELT_CENTRE.params(), w.parameters.params());
        String note = w.session.noteProperty().get();
        assertTrue(note.startsWith("The last session could not be reopened, starting afresh: session.json: not a session's JSON"), note);
        assertEquals(1, note.lines().count());
    }

    @Test
    void withoutASessionTheSampleOpensQuietly(@TempDir Path dir) {
        Workbench w = new Workbench();
        w.session.restore(dir.resolve("none.json"), 2018);
        assertEquals(2018, w.season.yearProperty().get());
        assertEquals("", w.session.noteProperty().get());
    }

    @Test
    void aMissingDataFolderFallsBackToTheSample(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(file, "{\"version\": 1, \"dataFolder\": \"" + dir.resolve("gone").toString().replace("\\", "\\\\") + "\", \"season\": 2018}");
        Workbench w = new Workbench();
        w.session.open(file);
        assertEquals(2018, w.season.yearProperty().get());
        assertTrue(w.session.noteProperty().get().startsWith("Opened the session"), w.session.noteProperty().get());
    }
}
