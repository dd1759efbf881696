package org.iceising.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.api.Test;

class IceCnnTest {

    @Test
    void theStudysNetworkHas213101TrainableParameters() {
        assertEquals(213_101, IceCnn.parameterCount(60, 60));
        MultiLayerNetwork net = IceCnn.create(60, 60, 1e-4, 1);
        assertEquals(213_101, net.numParams());
        String summary = IceCnn.summary(60, 60);
        assertTrue(summary.contains("213,101") || summary.contains("213101"), summary);
    }

    @Test
    void layersHaveTheStudysShapes() {
        MultiLayerNetwork net = IceCnn.create(60, 60, 1e-4, 1);
        List<INDArray> acts = net.feedForward(Nd4j.zeros(DataType.FLOAT, 3, 60, 60, 2), false);
        // input, then conv/pool x 4 (NHWC), dense, output
        long[][] expected = {
            {3, 60, 60, 2},
            {3, 60, 60, 16}, {3, 30, 30, 16},
            {3, 30, 30, 32}, {3, 15, 15, 32},
            {3, 15, 15, 64}, {3, 7, 7, 64},
            {3, 7, 7, 128}, {3, 3, 3, 128},
            {3, 100}, {3, 5}};
        assertEquals(expected.length, acts.size());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], acts.get(i).shape(), "activation " + i);
        }
        // per-layer parameters: 3x3 convolutions with biases, dense 1152->100, output 100->5
        long[] params = {3 * 3 * 2 * 16 + 16, 0, 3 * 3 * 16 * 32 + 32, 0, 3 * 3 * 32 * 64 + 64, 0, 3 * 3 * 64 * 128 + 128, 0,
            3 * 3 * 128 * 100 + 100, 100 * 5 + 5};
        for (int i = 0; i < params.length; i++) {
            assertEquals(params[i], net.getLayer(i).numParams(), "layer " + i);
        }
    }

    @Test
    void tooSmallALatticeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IceCnn.configuration(12, 60, 1e-4, 1));
        assertTrue(e.getMessage().contains("12 x 60"), e.getMessage());
    }
}
