package org.iceising.app.controls;

import java.util.Locale;
import javafx.util.StringConverter;

/** Short number text for labels, fields and notes: a dot for decimals whatever the locale, no trailing zeros. */
public final class Numbers {
    private Numbers() {
    }

    /** {@code v} rounded to at most {@code decimals} decimals: 2.5, −14.5, 0.07, 10, 0 (never "−0"). */
    public static String trim(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.indexOf('.') >= 0) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s.equals("-0") ? "0" : s;
    }

    /** For decimal fields: up to four decimals shown, a dot (and a typographic minus) read whatever the locale. */
    public static StringConverter<Number> decimal() {
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n == null ? "" : trim(n.doubleValue(), 4);
            }

            @Override
            public Number fromString(String s) {
                return Double.parseDouble(s.trim().replace('−', '-'));
            }
        };
    }

    /** For whole-number fields: digits, with underscores or thousands commas allowed in what is typed. */
    public static StringConverter<Number> integer() {
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n == null ? "" : Long.toString(n.longValue());
            }

            @Override
            public Number fromString(String s) {
                return Long.parseLong(s.trim().replace("_", "").replace(",", ""));
            }
        };
    }
}
