package org.iceising.learn;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUBp;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * LeakyReLU, f(x) = x for x ≥ 0 and αx below, computed exactly as DL4J's {@code ActivationLReLU}
 * (same native ops, in place) but on dense arrays.
 *
 * <p>An NHWC convolution layer hands its activation NCHW-permuted views of NHWC buffers; the native
 * element-wise ops then walk them element by element through the shape strides, which costs more
 * than the convolution itself. Both arrays of a call are permutations of dense buffers with the
 * same strides, so this class permutes them back to dense row-major order (a view, no copy), runs
 * the op there and so visits memory in order. Arrays that are not such permutations are copied.
 */
public final class DenseLeakyRelu extends BaseActivationFunction {
    private static final long serialVersionUID = 1L;

    private double alpha;

    /** For deserialisation. */
    public DenseLeakyRelu() {
        this(0.3);
    }

    public DenseLeakyRelu(double alpha) {
        this.alpha = alpha;
    }

    public double getAlpha() {
        return alpha;
    }

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        int[] order = denseOrder(in);
        if (order == null) {
            in.assign(Nd4j.getExecutioner().exec(new LeakyReLU(in.dup('c'), alpha)));
        } else {
            Nd4j.getExecutioner().exec(new LeakyReLU(in.permute(order), alpha));
        }
        return in;
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        int[] order = denseOrder(in);
        if (order != null && Arrays.equals(in.stride(), epsilon.stride())) {
            INDArray x = in.permute(order);
            Nd4j.getExecutioner().execAndReturn(new LeakyReLUBp(x, epsilon.permute(order), x, alpha));
        } else {
            INDArray x = in.dup('c');
            Nd4j.getExecutioner().execAndReturn(new LeakyReLUBp(x, epsilon.dup('c'), x, alpha));
            in.assign(x);
        }
        return new Pair<>(in, null);
    }

    /**
     * The axis order that makes {@code a} a dense row-major array (strides decreasing and equal to
     * the row-major strides of the permuted shape), or null if no order does.
     */
    static int[] denseOrder(INDArray a) {
        long[] stride = a.stride();
        int[] order = IntStream.range(0, a.rank()).boxed()
                .sorted(Comparator.comparingLong((Integer k) -> stride[k]).reversed())
                .mapToInt(Integer::intValue).toArray();
        INDArray p = a.permute(order);
        return Shape.hasDefaultStridesForShape(p) ? order : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenseLeakyRelu d && d.alpha == alpha;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(alpha);
    }

    @Override
    public String toString() {
        return "leakyrelu(a=" + alpha + ")";
    }
}
