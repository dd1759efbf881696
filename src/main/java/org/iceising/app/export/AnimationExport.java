package org.iceising.app.export;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.iceising.app.colours.ColoursViewModel;
import org.iceising.app.parameters.ParametersViewModel;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.app.simulation.SimulationViewModel;
import org.iceising.app.task.Job;
import org.iceising.app.task.JobRunner;
import org.iceising.data.DataCatalogue;
import org.iceising.data.FocusArea;
import org.iceising.data.GridCache;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.SemiMonthlyPeriod;

/**
 * Exports the period shown, or the whole season, as an animation ({@link Animation}) in the
 * background, with progress and Cancel. The period shown is simulated with the knobs' parameters,
 * as the live view runs it; the season with each period's own, as "Run season" gives them. Frames
 * take the concentration colour table chosen now; a GIF shows each day for as long as the
 * playback speed does.
 */
public final class AnimationExport {
    private final SeasonViewModel season;
    private final ParametersViewModel parameters;
    private final ColoursViewModel colours;
    private final SimulationViewModel simulation;
    private final JobRunner runner;
    private final ReadOnlyObjectWrapper<Job<Integer>> running = new ReadOnlyObjectWrapper<>(this, "running");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");

    public AnimationExport(SeasonViewModel season, ParametersViewModel parameters, ColoursViewModel colours,
                           SimulationViewModel simulation, JobRunner runner) {
        this.season = season;
        this.parameters = parameters;
        this.colours = colours;
        this.simulation = simulation;
        this.runner = runner;
    }

    /** True when there is something to animate: a data folder and a period. */
    public boolean canExport() {
        return season.cache() != null && season.periodProperty().get() != null;
    }

    /**
     * Starts writing the animation of the period shown ({@code wholeSeason} false) or of every
     * period of the season to {@code target}; returns the job, or null if one is already running or
     * there is nothing to animate (the note says why).
     */
    public Job<Integer> start(boolean wholeSeason, Animation.Format format, Path target) {
        if (running.get() != null) {
            note.set("An animation is being exported already: wait for it or cancel it");
            return null;
        }
        GridCache cache = season.cache();
        SemiMonthlyPeriod shown = season.periodProperty().get();
        if (cache == null || shown == null) {
            note.set("Nothing to animate: open a data folder with a season first");
            return null;
        }
        FocusArea area = season.focusAreaProperty().get();
        List<SemiMonthlyPeriod> periods = wholeSeason ? List.copyOf(season.periods()) : List.of(shown);
        Map<SemiMonthlyPeriod, IsingParams> params = wholeSeason ? parameters.seasonParams(periods, shown) : Map.of(shown, parameters.params());
        SeasonViewModel.PeriodData data = season.periodDataProperty().get();
        Lattice reference = data == null ? null : data.start();
        DataCatalogue catalogue = season.catalogueProperty().get();
        Animation.Request request = new Animation.Request(params, parameters.settings(), parameters.stepsPer3600Property().get(),
                parameters.seedProperty().get(), colours.scale(ColoursViewModel.Role.CONCENTRATION, reference == null ? null : reference.concentrations()),
                Animation.delayCentis(simulation.speedProperty().get()),
                "Focus area " + area + " · NSIDC sea-ice concentration from " + catalogue.directory().getFileName());
        Animation.Observations observations = (p, m) -> {
            List<LocalDate> dates = p.start().datesUntil(p.end().plusDays(1)).toList();
            return cache.lattices(dates, area, m);
        };
        String what = wholeSeason ? "the " + season.yearProperty().get() + " season" : "period " + shown;
        note.set("Exporting the animation of " + what + " …");
        Job<Integer> job = Job.of("Exporting the animation of " + what,
                m -> Animation.write(target, format, request, observations, m));
        running.set(job);
        return runner.run(job.onSuccess(n -> {
            running.set(null);
            note.set("Wrote " + target + " (" + n + (n == 1 ? " frame)" : " frames)"));
        }).onCancelled(() -> {
            running.set(null);
            note.set("Animation export cancelled: nothing was written");
        }).onFailure(why -> {
            running.set(null);
            note.set("Export failed: " + why);
        }));
    }

    /** The export running now, or null. */
    public ReadOnlyObjectProperty<Job<Integer>> runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** What the last export said: "Wrote …", why it failed, or that it was cancelled. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }
}
