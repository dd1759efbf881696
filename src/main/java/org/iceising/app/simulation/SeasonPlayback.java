package org.iceising.app.simulation;

import java.util.List;
import java.util.Map;
import org.iceising.app.parameters.ParametersViewModel;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.model.IsingParams;
import org.iceising.model.SemiMonthlyPeriod;

/**
 * Where the animation goes on to when it plays through the season: the next period, simulated
 * with the parameters a season run gives it ({@link ParametersViewModel#seasonParams}: its own
 * predicted ones, else the knobs' for the regime of the period the animation began in, else the
 * centre of its regime). The plan is made when the animation first leaves a period and kept until
 * it stops, so every period of one animation gets what "Run season" would give it.
 */
final class SeasonPlayback {
    private final SeasonViewModel season;
    private final ParametersViewModel parameters;
    private Map<SemiMonthlyPeriod, IsingParams> plan;

    SeasonPlayback(SeasonViewModel season, ParametersViewModel parameters) {
        this.season = season;
        this.parameters = parameters;
    }

    /**
     * Shows the period after the one shown and puts its parameters on the knobs; after the last
     * period, the first again if {@code wrap}. Returns the period opened, or null if there is none.
     */
    SemiMonthlyPeriod openNext(boolean wrap) {
        List<SemiMonthlyPeriod> periods = List.copyOf(season.periods());
        SemiMonthlyPeriod shown = season.periodProperty().get();
        int k = periods.indexOf(shown);
        int next = k < 0 ? -1 : k + 1 < periods.size() ? k + 1 : wrap ? 0 : -1;
        if (next < 0 || next == k) {
            return null;
        }
        if (plan == null) {
            plan = parameters.seasonParams(periods, shown);
        }
        SemiMonthlyPeriod p = periods.get(next);
        season.periodProperty().set(p);
        parameters.apply(plan.get(p));
        return p;
    }

    /** How many periods the season has: the most an animation may skip in a row. */
    int periods() {
        return season.periods().size();
    }

    /** The animation stopped: the next one plans afresh from the period then shown. */
    void stop() {
        plan = null;
    }
}
