package org.iceising.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.ProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ResNet and the ViT trained by the same code as the full-size networks, in reduced shapes
 * (a full ViT-Base step costs about 100 GFLOP per sample): 480 synthetic samples of one melting
 * period on a 20 × 20 lattice, as {@link CnnTrainingTest}.
 */
class NetworkTrainingTest {
    /** Three stages of one bottleneck, 8 wide, fc 32: 20 → 10 → 5 → 5 → 3 → 2. */
    static final ResNet.Shape SMALL_RESNET = new ResNet.Shape(new int[] {1, 1, 1}, 8, 32);
    /** Hidden 32, 2 blocks, 4 heads, MLP 64, 4 × 4 patches: 25 patches + the class token. */
    static final VisionTransformer.Shape SMALL_VIT = new VisionTransformer.Shape(32, 2, 4, 64, 4);
    static final int EPOCHS = 5;
    static final int BATCH = 24;

    @TempDir
    static Path dir;
    static TrainingSet set;
    static CnnTrainer.Result resnet;
    static CnnTrainer.Result vit;

    @BeforeAll
    static void train() {
        Path sets = dir.resolve("set");
        new TrainingSetGenerator(TrainingSetGenerator.Settings.study(480, 11), 2).generate(Map.of(CnnTrainingTest.JULY, CnnTrainingTest.start()),
                sets, ProgressMonitor.NONE);
        set = TrainingSet.open(sets);
        resnet = CnnTrainer.train(set, new CnnTrainer.Config(SMALL_RESNET, EPOCHS, BATCH, 0.1, 0.05, 5, null), ProgressMonitor.NONE,
                CnnTrainer.Listener.NONE);
        vit = CnnTrainer.train(set, new CnnTrainer.Config(SMALL_VIT, EPOCHS, BATCH, 0.1, 2e-3, 5, null), ProgressMonitor.NONE,
                CnnTrainer.Listener.NONE);
    }

    @Test
    void theResNetsLossFallsAndItBeatsTheMean() {
        lossFalls(resnet);
        beatsTheMean(resnet);
    }

    @Test
    void theVitsLossFallsAndItBeatsTheMean() {
        lossFalls(vit);
        beatsTheMean(vit);
    }

    @Test
    void modelFilesRecordTheirNetworkAndLoadBackWithTheSamePredictions() throws IOException {
        for (CnnTrainer.Result r : List.of(resnet, vit)) {
            Path file = dir.resolve(r.model().metadata().network() + ".icecnn");
            r.model().save(file);
            InverseModel loaded = InverseModel.load(file);
            assertEquals(r.model().metadata(), loaded.metadata());
            assertEquals(r.model().parameterCount(), loaded.parameterCount());
            List<Lattice> starts = new ArrayList<>();
            List<Lattice> ends = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                starts.add(set.fileOf(i).header().start());
                ends.add(set.fileOf(i).end(set.localIndex(i)));
            }
            List<IsingParams> before = r.model().predict(starts, ends);
            List<IsingParams> after = loaded.predict(starts, ends);
            for (int i = 0; i < before.size(); i++) {
                assertArrayEquals(before.get(i).toArray(), after.get(i).toArray(), 1e-6);
            }
        }
        assertEquals(Network.RESNET50, resnet.model().metadata().network());
        assertEquals("ResNet 1-1-1, width 8, fc 32", resnet.model().metadata().architecture());
        assertEquals(SMALL_RESNET.trainableParameters(), resnet.model().parameterCount());
        assertEquals(Network.VIT, vit.model().metadata().network());
        assertEquals(SMALL_VIT.trainableParameters(20, 20), vit.model().parameterCount());
    }

    @Test
    void anEstimateTimesAFewMinibatchesAndScalesThemToAnEpoch() {
        EpochEstimate e = EpochEstimate.measure(set, new CnnTrainer.Config(SMALL_VIT, 1, 16, 0.1, 1e-3, 5, null), 3, ProgressMonitor.NONE);
        assertEquals(Network.VIT, e.network());
        assertEquals(48, e.samplesTimed());
        assertEquals(432, e.trainSamples());
        assertEquals(SMALL_VIT.trainableParameters(20, 20), e.trainableParameters());
        assertTrue(e.millisPerSample() > 0);
        assertEquals(e.millisPerSample() * 432, e.epochMillis(), 1e-9);
        assertTrue(e.needsGpu(), "the ViT is GPU-class and the tests run on the CPU");
        assertTrue(e.text().endsWith("this network is GPU-class and no GPU is in use"), e.text());
        IllegalArgumentException tooFew = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> EpochEstimate.measure(set, new CnnTrainer.Config(SMALL_VIT, 1, 300, 0.1, 1e-3, 5, null), 1, ProgressMonitor.NONE));
        assertEquals("timing 1 minibatches of 300 after a warm-up one needs 600 training samples, the set has 432", tooFew.getMessage());
    }

    private static void lossFalls(CnnTrainer.Result r) {
        List<CnnTrainer.Epoch> h = r.history();
        assertEquals(EPOCHS, h.size());
        assertTrue(h.get(EPOCHS - 1).trainLoss() < 0.8 * h.get(0).trainLoss(), "training loss " + h);
        assertTrue(h.get(EPOCHS - 1).validationLoss() < h.get(0).validationLoss(), "validation loss " + h);
    }

    /** Over the five standardised parameters of the held-out samples, the squared error is below that of the training mean. */
    private static void beatsTheMean(CnnTrainer.Result r) {
        Standardisation z = r.model().metadata().standardisation();
        double model = 0;
        double mean = 0;
        for (int i : r.heldOut()) {
            TrainingSetFile f = set.fileOf(i);
            int local = set.localIndex(i);
            double[] truth = z.forward(f.params(local));
            double[] predicted = z.forward(r.model().predict(f.header().start(), f.end(local)));
            for (int k = 0; k < 5; k++) {
                model += (predicted[k] - truth[k]) * (predicted[k] - truth[k]);
                mean += truth[k] * truth[k];
            }
        }
        assertTrue(model < 0.8 * mean, "squared error " + model + " vs " + mean + " for the mean");
    }
}
