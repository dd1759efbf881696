package org.iceising.learn.report;

import java.util.Arrays;

/**
 * A piecewise-linear colour scale from numbers to opaque ARGB colours: colours are given at stops
 * (values in increasing order) and interpolated linearly in RGB between them; values outside the
 * range take the end colours. NaN has no colour of its own: callers colour masked cells by their
 * flag.
 *
 * <p>It is pure Java, so the command line's figures (PNG) and the workbench can share it. The three
 * scales follow Panoply's habits: a sequential ice scale, a
 * diverging scale symmetric about zero for signed differences, and a sequential scale starting at
 * white for absolute differences.
 */
public final class ColourScale {

    /** Ice concentration 0..1: deep blue open water → light blue → white ice. */
    public static final ColourScale ICE = new ColourScale("Ice concentration (fraction)",
            new double[] {0.0, 0.5, 1.0}, new int[] {0xFF08306B, 0xFF6BAED6, 0xFFFFFFFF}, 0, 1);

    /** Signed difference −1..1 (simulated − observed water fraction): blue, white at 0, red. */
    public static final ColourScale DIFFERENCE = new ColourScale("Simulated − observed water fraction",
            new double[] {-1.0, 0.0, 1.0}, new int[] {0xFF2166AC, 0xFFFFFFFF, 0xFFB2182B}, -1, 1);

    /** Absolute difference 0..1: white → orange-red → dark red (the study's Figure 5). */
    public static final ColourScale ABSOLUTE_DIFFERENCE = new ColourScale("|Simulated − observed| water fraction",
            new double[] {0.0, 0.5, 1.0}, new int[] {0xFFFFFFFF, 0xFFFB6A4A, 0xFF67000D}, 0, 1);

    /** A spin −1..1 of the classroom model: blue, white at 0, red. */
    public static final ColourScale SPIN = new ColourScale("Spin",
            new double[] {-1.0, 0.0, 1.0}, new int[] {0xFF2166AC, 0xFFFFFFFF, 0xFFB2182B}, -1, 1);

    private final String label;
    private final double[] stops;
    private final int[] colours;
    private final double min;
    private final double max;

    private ColourScale(String label, double[] stops, int[] colours, double min, double max) {
        if (stops.length < 2 || stops.length != colours.length) {
            throw new IllegalArgumentException("a colour scale needs at least two stops, one colour each");
        }
        for (int k = 1; k < stops.length; k++) {
            if (!(stops[k] > stops[k - 1])) {
                throw new IllegalArgumentException("colour stops must increase: " + Arrays.toString(stops));
            }
        }
        this.label = label;
        this.stops = stops.clone();
        this.colours = colours.clone();
        this.min = min;
        this.max = max;
    }

    /** A scale from {@code min} to {@code max} through {@code colours} at evenly spaced stops. */
    public static ColourScale evenly(String label, int[] colours, double min, double max) {
        double[] stops = new double[colours.length];
        for (int k = 0; k < stops.length; k++) {
            stops[k] = min + (max - min) * k / (stops.length - 1);
        }
        return new ColourScale(label, stops, colours, min, max);
    }

    /** What the scale shows, for the colour bar's caption. */
    public String label() {
        return label;
    }

    /** The lowest value of the colour bar. */
    public double min() {
        return min;
    }

    /** The highest value of the colour bar. */
    public double max() {
        return max;
    }

    /** The opaque ARGB colour of a finite value (clamped into the range). */
    public int argb(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("NaN has no colour on the " + label + " scale");
        }
        if (value <= stops[0]) {
            return colours[0];
        }
        int last = stops.length - 1;
        if (value >= stops[last]) {
            return colours[last];
        }
        int k = 1;
        while (value > stops[k]) {
            k++;
        }
        double t = (value - stops[k - 1]) / (stops[k] - stops[k - 1]);
        return mix(colours[k - 1], colours[k], t);
    }

    /** Linear interpolation of two opaque colours, each channel rounded to the nearest integer. */
    static int mix(int a, int b, double t) {
        int r = channel(a >> 16, b >> 16, t);
        int g = channel(a >> 8, b >> 8, t);
        int bl = channel(a, b, t);
        return 0xFF000000 | (r << 16) | (g << 8) | bl;
    }

    private static int channel(int a, int b, double t) {
        int x = a & 0xFF;
        int y = b & 0xFF;
        return (int) Math.round(x + (y - x) * t);
    }

    /** Evenly spaced tick values for the colour bar, ends included. */
    public double[] ticks(int count) {
        if (count < 2) {
            throw new IllegalArgumentException("a colour bar needs at least two ticks, got " + count);
        }
        double[] t = new double[count];
        for (int k = 0; k < count; k++) {
            t[k] = min + (max - min) * k / (count - 1);
        }
        return t;
    }
}
