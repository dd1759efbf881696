package org.iceising.cli;

import static org.iceising.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.iceising.learn.ParamsFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate → train → predict → evaluate, and fit, on the sample season at a tiny scale. */
class LearnCommandsTest {
    @TempDir
    static Path dir;

    private static Path set;
    private static Path model;

    @BeforeAll
    static void generateAndTrain() {
        set = dir.resolve("set");
        model = dir.resolve("cnn.iceising");
        CommandLineTest.Run g = run("generate", "--samples", "12", "--steps", "5000", "--seed", "2", "--out", set.toString());
        assertEquals(0, g.code(), g.err());
        CommandLineTest.Run t = run("train", "--set", set.toString(), "--out", model.toString(), "--epochs", "1",
                "--batch", "16", "--validation", "0.2");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("epoch   1"), t.out());
        assertTrue(t.out().contains("backend: "), t.out());
    }

    @Test
    void generateWritesOneFilePerObservedPeriodStart() throws Exception {
        try (Stream<Path> files = Files.list(set)) {
            // 13 period starts of the 2018 season, all observed (only the season's end, 2019-01-01, is missing)
            assertEquals(13, files.filter(f -> f.toString().endsWith(".itset")).count());
        }
        // the same command again finds everything complete and changes nothing
        byte[] before = Files.readAllBytes(set.resolve("2018-09-16.itset"));
        CommandLineTest.Run again = run("generate", "--samples", "12", "--steps", "5000", "--seed", "2", "--out", set.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(set.resolve("2018-09-16.itset"))));
    }

    @Test
    void summaryCountsTheStudysParameters() {
        CommandLineTest.Run r = run("train", "--summary");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("213,101"), r.out());
    }

    @Test
    void summaryOfEachNetworkEndsWithItsTrainableCount() {
        CommandLineTest.Run r = run("train", "--summary", "--network", "resnet50");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("layer4.2.conv3"), r.out());
        assertTrue(r.out().endsWith(String.format("trainable parameters: 25,558,901%n")), r.out());
        CommandLineTest.Run v = run("train", "--summary", "--network", "vit");
        assertEquals(0, v.code(), v.err());
        assertTrue(v.out().contains("encoder.layer.11.output.dense.weight"), v.out());
        assertTrue(v.out().endsWith(String.format("trainable parameters: 85,259,525%n")), v.out());
        CommandLineTest.Run bad = run("train", "--summary", "--network", "vgg");
        assertEquals(2, bad.code());
        assertEquals("iceising train: Invalid value for option '--network': unknown network 'vgg'; choose one of cnn, resnet50, vit (see 'iceising train --help')",
                bad.err().lines().findFirst().orElse(""));
    }

    @Test
    void aResNetTrainedFromTheCommandLineIsUsedByPredictWithoutBeingTold() throws Exception {
        Path resnet = dir.resolve("resnet.iceising");
        CommandLineTest.Run t = run("train", "--network", "resnet50", "--set", set.toString(), "--out", resnet.toString(), "--epochs", "1",
                "--batch", "16", "--validation", "0.2");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("network resnet50, 1 epochs, batch 16, learning rate 0.001"), t.out());
        Path params = dir.resolve("resnet-params.csv");
        CommandLineTest.Run p = run("predict", "--model", resnet.toString(), "--out", params.toString());
        assertEquals(0, p.code(), p.err());
        assertEquals(1 + 12, Files.readAllLines(params).size());
    }

    @Test
    void predictThenEvaluateGivesTheTableWithPersistence() throws Exception {
        Path params = dir.resolve("params.csv");
        CommandLineTest.Run p = run("predict", "--model", model.toString(), "--out", params.toString());
        assertEquals(0, p.code(), p.err());
        List<String> lines = Files.readAllLines(params);
        assertEquals(ParamsFile.HEADER, lines.get(0));
        assertEquals(1 + 12, lines.size()); // 12 periods observed at both ends
        // a one-epoch network answers near the mean of melt and freeze; predictions stay in each period's box
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",");
            org.iceising.model.SemiMonthlyPeriod period = new org.iceising.model.SemiMonthlyPeriod(java.time.LocalDate.parse(v[0]));
            org.iceising.model.IsingParams q = org.iceising.model.IsingParams.parse(line.substring(v[0].length() + 1));
            assertTrue(org.iceising.learn.SeasonBounds.study().forPeriod(period).contains(q), line);
        }
        CommandLineTest.Run e = run("evaluate", "--params", params.toString(), "--seeds", "2", "--steps", "5000");
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().contains("persistence"), e.out());
        assertEquals(12, e.out().lines().filter(l -> l.startsWith("2018-")).count(), e.out());
        CommandLineTest.Run r = run("evaluate", "--model", model.toString(), "--set", set.toString(), "--seeds", "1", "--steps", "2000");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("R²"), r.out());
    }

    @Test
    void fitOnePeriodStaysWithinTheFreezeBounds() throws Exception {
        Path out = dir.resolve("fit.csv");
        CommandLineTest.Run r = run("fit", "--period", "2018-10-16", "--evaluations", "12", "--seeds", "1", "--population", "4",
                "--steps", "5000", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String[] v = Files.readAllLines(out).get(1).split(",");
        assertEquals("2018-10-16", v[0]);
        double b0 = Double.parseDouble(v[2]);
        assertTrue(b0 >= -15 && b0 <= -9, "B0 " + b0);
    }

    @Test
    void badModelsAndPeriodsAreOneLineErrors() throws Exception {
        Path notAModel = dir.resolve("not-a-model.iceising");
        Files.writeString(notAModel, "hello");
        List<String[]> cases = List.of(
                new String[] {"predict", "--model", notAModel.toString()},
                new String[] {"predict", "--model", dir.resolve("absent").toString()},
                new String[] {"fit", "--period", "2018-12-16"},
                new String[] {"fit", "--period", "2018-12-17"},
                new String[] {"evaluate", "--params", notAModel.toString()},
                new String[] {"train", "--set", dir.resolve("absent").toString(), "--out", dir.resolve("m").toString()},
                new String[] {"generate", "--samples", "0", "--out", dir.resolve("x").toString()});
        for (String[] args : cases) {
            CommandLineTest.Run r = run(args);
            String what = String.join(" ", args);
            assertEquals(2, r.code(), what + "\n" + r.err());
            assertFalse(r.err().contains("\tat "), what + ":\n" + r.err());
        }
    }
}
