package org.iceising.learn;

import org.iceising.model.Lattice;

/**
 * How a (start, end) pair becomes the network's input: two channels per cell, start w and end w
 * (0 on masked cells), interleaved in NHWC order — sample, row, column, channel.
 */
final class Inputs {
    private Inputs() {
    }

    /** w of every cell, row-major, 0 on masked cells. */
    static float[] water(Lattice l) {
        float[] w = new float[l.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = l.isActive(i) ? (float) l.water(i) : 0f;
        }
        return w;
    }

    /** w of every cell from a stored end state (round(1000·w) per cell), 0 on masked cells. */
    static float[] water(short[] quantised, Lattice start) {
        float[] w = new float[quantised.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = start.isActive(i) ? quantised[i] / (float) TrainingSetFile.QUANTUM : 0f;
        }
        return w;
    }

    /** Writes sample {@code sample}'s two channels into an NHWC feature buffer. */
    static void put(float[] features, int sample, float[] startW, float[] endW) {
        int base = sample * startW.length * IceCnn.CHANNELS;
        for (int i = 0; i < startW.length; i++) {
            features[base + 2 * i] = startW[i];
            features[base + 2 * i + 1] = endW[i];
        }
    }
}
