package org.iceising.app.learn;

import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iceising.app.charts.SeasonChartsViewModel;
import org.iceising.app.parameters.ParametersViewModel;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.app.simulation.SimulationViewModel;
import org.iceising.data.FocusArea;
import org.iceising.data.GridCache;
import org.iceising.learn.DirectFitter;
import org.iceising.learn.InverseModel;
import org.iceising.learn.ObservedSeason;
import org.iceising.learn.SeasonEvaluation;
import org.iceising.model.Ensemble;
import org.iceising.model.IsingParams;
import org.iceising.model.Season;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;

/**
 * Step 3 of the inverse problem: predict every observed period of the open season with the model,
 * re-simulate each against the observation and the persistence baseline, and hand the predicted
 * parameters to the knobs and the season charts.
 */
public final class PredictionViewModel {
    private final LearnState state;
    private final SimulationViewModel simulation;
    private final SeasonChartsViewModel charts;
    private final StepJob job;
    private final IntegerProperty evaluationChains;
    private final ObservableList<SeasonEvaluation.Period> evaluation = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper evaluationSummary = new ReadOnlyStringWrapper(this, "evaluationSummary", "");

    PredictionViewModel(LearnState state, SimulationViewModel simulation, SeasonChartsViewModel charts) {
        this.state = state;
        this.simulation = simulation;
        this.charts = charts;
        job = state.job("Prediction cancelled.");
        evaluationChains = new SimpleIntegerProperty(this, "evaluationChains", DirectFitter.Config.defaults(state.seedProperty().get()).seeds());
        // a prediction belongs to one season and focus area
        SeasonViewModel season = state.season();
        season.yearProperty().addListener((o, a, b) -> clear());
        season.focusAreaProperty().addListener((o, a, b) -> clear());
    }

    /** K, the chains each period is re-simulated with after a prediction. */
    public IntegerProperty evaluationChainsProperty() {
        return evaluationChains;
    }

    /** The evaluated periods of the last prediction: parameters and measures, in period order. */
    public ObservableList<SeasonEvaluation.Period> evaluation() {
        return evaluation;
    }

    /** Mean errors of the last prediction against persistence, in one line, or "". */
    public ReadOnlyStringProperty evaluationSummaryProperty() {
        return evaluationSummary.getReadOnlyProperty();
    }

    public StepJob job() {
        return job;
    }

    /** Forgets the last prediction, its table and what was said of it. */
    private void clear() {
        job.cancel();
        evaluation.clear();
        evaluationSummary.set("");
        if (!job.runningProperty().get()) {
            job.note("");
        }
    }

    /**
     * Predicts the parameters of every observed period of the open season with the model,
     * re-simulates each period from its observed start with K chains and measures the result; then
     * gives the periods their predicted parameters (the knobs take the chosen period's, the live
     * simulation restarts with them) and runs the season charts with them.
     */
    public void predict() {
        InverseModel m = state.modelProperty().get();
        SeasonViewModel season = state.season();
        Integer year = season.yearProperty().get();
        GridCache cache = season.cache();
        if (m == null || year == null || cache == null) {
            job.refuse(m == null ? "No model: train one or load one first." : "No season is open.");
            return;
        }
        ParametersViewModel parameters = state.parameters();
        FocusArea area = season.focusAreaProperty().get();
        int chains = evaluationChains.get();
        long runSeed = parameters.seedProperty().get();
        long steps = parameters.stepsPer3600Property().get();
        SimulationSettings settings = parameters.settings();
        state.start(job, "Predicting the season", monitor -> {
            ObservedSeason observed = LearnState.observedSeason(cache, Season.study(year), area, monitor);
            monitor.progress(-1, 1, "predicting the parameters of " + observed.observedPeriods().size() + " periods");
            SortedMap<SemiMonthlyPeriod, IsingParams> params = SeasonEvaluation.predict(m, observed);
            return SeasonEvaluation.evaluate(observed, params, chains, runSeed, steps, settings, Ensemble.defaultThreads(), monitor);
        }, r -> {
            evaluation.setAll(r.periods());
            double[] c = r.meanAbsoluteCoverageError();
            double[] e = r.meanAbsoluteExtentError();
            double[] d = r.meanDistance();
            evaluationSummary.set(String.format(Locale.ROOT, "Mean over %d periods (re-simulation vs persistence): |coverage error| %.2f vs %.2f pp,"
                    + " |extent error| %.2f vs %.2f pp, distance %.4f vs %.4f", r.periods().size(), c[0], c[1], e[0], e[1], d[0], d[1]));
            charts.runWith(r.params(), Map.of());
            simulation.reset();
            return String.format(Locale.ROOT, "Predicted %d periods and re-simulated each with %d chains; the season charts now run with"
                    + " these parameters, and choosing a period puts its own on the sliders.", r.periods().size(), chains);
        });
    }
}
