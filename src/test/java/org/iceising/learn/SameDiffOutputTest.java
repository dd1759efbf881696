package org.iceising.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SameDiff prints "Added differentiated op ..." to standard output for every op of the ViT when it
 * first builds the gradient graph; a training step must leave standard output to the command.
 */
class SameDiffOutputTest {

    @Test
    void theFirstTrainingStepPrintsNothing() {
        InverseNetwork vit = new VisionTransformer.Shape(32, 1, 4, 128, 4).create(60, 60, 1e-3, 1);
        DataSet batch = new DataSet(Nd4j.rand(new int[] {2, 60, 60, 2}), Nd4j.rand(2, 5));
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            vit.fit(batch);
        } finally {
            System.setOut(out);
        }
        assertEquals("", printed.toString(StandardCharsets.UTF_8));
    }
}
