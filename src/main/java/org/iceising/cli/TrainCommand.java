package org.iceising.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.iceising.data.AtomicFiles;
import org.iceising.learn.Backend;
import org.iceising.learn.CnnTrainer;
import org.iceising.learn.Network;
import org.iceising.learn.ParameterRecovery;
import org.iceising.learn.PretrainedWeights;
import org.iceising.learn.TrainingSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains one of the study's networks on a training set and saves it with its metadata: the CNN "
                + "(213,101 parameters), ResNet50 (25,558,901) or the ViT (85,259,525).",
                "MSE on standardised targets, 1 %% of the samples held out for validation; R² of the held-out "
                        + "parameters is printed at the end. Epochs, batch and learning rate default to the network's "
                        + "schedule: cnn Adam 1e-4, 20 epochs, batch 100; resnet50 SGD 1e-3 decayed x0.1 every 7 epochs, "
                        + "30 epochs, batch 32; vit Adam 5e-5, 3 epochs, batch 8."})
final class TrainCommand implements Callable<Integer> {
    /** Far more epochs than any schedule here needs (the study's are 3 to 30). */
    static final int MAX_EPOCHS = 10_000;
    /** Far larger minibatches than any network here fits in memory. */
    static final int MAX_BATCH = 65_536;

    @Spec
    CommandSpec spec;

    @Option(names = "--set", paramLabel = "DIR", description = "Training-set folder (from generate).")
    Path set;

    @Option(names = "--out", paramLabel = "MODEL", description = "Where to save the trained model.")
    Path out;

    @Option(names = "--network", defaultValue = "cnn", paramLabel = "NAME", converter = NetworkConverter.class,
            description = "cnn, resnet50 or vit. Default: ${DEFAULT-VALUE}.")
    Network network;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs. Default: the study's for the network (20, 30, 3).")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "N", description = "Minibatch size. Default: the network's (100, 32, 8).")
    Integer batch;

    @Option(names = "--learning-rate", paramLabel = "LR", description = "(Initial) learning rate. Default: the network's (1e-4, 1e-3, 5e-5).")
    Double learningRate;

    @Option(names = "--validation", paramLabel = "F", description = "Held-out fraction. Default: ${DEFAULT-VALUE}.")
    double validation = CnnTrainer.Config.study(1).validationFraction();

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of the weights and the split. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--pretrained", paramLabel = "FILE.safetensors",
            description = "Start resnet50 or vit from ImageNet weights in a local safetensors file (torchvision ResNet50; "
                    + "Hugging Face or timm ViT-Base). What does not fit is re-initialised and reported.")
    Path pretrained;

    @Option(names = "--summary", description = "Print the network's layer table and its trainable parameter count (and nothing else without --set).")
    boolean summary;

    /** The network by its name, or the names there are. */
    static final class NetworkConverter extends Converters.ByParser<Network> {
        NetworkConverter() {
            super(Network::parse);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        if (summary) {
            o.println("network " + network + ": " + network.description());
            o.print(network.architecture().create(60, 60, network.defaultLearningRate(), seed).summary());
            if (set == null) {
                return 0;
            }
        }
        if (set == null || out == null) {
            throw new IllegalArgumentException("train needs --set DIR and --out MODEL (or --summary alone)");
        }
        if (epochs != null) {
            Ranges.check("--epochs", epochs, 1, MAX_EPOCHS);
        }
        if (batch != null) {
            Ranges.check("--batch", batch, 1, MAX_BATCH);
        }
        if (learningRate != null) {
            Ranges.positive("--learning-rate", learningRate);
        }
        Ranges.fraction("--validation", validation);
        AtomicFiles.checkTarget(out);
        CnnTrainer.Config study = CnnTrainer.Config.study(network, seed);
        CnnTrainer.Config config = new CnnTrainer.Config(network.architecture(), epochs == null ? study.epochs() : epochs,
                batch == null ? study.batchSize() : batch, validation, learningRate == null ? study.learningRate() : learningRate, seed,
                pretrained == null ? null : PretrainedWeights.read(pretrained));
        ConsoleProgress progress = new ConsoleProgress(System.err);
        CnnTrainer.Result result;
        // the set is checked whole before anything is printed: a damaged file is the only line
        try (TrainingSet data = TrainingSet.open(set)) {
            o.println("backend: " + Backend.describe());
            if (network.gpuClass() && !Backend.isCuda()) {
                o.println("note: " + network + " is GPU-class (about 100 GFLOP per sample and training step) and no GPU is in use; "
                        + "expect seconds per sample (build with -Pcuda on a machine with an NVIDIA GPU)");
            }
            o.printf(Locale.ROOT, "training set %s: %,d samples of %d x %d; network %s, %d epochs, batch %d, learning rate %s%n", set,
                    data.size(), data.rows(), data.cols(), network, config.epochs(), config.batchSize(), config.learningRate());
            result = CnnTrainer.train(data, config, progress, new CnnTrainer.Listener() {
                @Override
                public void pretrained(PretrainedWeights.Report report) {
                    o.print(report.text());
                    o.flush();
                }

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
