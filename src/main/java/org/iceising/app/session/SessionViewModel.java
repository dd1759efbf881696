package org.iceising.app.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import org.iceising.app.learn.LearnViewModel;
import org.iceising.app.parameters.ParametersViewModel;
import org.iceising.app.parameters.Preset;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.app.task.Failures;
import org.iceising.app.task.Job;
import org.iceising.app.task.JobRunner;
import org.iceising.data.DataCatalogue;
import org.iceising.data.FocusArea;
import org.iceising.data.SampleData;
import org.iceising.data.UserDataFolder;
import org.iceising.model.SemiMonthlyPeriod;

/**
 * Saves and reopens sessions: what {@link Session} holds is taken from the season, the parameters
 * and (if it was opened) the Learn step, and put back in the same places. Reading and writing are
 * jobs; a session that cannot be read gives one line in {@link #noteProperty()} and a fresh start.
 */
public final class SessionViewModel {
    /** The file name of the session kept between runs. */
    public static final String FILE_NAME = "session.json";

    private final JobRunner jobs;
    private final SeasonViewModel season;
    private final ParametersViewModel parameters;
    private final Supplier<LearnViewModel> learnIfOpen;
    private final Supplier<LearnViewModel> learn;
    private final StringProperty tab = new SimpleStringProperty(this, "tab");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");

    /**
     * @param learnIfOpen the Learn step if it was opened, else null (a session does not open it to save)
     * @param learn       the Learn step, opened if need be (a session with a training-set folder or model opens it)
     */
    public SessionViewModel(JobRunner jobs, SeasonViewModel season, ParametersViewModel parameters,
                            Supplier<LearnViewModel> learnIfOpen, Supplier<LearnViewModel> learn) {
        this.jobs = jobs;
        this.season = season;
        this.parameters = parameters;
        this.learnIfOpen = learnIfOpen;
        this.learn = learn;
    }

    /** The session kept between runs: next to the user data folder. */
    public static Path defaultFile() {
        return UserDataFolder.directory().toAbsolutePath().getParent().resolve(FILE_NAME);
    }

    /** What the workbench shows now. */
    public Session capture() {
        DataCatalogue c = season.catalogueProperty().get();
        SemiMonthlyPeriod p = season.periodProperty().get();
        List<Preset> own = parameters.presets().stream().filter(x -> !Preset.BUILT_IN.contains(x)).toList();
        LearnViewModel l = learnIfOpen.get();
        return new Session(c == null ? null : c.directory().toAbsolutePath(), season.yearProperty().get(), p == null ? null : p.start(),
                season.dayProperty().get(), season.focusAreaProperty().get(), parameters.current("session"), own,
                l == null ? null : l.state().chosenFolderProperty().get(), l == null ? null : l.network().modelFileProperty().get(),
                tab.get());
    }

    /** Writes the session to {@code file} in the background. */
    public Job<Path> save(Path file) {
        Session s = capture();
        return jobs.run(Job.of("Saving the session", m -> {
            s.write(file);
            return file;
        }).onSuccess(f -> note.set("Saved the session to " + f)).onFailure(why -> note.set("Could not save the session: " + why)));
    }

    /** Reads a session file in the background and reopens it, or says in one line why not. */
    public Job<Session> open(Path file) {
        return jobs.run(Job.of("Opening the session", m -> Session.read(file))
                .onSuccess(s -> {
                    apply(s);
                    note.set("Opened the session " + file.getFileName());
                })
                .onFailure(why -> note.set("Could not open the session: " + why)));
    }

    /**
     * At start: reopens the session kept in {@code file}; without one, or with one that cannot be
     * read (said in one line), opens the sample data with the study's season {@code year}.
     */
    public void restore(Path file, int year) {
        if (!Files.exists(file)) {
            openSample(year);
            return;
        }
        jobs.run(Job.of("Reopening the last session", m -> Session.read(file))
                .onSuccess(this::apply)
                .onFailure(why -> {
                    // said once the sample is open, so that opening it does not wipe the line
                    whenSeasonOpens(year, () -> note.set("The last session could not be reopened, starting afresh: " + why));
                    openSample(year);
                }));
    }

    private void openSample(int year) {
        try {
            season.open(SampleData.directory(), year);
        } catch (RuntimeException e) {
            season.report(e);
        }
    }

    /** Puts a session back: presets and knobs at once, the folder and where in it once the folder is scanned. */
    public void apply(Session s) {
        for (Preset p : s.presets()) {
            if (parameters.presets().stream().noneMatch(x -> x.name().equals(p.name()))) {
                parameters.presets().add(p);
            }
        }
        if (s.knobs() != null) {
            parameters.apply(s.knobs());
        }
        if (s.tab() != null) {
            tab.set(s.tab());
        }
        if (s.trainingSetFolder() != null || s.model() != null) {
            LearnViewModel l = learn.get();
            if (s.trainingSetFolder() != null) {
                l.state().chosenFolderProperty().set(s.trainingSetFolder());
            }
            if (s.model() != null) {
                l.network().loadModel(s.model());
            }
        }
        Path dir = s.dataFolder();
        int year = s.season() != null ? s.season() : LocalDate.now().getYear();
        if (dir == null || !Files.isDirectory(dir)) {
            if (dir != null) {
                whenSeasonOpens(year, () -> note.set("The session's data folder " + dir + " is not there; opened the sample data"));
            }
            openSample(year);
            return;
        }
        whenSeasonOpens(year, () -> {
            if (!Integer.valueOf(year).equals(season.yearProperty().get())) {
                return;
            }
            if (s.focusArea() != null) {
                season.focusAreaProperty().set(s.focusArea());
            }
            if (s.period() != null) {
                season.periods().stream().filter(p -> p.start().equals(s.period())).findFirst().ifPresent(season.periodProperty()::set);
            }
            if (s.day() != null && season.days().contains(s.day())) {
                season.dayProperty().set(s.day());
            }
        });
        try {
            season.open(dir, year);
        } catch (RuntimeException e) {
            note.set("The session's data folder could not be opened: " + Failures.describe(e));
        }
    }

    /** Runs {@code then} once, when a season is set after the folder is scanned (the wanted one if the folder has it). */
    private void whenSeasonOpens(int year, Runnable then) {
        ChangeListener<Integer> once = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Integer> o, Integer a, Integer y) {
                if (y == null) {
                    return;
                }
                season.yearProperty().removeListener(this);
                then.run();
            }
        };
        season.yearProperty().addListener(once);
    }

    /** The tab shown, by its title: the view keeps it up to date and follows it when a session is opened. */
    public StringProperty tabProperty() {
        return tab;
    }

    /** What the last save, open or restore said. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }
}
