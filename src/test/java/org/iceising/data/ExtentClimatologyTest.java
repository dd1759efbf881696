package org.iceising.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The Sea Ice Index by day of year on the real CSV. The reference values were computed apart from
 * this code with NumPy (numpy.interp across gaps of at most 5 days, numpy.percentile's default
 * linear quantiles) over 1981–2010.
 */
class ExtentClimatologyTest {
    private static final ExtentClimatology C = new ExtentClimatology(
            SeaIceIndex.load(SampleData.directory().resolve("extent").resolve("N_seaice_extent_daily_v3.0.csv")));

    @Test
    void quantilesAreLinearBetweenOrderStatistics() {
        double[] v = {1, 2, 3, 4};
        assertEquals(1.75, ExtentClimatology.quantile(v, 0.25), 1e-12);
        assertEquals(2.5, ExtentClimatology.quantile(v, 0.5), 1e-12);
        assertEquals(3.7, ExtentClimatology.quantile(v, 0.9), 1e-12);
        assertEquals(4, ExtentClimatology.quantile(new double[] {4}, 0.1), 1e-12);
    }

    @Test
    void referenceStatisticsMatchAnIndependentComputation() {
        ExtentClimatology.DayStatistics march = C.day(60);
        assertEquals(30, march.years());
        assertEquals(14.91, march.p10(), 1e-4);
        assertEquals(15.2225, march.p25(), 1e-4);
        assertEquals(15.556, march.median(), 1e-4);
        assertEquals(15.778, march.p75(), 1e-4);
        assertEquals(16.0642, march.p90(), 1e-4);
        ExtentClimatology.DayStatistics september = C.day(258);
        assertEquals(6.3455, september.median(), 1e-4);
        assertEquals(5.1647, september.p10(), 1e-4);
        assertEquals(7.25615, september.p90(), 1e-4);
        // 1 January 1988 lies in the index's 1987–88 gap: one reference year fewer
        assertEquals(29, C.day(1).years());
        assertEquals(13.823, C.day(1).median(), 1e-4);
    }

    @Test
    void yearsReadTheIndexAndBridgeOnlyShortGaps() {
        assertEquals(3.340, C.extent(2012, 260), 1e-9, "16 September 2012, the record low");
        assertEquals(3.408, C.extent(2012, 258), 1e-9, "14 September 2012");
        // 1985 has every other day: 2 January lies halfway between 1 and 3 January
        assertEquals(14.045, C.extent(1985, 2), 1e-9);
        assertTrue(Double.isNaN(C.extent(1987, 354)), "20 December 1987 lies in a six-week gap");
        assertTrue(Double.isNaN(C.extent(2018, 366)), "2018 has no day 366");
        assertTrue(C.day(366).years() >= 7, "leap days of the reference period");
        int[] years = C.years();
        assertEquals(1978, years[0]);
        assertEquals(2024, years[years.length - 1]);
    }
}
