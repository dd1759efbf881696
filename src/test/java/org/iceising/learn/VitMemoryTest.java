package org.iceising.learn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SameDiff's steps leave their arrays off the Java heap; training must not let them pile up. A
 * one-block ViT on the study's 60 × 60 lattice at batch 16 leaves about 75 MB a step when nothing
 * frees them (measured), so ten steps without release would grow the process by hundreds of MB.
 */
class VitMemoryTest {

    @Test
    void trainingStepsDoNotAccumulateMemory() {
        InverseNetwork vit = new VisionTransformer.Shape(32, 1, 4, 128, 4).create(60, 60, 1e-3, 1);
        Nd4j.getRandom().setSeed(3);
        DataSet batch = new DataSet(Nd4j.rand(new int[] {16, 60, 60, 2}), Nd4j.rand(16, 5));
        for (int i = 0; i < 3; i++) {
            vit.fit(batch);
        }
        long settled = Pointer.physicalBytes();
        long peak = settled;
        for (int i = 0; i < 10; i++) {
            vit.fit(batch);
            peak = Math.max(peak, Pointer.physicalBytes());
        }
        long grown = peak - settled;
        assertTrue(grown < 100_000_000, "the process grew by " + grown / 1_000_000 + " MB over ten steps");
    }
}
