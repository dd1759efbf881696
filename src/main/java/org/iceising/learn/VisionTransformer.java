package org.iceising.learn;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * A Vision Transformer (Dosovitskiy et al.; Hugging Face's {@code ViTForImageClassification}) in
 * SameDiff for rows × cols × 2 inputs: the lattice is cut into patch × patch squares, each
 * flattened (row, column, channel) and projected to the hidden width; a class token is put in
 * front, learned position embeddings added; then pre-norm encoder blocks (LayerNorm, multi-head
 * scaled dot-product self-attention with query, key, value and output projections, residual;
 * LayerNorm, MLP with exact (erf) GELU, residual); a final LayerNorm; the class token's row goes
 * through a linear head to the five parameters. No dropout (ViT-Base fine-tunes with none).
 *
 * <p>ViT-Base for 60 × 60 × 2 in 4 × 4 patches: hidden 768, 12 blocks, 12 heads, MLP 3072,
 * 225 patches + 1 class token = 226 tokens, 85,259,525 trainable parameters (the study's count).
 *
 * <p>Variable names are Hugging Face's without the {@code vit.} prefix
 * ({@code encoder.layer.3.attention.attention.query.weight}); dense weights are stored
 * (in, out), the transpose of PyTorch's (out, in). Weights start as Hugging Face initialises them:
 * normal with σ 0.02, zero biases, LayerNorm gain 1. Training: MSE, Adam (Hugging Face's default
 * AdamW without weight decay).
 */
public final class VisionTransformer {
    /** Standard deviation of the initial weights, embeddings and tokens. */
    public static final double INIT_STD = 0.02;
    static final String INPUT = "input";
    static final String LABEL = "label";
    static final String OUTPUT = "output";
    static final String LOSS = "loss";

    private VisionTransformer() {
    }

    /**
     * A ViT's geometry.
     *
     * @param hidden width of the token vectors (ViT-Base: 768)
     * @param depth  encoder blocks (12)
     * @param heads  attention heads (12); must divide {@code hidden}
     * @param mlp    width of each block's MLP (3072)
     * @param patch  side of the square patches, which must tile the lattice (the study: 4)
     */
    public record Shape(int hidden, int depth, int heads, int mlp, int patch) implements Architecture {
        /** The study's ViT-Base with 4 × 4 patches. */
        public static final Shape VIT_BASE = new Shape(768, 12, 12, 3072, 4);

        public Shape {
            if (hidden < 1 || depth < 1 || heads < 1 || mlp < 1 || patch < 1 || hidden % heads != 0) {
                throw new IllegalArgumentException("a ViT needs positive sizes and a hidden width divisible by the heads, got hidden "
                        + hidden + ", " + heads + " heads");
            }
        }

        @Override
        public Network network() {
            return Network.VIT;
        }

        @Override
        public InverseNetwork create(int rows, int cols, double learningRate, long seed) {
            return new SameDiffNetwork(build(this, rows, cols, learningRate, seed));
        }

        @Override
        public String describe() {
            return "ViT hidden " + hidden + ", " + depth + " blocks, " + heads + " heads, MLP " + mlp + ", patch " + patch;
        }

        /** Tokens for a rows × cols lattice: one per patch and the class token. */
        public int tokens(int rows, int cols) {
            if (rows % patch != 0 || cols % patch != 0) {
                throw new IllegalArgumentException(patch + " x " + patch + " patches do not tile a " + rows + " x " + cols + " lattice");
            }
            return (rows / patch) * (cols / patch) + 1;
        }

        /** Trainable parameters for a rows × cols lattice (85,259,525 for ViT-Base on 60 × 60). */
        public long trainableParameters(int rows, int cols) {
            long h = hidden;
            long patchEmbedding = (long) patch * patch * IceCnn.CHANNELS * h + h;
            long embeddings = h + (long) tokens(rows, cols) * h;
            long block = 2 * h + 4 * (h * h + h) + 2 * h + (h * mlp + mlp) + (mlp * h + h);
            return patchEmbedding + embeddings + depth * block + 2 * h + h * IceCnn.OUTPUTS + IceCnn.OUTPUTS;
        }
    }

    /** The graph: placeholders {@value #INPUT} (NHWC) and {@value #LABEL}, outputs {@value #OUTPUT} and {@value #LOSS}. */
    static SameDiff build(Shape s, int rows, int cols, double learningRate, long seed) {
        Backend.init();
        int tokens = s.tokens(rows, cols);
        int gridRows = rows / s.patch();
        int gridCols = cols / s.patch();
        int patchValues = s.patch() * s.patch() * IceCnn.CHANNELS;
        int h = s.hidden();
        int headWidth = h / s.heads();
        Nd4j.getRandom().setSeed(seed);
        SameDiff sd = SameDiff.create();
        SDVariable input = sd.placeHolder(INPUT, DataType.FLOAT, -1, rows, cols, IceCnn.CHANNELS);
        SDVariable label = sd.placeHolder(LABEL, DataType.FLOAT, -1, IceCnn.OUTPUTS);

        SDVariable patches = input.reshape(-1, gridRows, s.patch(), gridCols, s.patch(), IceCnn.CHANNELS)
                .permute(0, 1, 3, 2, 4, 5).reshape(-1, patchValues);
        SDVariable x = dense(sd, "embeddings.patch_embeddings.projection", patches, patchValues, h).reshape(-1, tokens - 1, h);
        SDVariable cls = sd.var("embeddings.cls_token", normal(1, 1, h));
        SDVariable clsRows = x.get(SDIndex.all(), SDIndex.interval(0, 1), SDIndex.all()).mul(0.0).add(cls);
        x = sd.concat(1, clsRows, x).add(sd.var("embeddings.position_embeddings", normal(1, tokens, h))).reshape(-1, h);

        for (int b = 0; b < s.depth(); b++) {
            String p = "encoder.layer." + b + ".";
            SDVariable n = layerNorm(sd, p + "layernorm_before", x, h);
            SDVariable q = heads(dense(sd, p + "attention.attention.query", n, h, h), tokens, s.heads(), headWidth);
            SDVariable k = heads(dense(sd, p + "attention.attention.key", n, h, h), tokens, s.heads(), headWidth);
            SDVariable v = heads(dense(sd, p + "attention.attention.value", n, h, h), tokens, s.heads(), headWidth);
            SDVariable weights = sd.nn().softmax(sd.mmul(q, k, false, true, false).mul(1.0 / Math.sqrt(headWidth)), 3);
            SDVariable context = sd.mmul(weights, v).permute(0, 2, 1, 3).reshape(-1, h);
            x = x.add(dense(sd, p + "attention.output.dense", context, h, h));
            n = layerNorm(sd, p + "layernorm_after", x, h);
            x = x.add(dense(sd, p + "output.dense", gelu(sd, dense(sd, p + "intermediate.dense", n, h, s.mlp())), s.mlp(), h));
        }
        x = layerNorm(sd, "layernorm", x, h);
        SDVariable clsOut = x.reshape(-1, tokens, h).get(SDIndex.all(), SDIndex.point(0), SDIndex.all()).reshape(-1, h);
        SDVariable out = sd.identity(OUTPUT, dense(sd, "classifier", clsOut, h, IceCnn.OUTPUTS));
        sd.loss().meanSquaredError(LOSS, label, out, null);
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(learningRate)).dataSetFeatureMapping(INPUT)
                .dataSetLabelMapping(LABEL).minimize(LOSS).build());
        return sd;
    }

    /** x · W + b with W (in, out) named {@code name.weight} and b named {@code name.bias}. */
    private static SDVariable dense(SameDiff sd, String name, SDVariable x, int in, int out) {
        return x.mmul(sd.var(name + ".weight", normal(in, out))).add(sd.var(name + ".bias", Nd4j.zeros(DataType.FLOAT, out)));
    }

    private static SDVariable layerNorm(SameDiff sd, String name, SDVariable x, int h) {
        return sd.nn().layerNorm(x, sd.var(name + ".weight", Nd4j.ones(DataType.FLOAT, h)), sd.var(name + ".bias", Nd4j.zeros(DataType.FLOAT, h)),
                false, 1);
    }

    /** (samples · tokens, hidden) → (samples, heads, tokens, head width). */
    private static SDVariable heads(SDVariable x, int tokens, int heads, int width) {
        return x.reshape(-1, tokens, heads, width).permute(0, 2, 1, 3);
    }

    /** GELU as PyTorch computes it by default: x · Φ(x) = x / 2 · (1 + erf(x / √2)). */
    private static SDVariable gelu(SameDiff sd, SDVariable x) {
        return x.mul(0.5).mul(sd.math().erf(x.mul(1 / Math.sqrt(2))).add(1.0));
    }

    private static INDArray normal(long... shape) {
        return Nd4j.randn(DataType.FLOAT, shape).muli(INIT_STD);
    }
}
