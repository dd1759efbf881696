package org.iceising.model;

import java.util.Locale;
import org.iceising.app.controls.Figure;

/**
 * The five parameters of the study's Ising model (MODEL.md §2–§3).
 *
 * @param j       nearest-neighbour coupling J
 * @param b0      external field at the centre of the lattice
 * @param bx      field gradient across rows, in normalised coordinates (x/(NX−1) − ½)
 * @param by      field gradient across columns, in normalised coordinates (y/(NY−1) − ½)
 * @param inertia inertia I: energy cost per unit of spin change, I·|s′ − s|
 */
public record IsingParams(double j, double b0, double bx, double by, double inertia) {

    /** Names in the order used by files, the command line and the networks' outputs. */
    public static final String[] NAMES = {"J", "B0", "Bx", "By", "I"};

    public IsingParams {
        double[] all = {j, b0, bx, by, inertia};
        for (int k = 0; k < all.length; k++) {
            if (!Double.isFinite(all[k])) {
                throw new IllegalArgumentException("parameter " + NAMES[k] + " must be a finite number, got " + all[k]);
            }
        }
        if (inertia < 0) {
            throw new IllegalArgumentException("inertia I must be >= 0, got " + inertia);
        }
    }

    /** A melting example in the middle of the study's melt bounds (MODEL.md §6); not a fitted value. */
    public static IsingParams studyMelt() {
        return new IsingParams(2.5, 5.5, -5.0, 0.0, 10.0);
    }

    /** The study's freezing example: its Figure 5 training pair, 16 Sep → 1 Oct 2022. */
    public static IsingParams studyFreeze() {
        return new IsingParams(2.31, -14.5, -6.15, 0.07, 9.93);
    }

    /** Parses "J,B0,Bx,By,I". */
    public static IsingParams parse(String text) {
        String[] parts = text.trim().split("\\s*,\\s*");
        if (parts.length != 5) {
            throw new IllegalArgumentException("expected 5 comma-separated numbers J,B0,Bx,By,I but got " + parts.length + ": '" + text + "'");
        }
        double[] v = new double[5];
        for (int k = 0; k < 5; k++) {
            try {
                v[k] = Double.parseDouble(parts[k]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("parameter " + NAMES[k] + " is not a number: '" + parts[k] + "'");
            }
        }
        return fromArray(v);
    }

    public static IsingParams fromArray(double[] v) {
        if (v.length != 5) {
            throw new IllegalArgumentException("expected 5 parameters, got " + v.length);
        }
        return new IsingParams(v[0], v[1], v[2], v[3], v[4]);
    }

    public double[] toArray() {
        return new double[] {j, b0, bx, by, inertia};
    }

    public IsingParams withJ(double v) { return new IsingParams(v, b0, bx, by, inertia); }
    public IsingParams withB0(double v) { return new IsingParams(j, v, bx, by, inertia); }
    public IsingParams withBx(double v) { return new IsingParams(j, b0, v, by, inertia); }
    public IsingParams withBy(double v) { return new IsingParams(j, b0, bx, v, inertia); }
    public IsingParams withInertia(double v) { return new IsingParams(j, b0, bx, by, v); }

    /** "J,B0,Bx,By,I" as accepted by {@link #parse(String)}. */
    public String toCsv() {
        return String.format(Locale.ROOT, "%s,%s,%s,%s,%s", j, b0, bx, by, inertia);
    }
}
