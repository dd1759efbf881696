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

    /**
     * Why a number field shows other than what was typed: "J: “1e9” is outside the range 0 … 5; 5 is used".
     *
     * @param name   the quantity, or "" where the field's label says it
     * @param parsed the number read from the text, or null if the text is not a number
     * @param inUse  the value in use, as shown
     * @param range  the values allowed, in words, or null
     */
    public static String adjusted(String name, String typed, Number parsed, String inUse, String range) {
        String what = (name.isEmpty() ? "" : name + ": ") + "\u201c" + typed.strip() + "\u201d";
        if (parsed == null) {
            return what + " is not a number; " + inUse + " is kept";
        }
        return what + " is outside the range" + (range == null ? "" : " " + range) + "; " + inUse + " is used";
    }
}
