package org.iceising.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.junit.jupiter.api.Test;

/** LeakyReLU against its formula, on the permuted views an NHWC layer hands it and on other strided arrays. */
class DenseLeakyReluTest {
    static final double ALPHA = 0.3;

    static double f(double x) {
        return x >= 0 ? x : ALPHA * x;
    }

    static double df(double x) {
        return x >= 0 ? 1 : ALPHA;
    }

    @Test
    void followsTheFormulaOnNchwViewsOfNhwcBuffers() {
        Backend.init();
        Nd4j.getRandom().setSeed(7);
        INDArray nhwc = Nd4j.rand(DataType.FLOAT, 3, 5, 4, 6).subi(0.5).muli(4);
        INDArray epsNhwc = Nd4j.rand(DataType.FLOAT, 3, 5, 4, 6);
        Supplier<INDArray> in = () -> nhwc.dup('c').permute(0, 3, 1, 2);
        assertNotNull(DenseLeakyRelu.denseOrder(in.get()), "a permuted dense array is recognised");
        check(in, epsNhwc.permute(0, 3, 1, 2));
    }

    @Test
    void followsTheFormulaOnSlicesWithGaps() {
        Backend.init();
        Nd4j.getRandom().setSeed(8);
        INDArray base = Nd4j.rand(DataType.FLOAT, 6, 9).subi(0.5);
        Supplier<INDArray> in = () -> base.dup('c').get(NDArrayIndex.interval(0, 2, 6), NDArrayIndex.all());
        assertNull(DenseLeakyRelu.denseOrder(in.get()), "a slice with gaps is not dense in any order");
        check(in, Nd4j.rand(DataType.FLOAT, 3, 9));
    }

    @Test
    void followsTheFormulaOnPlainArrays() {
        Backend.init();
        Nd4j.getRandom().setSeed(9);
        INDArray base = Nd4j.rand(DataType.FLOAT, 4, 100).subi(0.5);
        check(() -> base.dup('c'), Nd4j.rand(DataType.FLOAT, 4, 100));
    }

    /** Forward and backward pass, each on a fresh array from {@code in}, compared with the formula element by element. */
    private static void check(Supplier<INDArray> in, INDArray eps) {
        INDArray x = in.get().dup('c');
        DenseLeakyRelu act = new DenseLeakyRelu(ALPHA);
        INDArray forward = in.get();
        assertSame(forward, act.getActivation(forward, true), "the activation works in place");
        INDArray backwardInput = in.get();
        INDArray grad = act.backprop(backwardInput, eps).getFirst();
        assertSame(backwardInput, grad, "the gradient is written in place");
        INDArray e = eps.dup('c');
        INDArray fw = forward.dup('c');
        INDArray g = grad.dup('c');
        for (long i = 0; i < x.length(); i++) {
            double xi = x.getDouble(i);
            assertEquals(f(xi), fw.getDouble(i), 1e-6, "f at " + i);
            assertEquals(e.getDouble(i) * df(xi), g.getDouble(i), 1e-6, "df at " + i);
        }
    }
}
