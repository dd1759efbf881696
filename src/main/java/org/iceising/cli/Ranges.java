package org.iceising.cli;

import java.util.Locale;

/** Range checks of numeric options; a value outside is one line that gives the range. */
final class Ranges {
    /** Threads beyond any machine this runs on. */
    static final int MAX_THREADS = 1024;

    private Ranges() {
    }

    static int check(String option, int value, int min, int max) {
        return (int) check(option, (long) value, min, max);
    }

    static long check(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be from " + n(min) + " to " + n(max) + ", got " + n(value));
        }
        return value;
    }

    /** A number above 0 (the converters have refused NaN and the infinities already). */
    static double positive(String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(option + " must be a number above 0, got " + value);
        }
        return value;
    }

    /** A fraction strictly between 0 and 1. */
    static double fraction(String option, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(option + " must lie between 0 and 1 (both left out), got " + value);
        }
        return value;
    }

    /** 46,341 and 100,000,000 with separators, years such as 2018 without. */
    private static String n(long v) {
        return String.format(Locale.ROOT, Math.abs(v) < 10_000 ? "%d" : "%,d", v);
    }
}
