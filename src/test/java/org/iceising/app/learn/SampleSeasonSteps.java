package org.iceising.app.learn;

import org.iceising.app.charts.SeasonChartsViewModel;
import org.iceising.app.parameters.ParametersViewModel;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.app.simulation.SimulationViewModel;
import org.iceising.app.task.SameThreadJobRunner;
import org.iceising.data.SampleData;
import org.junit.jupiter.api.BeforeEach;

/** The Learn steps' shared state over the sample data's 2018 season, on the same-thread runner, with the fewest steps per period. */
abstract class SampleSeasonSteps {
    final SameThreadJobRunner runner = new SameThreadJobRunner();
    SeasonViewModel season;
    ParametersViewModel parameters;
    LearnState state;
    SimulationViewModel simulation;
    SeasonChartsViewModel charts;

    @BeforeEach
    void open() {
        season = new SeasonViewModel(runner);
        parameters = new ParametersViewModel(runner);
        parameters.stepsPer3600Property().set(ParametersViewModel.MIN_STEPS);
        state = new LearnState(season, parameters, runner);
        simulation = new SimulationViewModel(parameters, season);
        charts = new SeasonChartsViewModel(season, parameters, runner);
        season.open(SampleData.directory(), 2018);
    }
}
