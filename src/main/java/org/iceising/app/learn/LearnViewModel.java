package org.iceising.app.learn;

import org.iceising.app.charts.SeasonChartsViewModel;
import org.iceising.app.parameters.ParametersViewModel;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.app.simulation.SimulationViewModel;
import org.iceising.app.task.JobRunner;

/**
 * The inverse problem in the workbench (MODEL.md §6): one view-model per step over a shared
 * {@link LearnState} — generate a training set, choose, estimate and train a network or load one,
 * predict the season, fit a period directly, and reproduce the study's whole protocol. Their jobs take turns on one runner, one at a time, and can be cancelled.
 *
 * <p>Deeplearning4j and ND4J load only when a job that needs them runs (training, loading or
 * saving a model, predicting), so the workbench starts without them.
 */
public final class LearnViewModel implements AutoCloseable {
    private final LearnState state;
    private final TrainingSetViewModel trainingSet;
    private final NetworkViewModel network;
    private final PredictionViewModel prediction;
    private final DirectFitViewModel directFit;
    private final ReproductionViewModel reproduction;

    public LearnViewModel(SeasonViewModel season, ParametersViewModel parameters, SimulationViewModel simulation,
                          SeasonChartsViewModel charts, JobRunner runner) {
        state = new LearnState(season, parameters, runner);
        trainingSet = new TrainingSetViewModel(state);
        network = new NetworkViewModel(state);
        prediction = new PredictionViewModel(state, simulation, charts);
        directFit = new DirectFitViewModel(state);
        reproduction = new ReproductionViewModel(state, simulation, charts);
    }

    /** Seed, bounds, training-set folder, model and the one-job-at-a-time flag. */
    public LearnState state() {
        return state;
    }

    public TrainingSetViewModel trainingSet() {
        return trainingSet;
    }

    public NetworkViewModel network() {
        return network;
    }

    public PredictionViewModel prediction() {
        return prediction;
    }

    public DirectFitViewModel directFit() {
        return directFit;
    }

    public ReproductionViewModel reproduction() {
        return reproduction;
    }

    @Override
    public void close() {
        state.cancelAll();
    }
}
