package org.iceising.app.learn;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.iceising.app.parameters.ParametersViewModel;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.learn.DirectFitter;
import org.iceising.learn.ObservedSeason;
import org.iceising.learn.ParameterBounds;
import org.iceising.model.Ensemble;
import org.iceising.model.Lattice;
import org.iceising.model.Season;
import org.iceising.model.SemiMonthlyPeriod;

/**
 * Step 4 of the inverse problem: fit the chosen period directly (CMA-ES within its box of the
 * bounds); a cancelled fit keeps the best parameters it found.
 */
public final class DirectFitViewModel {
    private final LearnState state;
    private final StepJob job;
    private final IntegerProperty fitEvaluations;
    private final IntegerProperty fitChains;

    DirectFitViewModel(LearnState state) {
        this.state = state;
        job = state.job("Direct fit cancelled before its first evaluation.");
        DirectFitter.Config defaults = DirectFitter.Config.defaults(state.seedProperty().get());
        fitEvaluations = new SimpleIntegerProperty(this, "fitEvaluations", defaults.maxEvaluations());
        fitChains = new SimpleIntegerProperty(this, "fitChains", defaults.seeds());
    }

    /** The CMA-ES evaluation budget of a direct fit. */
    public IntegerProperty fitEvaluationsProperty() {
        return fitEvaluations;
    }

    /** K, the chains averaged per evaluation of a direct fit. */
    public IntegerProperty fitChainsProperty() {
        return fitChains;
    }

    public StepJob job() {
        return job;
    }

    private record Fit(DirectFitter.Result result, boolean cancelled) {
    }

    /**
     * Fits the chosen period directly; the result goes to the sliders, and replaces the period's
     * own parameters if it has some. A cancel after the first evaluation ends the fit with the
     * best point so far, which is used the same way.
     */
    public void fitPeriod() {
        SeasonViewModel season = state.season();
        ParametersViewModel parameters = state.parameters();
        SeasonViewModel.PeriodData data = season.periodDataProperty().get();
        Integer year = season.yearProperty().get();
        if (data == null || year == null || data.start() == null || data.end() == null) {
            job.refuse(data == null || year == null ? "No period is loaded."
                    : "The period " + data.period() + " has no observed " + (data.start() == null ? "start" : "end") + " to fit.");
            return;
        }
        SemiMonthlyPeriod p = data.period();
        ParameterBounds box;
        DirectFitter.Config config;
        try {
            box = state.bounds().forPeriod(p);
            DirectFitter.Config d = DirectFitter.Config.defaults(parameters.seedProperty().get());
            config = new DirectFitter.Config(fitChains.get(), fitEvaluations.get(), d.populationSize(), d.sigma(), d.seed(),
                    parameters.stepsPer3600Property().get(), parameters.settings());
        } catch (IllegalArgumentException e) {
            job.refuse(e.getMessage());
            return;
        }
        Map<LocalDate, Lattice> ends = Map.of(p.start(), data.start(), p.end(), data.end());
        state.start(job, "Fitting " + p + " directly", monitor -> {
            ObservedSeason.Pair pair = new ObservedSeason(Season.study(year), new TreeMap<>(ends)).pair(p);
            DirectFitter.Result r = DirectFitter.fitUntilCancelled(pair.start(), pair.end(), box, config, Ensemble.defaultThreads(), monitor);
            return new Fit(r, monitor.isCancelled());
        }, fit -> {
            DirectFitter.Result r = fit.result();
            boolean shown = p.equals(season.periodProperty().get());
            if (parameters.perPeriod().containsKey(p)) {
                parameters.perPeriod().put(p, r.params());
            }
            if (shown) {
                parameters.apply(r.params());
            }
            return String.format(Locale.ROOT, "%s %s: %s; mean distance %.4f over %d chains after %d evaluations%s",
                    fit.cancelled() ? "Cancelled; best so far for" : "Fitted", p,
                    ParametersViewModel.describe(r.params(), config.simulation()), r.distance(), config.seeds(), r.evaluations(),
                    shown ? "; now on the sliders" : " (another period is shown: the sliders were left alone)");
        });
    }
}
