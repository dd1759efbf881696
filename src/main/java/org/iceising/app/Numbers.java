package org.iceising.app;

import java.util.Locale;

/** Short number text for labels, fields and notes: a dot for decimals whatever the locale, no trailing zeros. */
final class Numbers {
    private Numbers() {
    }

    /** {@code v} rounded to at most {@code decimals} decimals: 2.5, −14.5, 0.07, 10, 0 (never "−0"). */
    static String trim(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.indexOf('.') >= 0) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s.equals("-0") ? "0" : s;
    }
}
