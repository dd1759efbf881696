package org.iceising.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.iceising.model.CancelledException;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.SemiMonthlyPeriod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small end-to-end run: 800 synthetic samples of one melting period on a 20 x 20 lattice, a few
 * epochs of the study's CNN (with a larger learning rate than the study's, to learn in few epochs).
 */
class CnnTrainingTest {
    static final SemiMonthlyPeriod JULY = new SemiMonthlyPeriod(LocalDate.of(2022, 7, 1));

    @TempDir
    static Path dir;
    static TrainingSet set;
    static CnnTrainer.Result result;

    /** A 20 x 20 start lattice with ice to the top and water to the bottom. */
    static Lattice start() {
        int n = 20;
        double[] c = new double[n * n];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.min(1, Math.max(0, 1.1 - (double) (i / n) / n + 0.1 * r.nextDouble()));
        }
        return Lattice.ofConcentration(n, n, c);
    }

    @BeforeAll
    static void train() {
        Path sets = dir.resolve("set");
        new TrainingSetGenerator(TrainingSetGenerator.Settings.study(800, 11), 2).generate(Map.of(JULY, start()), sets, ProgressMonitor.NONE);
        set = TrainingSet.open(sets);
        result = CnnTrainer.train(set, new CnnTrainer.Config(6, 32, 0.1, 1e-3, 5), ProgressMonitor.NONE, CnnTrainer.Listener.NONE);
    }

    @Test
    void theLossFalls() {
        List<CnnTrainer.Epoch> h = result.history();
        assertEquals(6, h.size());
        assertTrue(h.get(5).trainLoss() < 0.8 * h.get(0).trainLoss(), "training loss " + h);
        assertTrue(h.get(5).validationLoss() < h.get(0).validationLoss(), "validation loss " + h);
        assertEquals(720, h.get(0).samples());
    }

    @Test
    void heldOutPredictionsBeatPredictingTheMean() {
        int[] heldOut = result.heldOut();
        assertEquals(80, heldOut.length);
        ParameterRecovery recovery = ParameterRecovery.evaluate(result.model(), set, heldOut);
        // The field terms decide how much ice melts and where: the network must read them off.
        assertTrue(recovery.r2()[1] > 0.5, "B0 " + recovery.table());
        assertTrue(recovery.r2()[3] > 0.5, "By " + recovery.table());
        // Over all five standardised parameters, the squared error is below that of the training mean.
        Standardisation z = result.model().metadata().standardisation();
        double model = 0;
        double mean = 0;
        for (int i : heldOut) {
            TrainingSetFile f = set.fileOf(i);
            int local = set.localIndex(i);
            double[] truth = z.forward(f.params(local));
            double[] predicted = z.forward(result.model().predict(f.header().start(), f.end(local)));
            for (int k = 0; k < 5; k++) {
                model += (predicted[k] - truth[k]) * (predicted[k] - truth[k]);
                mean += truth[k] * truth[k];
            }
        }
        assertTrue(model < 0.8 * mean, "squared error " + model + " vs " + mean + " for the mean");
    }

    @Test
    void aSavedModelLoadsBackWithItsMetadataAndPredictions() throws IOException {
        Path file = dir.resolve("model.icecnn");
        result.model().save(file);
        InverseModel loaded = InverseModel.load(file);
        ModelMetadata m = loaded.metadata();
        assertEquals(result.model().metadata(), m);
        assertEquals(20, m.rows());
        assertEquals(ParameterBounds.studyMelt(), m.boundsFor(JULY));
        assertEquals(11, m.trainingSeed());
        assertEquals(800, m.trainingSize());
        assertEquals(JULY.start(), m.season().start());
        assertTrue(m.backend().startsWith("ND4J CPU backend"), m.backend());
        List<Lattice> starts = new ArrayList<>();
        List<Lattice> ends = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            starts.add(set.fileOf(i).header().start());
            ends.add(set.fileOf(i).end(set.localIndex(i)));
        }
        List<IsingParams> before = result.model().predict(starts, ends);
        List<IsingParams> after = loaded.predict(starts, ends);
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(before.get(i).toArray(), after.get(i).toArray(), 1e-9);
        }
        assertEquals(Backend.helpers(((LayerNetwork) result.model().network()).net()), Backend.helpers(((LayerNetwork) loaded.network()).net()));
        ParameterRecovery direct = ParameterRecovery.evaluate(result.model(), set, result.heldOut());
        ParameterRecovery again = ParameterRecovery.onHeldOut(loaded, set);
        assertEquals(direct.samples(), again.samples());
        assertArrayEquals(direct.r2(), again.r2(), 1e-9, "the loaded model finds the same held-out samples");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file is left");
        }
    }

    @Test
    void aDamagedOrForeignModelFileIsRefusedWithItsName() throws IOException {
        Path good = dir.resolve("good.icecnn");
        result.model().save(good);
        byte[] bytes = Files.readAllBytes(good);
        bytes[bytes.length / 2] ^= 0x55;
        Path damaged = dir.resolve("damaged.icecnn");
        Files.write(damaged, bytes);
        ModelFileException e = assertThrows(ModelFileException.class, () -> InverseModel.load(damaged));
        assertTrue(e.getMessage().contains("damaged.icecnn") && e.getMessage().contains("damaged"), e.getMessage());

        Path text = dir.resolve("notes.icecnn");
        Files.writeString(text, "J,B0,Bx,By,I\n");
        e = assertThrows(ModelFileException.class, () -> InverseModel.load(text));
        assertTrue(e.getMessage().contains("notes.icecnn") && e.getMessage().contains("not an IceIsing model"), e.getMessage());

        Path otherZip = dir.resolve("other.zip");
        try (OutputStream out = Files.newOutputStream(otherZip); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        e = assertThrows(ModelFileException.class, () -> InverseModel.load(otherZip));
        assertTrue(e.getMessage().contains("other.zip") && e.getMessage().contains("not an IceIsing model"), e.getMessage());

        e = assertThrows(ModelFileException.class, () -> InverseModel.load(dir.resolve("missing.icecnn")));
        assertTrue(e.getMessage().contains("missing.icecnn") && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void trainingStopsWhenCancelled() {
        int[] batches = {0};
        ProgressMonitor cancelAfterThree = new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
                batches[0] = (int) done;
            }

            @Override
            public boolean isCancelled() {
                return batches[0] >= 3;
            }
        };
        assertThrows(CancelledException.class,
                () -> CnnTrainer.train(set, new CnnTrainer.Config(2, 32, 0.1, 1e-3, 5), cancelAfterThree, CnnTrainer.Listener.NONE));
        assertEquals(3, batches[0]);
    }

    @Test
    void trainingStoppedPartWayResumesFromItsCheckpointToTheNetworkOfAnUninterruptedRun() {
        CnnTrainer.Config config = new CnnTrainer.Config(3, 64, 0.1, 1e-3, 9);
        double[] uninterrupted = ((LayerNetwork) CnnTrainer.train(set, config, ProgressMonitor.NONE, CnnTrainer.Listener.NONE)
                .model().network()).net().params().toDoubleVector();

        Path checkpoint = dir.resolve("resume").resolve("train-checkpoint.zip");
        long batchesPerEpoch = (720 + 63) / 64;
        long[] seen = {0};
        ProgressMonitor stopInEpochTwo = new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
                seen[0] = done;
            }

            @Override
            public boolean isCancelled() {
                return seen[0] >= batchesPerEpoch + 2;
            }
        };
        assertThrows(CancelledException.class, () -> CnnTrainer.train(set, config, checkpoint, stopInEpochTwo, CnnTrainer.Listener.NONE));
        assertEquals(1, InverseModel.load(checkpoint).metadata().epochs(), "the checkpoint holds the last whole epoch");

        long[] first = {-1};
        CnnTrainer.Result resumed = CnnTrainer.train(set, config, checkpoint, new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
                if (first[0] < 0) {
                    first[0] = done;
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        }, CnnTrainer.Listener.NONE);
        assertEquals(batchesPerEpoch + 1, first[0], "training goes on with the second epoch's first minibatch");
        assertEquals(List.of(2, 3), resumed.history().stream().map(CnnTrainer.Epoch::epoch).toList());
        assertEquals(3, resumed.model().metadata().epochs());
        assertArrayEquals(uninterrupted, ((LayerNetwork) resumed.model().network()).net().params().toDoubleVector(), 0.0,
                "a resumed run ends with the uninterrupted run's weights");

        CnnTrainer.Config other = new CnnTrainer.Config(3, 64, 0.1, 1e-3, 10);
        ModelFileException e = assertThrows(ModelFileException.class,
                () -> CnnTrainer.train(set, other, checkpoint, ProgressMonitor.NONE, CnnTrainer.Listener.NONE));
        assertTrue(e.getMessage().contains("train-checkpoint.zip") && e.getMessage().contains("other settings"), e.getMessage());
    }
}
