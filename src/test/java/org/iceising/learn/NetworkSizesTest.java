package org.iceising.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.api.Test;

/** The full-size networks against the study's published counts, and one forward pass each. */
class NetworkSizesTest {

    @Test
    void resNet50HasTheStudys25558901TrainableParameters() {
        InverseNetwork net = Network.RESNET50.architecture().create(60, 60, 1e-3, 1);
        assertEquals(25_558_901, net.trainableParameters());
        assertEquals(25_558_901, Network.RESNET50.trainableParameters(60, 60));
        // torchvision's ResNet50 (25,557,032 with 3 input channels) less one input channel of the 7x7x64 stem, plus Linear(1000 -> 5)
        assertEquals(25_557_032 - 7 * 7 * 64 + 1000 * 5 + 5, net.trainableParameters());
        // DL4J also stores each batch norm's running mean and variance: 2 values per channel, as many as gamma and beta
        long gammaAndBeta = net.weights().entrySet().stream().filter(e -> e.getKey().endsWith("_gamma") || e.getKey().endsWith("_beta"))
                .mapToLong(e -> e.getValue().length()).sum();
        long all = net.weights().values().stream().mapToLong(INDArray::length).sum();
        assertEquals(25_558_901 + gammaAndBeta, all);
        assertTrue(net.summary().endsWith(String.format("trainable parameters: 25,558,901%n")), "summary ends with the count");
        INDArray out = net.output(Nd4j.rand(DataType.FLOAT, 2, 60, 60, 2));
        assertArrayEquals(new long[] {2, 5}, out.shape());
    }

    @Test
    void vitBaseHasTheStudys85259525TrainableParameters() {
        VisionTransformer.Shape s = VisionTransformer.Shape.VIT_BASE;
        assertEquals(226, s.tokens(60, 60));
        assertEquals(85_259_525, s.trainableParameters(60, 60));
        InverseNetwork net = Network.VIT.architecture().create(60, 60, 5e-5, 1);
        assertEquals(85_259_525, net.trainableParameters());
        assertEquals(12 * 16 + 2 + 2 + 2 + 2, net.weights().size(), "16 tensors per block, patch projection, class and position tokens, final norm, head");
        assertArrayEquals(new long[] {1, 226, 768}, net.weights().get("embeddings.position_embeddings").shape());
        assertTrue(net.summary().endsWith(String.format("trainable parameters: 85,259,525%n")), "summary ends with the count");
        INDArray out = net.output(Nd4j.rand(DataType.FLOAT, 1, 60, 60, 2));
        assertArrayEquals(new long[] {1, 5}, out.shape());
    }

    @Test
    void theRegistryNamesEachNetworkAndItsSchedule() {
        assertEquals(Network.RESNET50, Network.parse("ResNet50"));
        assertEquals("cnn, resnet50, vit", Network.names());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Network.parse("vgg"));
        assertEquals("unknown network 'vgg'; choose one of cnn, resnet50, vit", e.getMessage());
        assertEquals(213_101, Network.CNN.trainableParameters(60, 60));
        assertEquals(20, Network.CNN.studyEpochs());
        assertEquals(30, Network.RESNET50.studyEpochs());
        assertEquals(3, Network.VIT.studyEpochs());
        assertTrue(Network.VIT.gpuClass());
        assertFalse(Network.CNN.gpuClass());
        for (Network n : Network.values()) {
            assertEquals(n, n.architecture().network());
        }
    }

    @Test
    void patchesThatDoNotTileTheLatticeAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VisionTransformer.Shape.VIT_BASE.tokens(62, 60));
        assertEquals("4 x 4 patches do not tile a 62 x 60 lattice", e.getMessage());
    }
}
