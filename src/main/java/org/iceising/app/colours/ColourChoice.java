package org.iceising.app.colours;

import org.iceising.learn.report.ColourScale;

/**
 * How one kind of quantity is coloured: a table, inverted or not, over a fixed range or over the
 * range of the data shown (for a diverging table, symmetric about zero: ±max |v|).
 *
 * @param dataRange true to stretch the table over the data; else {@code min}..{@code max}
 */
public record ColourChoice(ColourTable table, boolean inverted, boolean dataRange, double min, double max) {
    public ColourChoice {
        if (table == null) {
            throw new IllegalArgumentException("a colour choice needs a table");
        }
        if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("the colour range needs a minimum below its maximum, got " + min + " and " + max);
        }
    }

    /** The scale for {@code values} (NaN = masked, ignored), with {@code label} under its colour bar. */
    public ColourScale scale(String label, double[] values) {
        double lo = min;
        double hi = max;
        if (dataRange && values != null) {
            double dataMin = Double.POSITIVE_INFINITY;
            double dataMax = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                if (!Double.isNaN(v)) {
                    dataMin = Math.min(dataMin, v);
                    dataMax = Math.max(dataMax, v);
                }
            }
            if (table.diverging()) {
                double m = Math.max(Math.abs(dataMin), Math.abs(dataMax));
                dataMin = -m;
                dataMax = m;
            }
            if (dataMin < dataMax && Double.isFinite(dataMin) && Double.isFinite(dataMax)) {
                lo = dataMin;
                hi = dataMax;
            }
        }
        return ColourScale.evenly(label, table.colours(inverted), lo, hi);
    }

    public ColourChoice withTable(ColourTable t) {
        return new ColourChoice(t, inverted, dataRange, min, max);
    }

    public ColourChoice withInverted(boolean i) {
        return new ColourChoice(table, i, dataRange, min, max);
    }

    public ColourChoice withDataRange(boolean d) {
        return new ColourChoice(table, inverted, d, min, max);
    }

    public ColourChoice withRange(double lo, double hi) {
        return new ColourChoice(table, inverted, dataRange, lo, hi);
    }
}
