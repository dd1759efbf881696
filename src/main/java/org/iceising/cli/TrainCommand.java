package org.iceising.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.iceising.learn.Backend;
import org.iceising.learn.CnnTrainer;
import org.iceising.learn.IceCnn;
import org.iceising.learn.ParameterRecovery;
import org.iceising.learn.TrainingSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains the study's CNN (4 conv blocks, dense 100, 5 outputs; 213,101 parameters) on a training set "
                + "and saves it with its metadata.",
                "Adam, MSE on standardised targets, 1 %% of the samples held out for validation; R² of the held-out "
                        + "parameters is printed at the end."})
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--set", paramLabel = "DIR", description = "Training-set folder (from generate).")
    Path set;

    @Option(names = "--out", paramLabel = "MODEL", description = "Where to save the trained model.")
    Path out;

    @Option(names = "--epochs", defaultValue = "20", paramLabel = "N", description = "Epochs. Default: ${DEFAULT-VALUE} (the study's).")
    int epochs;

    @Option(names = "--batch", defaultValue = "100", paramLabel = "N", description = "Minibatch size. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--learning-rate", defaultValue = "1e-4", paramLabel = "LR", description = "Adam learning rate. Default: ${DEFAULT-VALUE}.")
    double learningRate;

    @Option(names = "--validation", defaultValue = "0.01", paramLabel = "F", description = "Held-out fraction. Default: ${DEFAULT-VALUE}.")
    double validation;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of the weights and the split. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--summary", description = "Print the layer table and the parameter count (and nothing else without --set).")
    boolean summary;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        if (summary) {
            o.print(IceCnn.summary(60, 60));
            if (set == null) {
                return 0;
            }
        }
        if (set == null || out == null) {
            throw new IllegalArgumentException("train needs --set DIR and --out MODEL (or --summary alone)");
        }
        o.println("backend: " + Backend.describe());
        ConsoleProgress progress = new ConsoleProgress(System.err);
        CnnTrainer.Result result;
        try (TrainingSet data = TrainingSet.open(set)) {
            o.printf(Locale.ROOT, "training set %s: %,d samples of %d x %d%n", set, data.size(), data.rows(), data.cols());
            CnnTrainer.Config config = new CnnTrainer.Config(epochs, batch, validation, learningRate, seed);
            result = CnnTrainer.train(data, config, progress, new CnnTrainer.Listener() {
                @Override
                public void epoch(CnnTrainer.Epoch e) {
                    progress.finish();
                    o.printf(Locale.ROOT, "epoch %3d  train loss %.5f  validation loss %.5f  %.2f ms/sample%n", e.epoch(),
                            e.trainLoss(), e.validationLoss(), e.millisPerSample());
                    o.flush();
                }
            });
            result.model().save(out);
            o.println("saved " + out);
            o.println("held-out parameter recovery:");
            o.print(ParameterRecovery.evaluate(result.model(), data, result.heldOut()).table());
        } finally {
            progress.finish();
        }
        return 0;
    }
}
