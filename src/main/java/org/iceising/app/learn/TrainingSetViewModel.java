package org.iceising.app.learn;

import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import org.iceising.app.controls.Numbers;
import org.iceising.app.parameters.ParametersViewModel;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.data.FocusArea;
import org.iceising.data.GridCache;
import org.iceising.learn.ObservedSeason;
import org.iceising.learn.TrainingSetGenerator;
import org.iceising.model.Ensemble;
import org.iceising.model.Season;

/** Step 1 of the inverse problem: generate (or continue) the open season's training set. */
public final class TrainingSetViewModel {
    private final LearnState state;
    private final StepJob job;
    private final StringBinding simulationNote;

    TrainingSetViewModel(LearnState state) {
        this.state = state;
        job = state.job("Generation cancelled; the samples written so far are kept: Generate again with the same"
                + " settings to continue.");
        ParametersViewModel parameters = state.parameters();
        simulationNote = Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%,d steps per period for 3,600 cells, T = %s",
                parameters.stepsPer3600Property().get(), Numbers.trim(parameters.settings().temperature(), 3)),
                parameters.stepsPer3600Property(), parameters.settingsProperty());
    }

    /** The steps and temperature a training set is simulated with: the simulation panel's, in words. */
    public StringBinding simulationNoteProperty() {
        return simulationNote;
    }

    public StepJob job() {
        return job;
    }

    /**
     * Generates (or continues) the training set of the open season in the state's folder: samples
     * per period from every observed period start, with the steps and temperature of the
     * simulation panel.
     */
    public void generate() {
        SeasonViewModel season = state.season();
        Integer year = season.yearProperty().get();
        GridCache cache = season.cache();
        if (year == null || cache == null) {
            job.refuse("No season is open.");
            return;
        }
        TrainingSetGenerator.Settings settings;
        try {
            settings = state.generatorSettings();
        } catch (IllegalArgumentException e) {
            job.refuse(e.getMessage());
            return;
        }
        Path dir = state.folderProperty().get();
        FocusArea area = season.focusAreaProperty().get();
        state.start(job, "Generating the training set", m -> {
            ObservedSeason observed = LearnState.observedSeason(cache, Season.study(year), area, m);
            if (observed.starts().isEmpty()) {
                throw new IllegalStateException("no period of the " + year + " season has an observed start in the data folder");
            }
            return new TrainingSetGenerator(settings, Ensemble.defaultThreads()).generate(observed.starts(), dir, m);
        }, files -> String.format(Locale.ROOT, "Training set complete: %d periods × %,d = %,d samples in %s", files.size(),
                settings.samplesPerPeriod(), (long) files.size() * settings.samplesPerPeriod(), dir));
    }
}
