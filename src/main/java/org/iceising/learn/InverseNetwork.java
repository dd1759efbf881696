package org.iceising.learn;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * One of the study's networks as the trainer, the model file and prediction see it, whatever its
 * Deeplearning4j form (a layer stack, a computation graph or a SameDiff graph). Features are always
 * NHWC (sample, row, column, channel; channels start w and end w, as {@link TrainingSetIterator}
 * serves them) and outputs the five standardised parameters.
 */
public interface InverseNetwork {

    /** Which of the study's networks this is. */
    Network network();

    /** One update on {@code batch}; returns its loss (MSE of the standardised targets, training mode). */
    double fit(DataSet batch);

    /** MSE of the standardised targets on {@code batch}, inference mode (no dropout, batch-norm running statistics). */
    double loss(DataSet batch);

    /** The standardised outputs (samples × 5) for NHWC features, inference mode. */
    INDArray output(INDArray features);

    /** Tells the network an epoch has ended (epoch-based learning-rate schedules step on it). */
    void endEpoch();

    /**
     * Parameters the optimiser trains. Batch-norm running means and variances are state, not
     * trainable parameters, and are not counted (Deeplearning4j's own count includes them).
     */
    long trainableParameters();

    /** A table of the layers (or variables), their shapes and parameter counts, ending with the trainable count. */
    String summary();

    /** Writes the network, weights and updater state, in its library's own format. */
    void write(OutputStream out) throws IOException;

    /**
     * The network's weights and batch-norm statistics by name (views: assigning to them changes the
     * network), for loading pretrained weights: "layer_param" for Deeplearning4j layers, the
     * variable name for SameDiff.
     */
    Map<String, INDArray> weights();
}
