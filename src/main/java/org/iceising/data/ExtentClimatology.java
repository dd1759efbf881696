package org.iceising.data;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;

/**
 * The Sea Ice Index by day of year, the way NSIDC's Charctic shows it: each year's daily extent,
 * and over a reference period (1981–2010) the median with the interquartile (25–75 %) and
 * interdecile (10–90 %) ranges for each day of year. Days the index skipped (every other day
 * before August 1987) are filled by linear interpolation between the neighbouring days when the
 * gap is at most {@link #MAX_GAP_DAYS} long; longer gaps (December 1987 – January 1988) stay empty.
 */
public final class ExtentClimatology {
    /** The reference period NSIDC uses for its median. */
    public static final int REFERENCE_FROM = 1981;
    public static final int REFERENCE_TO = 2010;
    /** The longest gap between index days that is bridged by interpolation. */
    public static final int MAX_GAP_DAYS = 5;

    /**
     * The reference period's statistics on one day of year.
     *
     * @param dayOfYear 1..366
     * @param years     how many reference years have a value that day
     */
    public record DayStatistics(int dayOfYear, double p10, double p25, double median, double p75, double p90, int years) {
    }

    private final SeaIceIndex index;
    private final DayStatistics[] days = new DayStatistics[366];

    public ExtentClimatology(SeaIceIndex index) {
        this.index = index;
        double[][] byDay = new double[366][];
        int from = Math.max(REFERENCE_FROM, index.extentsMillionKm2().firstKey().getYear());
        for (int d = 1; d <= 366; d++) {
            double[] values = new double[REFERENCE_TO - REFERENCE_FROM + 1];
            int n = 0;
            for (int y = from; y <= REFERENCE_TO; y++) {
                double v = extent(y, d);
                if (!Double.isNaN(v)) {
                    values[n++] = v;
                }
            }
            byDay[d - 1] = Arrays.copyOf(values, n);
        }
        for (int d = 1; d <= 366; d++) {
            double[] v = byDay[d - 1];
            Arrays.sort(v);
            days[d - 1] = v.length == 0 ? null
                    : new DayStatistics(d, quantile(v, 0.10), quantile(v, 0.25), quantile(v, 0.5), quantile(v, 0.75), quantile(v, 0.90), v.length);
        }
    }

    /** The index this climatology was computed from. */
    public SeaIceIndex index() {
        return index;
    }

    /** The reference statistics of a day of year (1..366), or null when no reference year has it. */
    public DayStatistics day(int dayOfYear) {
        if (dayOfYear < 1 || dayOfYear > 366) {
            throw new IllegalArgumentException("day of year must be 1..366, got " + dayOfYear);
        }
        return days[dayOfYear - 1];
    }

    /**
     * A year's extent in million km² on a day of year (1..366), interpolated across short gaps, or
     * NaN where the index has no value (or the year has no such day).
     */
    public double extent(int year, int dayOfYear) {
        if (dayOfYear > LocalDate.of(year, 1, 1).lengthOfYear()) {
            return Double.NaN;
        }
        LocalDate date = LocalDate.ofYearDay(year, dayOfYear);
        NavigableMap<LocalDate, Double> all = index.extentsMillionKm2();
        Double exact = all.get(date);
        if (exact != null) {
            return exact;
        }
        Map.Entry<LocalDate, Double> before = all.lowerEntry(date);
        Map.Entry<LocalDate, Double> after = all.higherEntry(date);
        if (before == null || after == null) {
            return Double.NaN;
        }
        long gap = after.getKey().toEpochDay() - before.getKey().toEpochDay();
        if (gap > MAX_GAP_DAYS) {
            return Double.NaN;
        }
        double t = (double) (date.toEpochDay() - before.getKey().toEpochDay()) / gap;
        return before.getValue() + t * (after.getValue() - before.getValue());
    }

    /** The years the index has at least one day of. */
    public int[] years() {
        return index.extentsMillionKm2().keySet().stream().mapToInt(LocalDate::getYear).distinct().toArray();
    }

    /** The q-quantile of sorted values, linear between order statistics (Hyndman and Fan's type 7, as R and NumPy default to). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
