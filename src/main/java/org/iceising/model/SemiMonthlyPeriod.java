package org.iceising.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Half a month: from the 1st to the 16th of a month, or from the 16th to the 1st of the next
 * (MODEL.md §4).
 */
public record SemiMonthlyPeriod(LocalDate start) implements Comparable<SemiMonthlyPeriod> {

    /** The study's date separating melting from freezing periods. */
    public static final int FREEZE_MONTH = 9;
    public static final int FREEZE_DAY = 15;

    public SemiMonthlyPeriod {
        if (start == null) {
            throw new IllegalArgumentException("period start is missing");
        }
        if (start.getDayOfMonth() != 1 && start.getDayOfMonth() != 16) {
            throw new IllegalArgumentException("a semi-monthly period starts on the 1st or the 16th, not on " + start);
        }
    }

    /** The period that starts on or contains {@code date}. */
    public static SemiMonthlyPeriod containing(LocalDate date) {
        return new SemiMonthlyPeriod(date.withDayOfMonth(date.getDayOfMonth() >= 16 ? 16 : 1));
    }

    public LocalDate end() {
        return start.getDayOfMonth() == 1 ? start.withDayOfMonth(16) : start.plusMonths(1).withDayOfMonth(1);
    }

    public SemiMonthlyPeriod next() {
        return new SemiMonthlyPeriod(end());
    }

    public SemiMonthlyPeriod previous() {
        return start.getDayOfMonth() == 16 ? new SemiMonthlyPeriod(start.withDayOfMonth(1))
                : new SemiMonthlyPeriod(start.minusMonths(1).withDayOfMonth(16));
    }

    /** Number of days from start to end (15 for a 1st–16th period, 13 to 16 for a 16th–1st one). */
    public int days() {
        return (int) ChronoUnit.DAYS.between(start, end());
    }

    /** The study's regime: a period starting before 15 September melts, from then on it freezes. */
    public boolean isMelting() {
        return start.isBefore(LocalDate.of(start.getYear(), FREEZE_MONTH, FREEZE_DAY));
    }

    /**
     * Metropolis steps for a lattice with {@code activeCells} active cells: the study's 50,000 per
     * 3,600 cells scaled by the number of active cells (at least 1).
     */
    public static long stepsFor(int activeCells, long stepsPer3600) {
        return Math.max(1, Math.round(stepsPer3600 * (activeCells / 3600.0)));
    }

    /** The study's 50,000 steps per 60 × 60 period. */
    public static final long STUDY_STEPS = 50_000;

    /**
     * How {@code totalSteps} are split over the period's days: day d gets ⌊N/days⌋ steps, plus one
     * for the first N mod days days, so the chain is the same whether or not it is watched day by
     * day and the total is exactly N (the study's ⌊N/days⌋·days drops up to days−1 steps).
     */
    public long[] stepsPerDay(long totalSteps) {
        int d = days();
        long[] out = new long[d];
        long base = totalSteps / d;
        long rest = totalSteps % d;
        for (int k = 0; k < d; k++) {
            out[k] = base + (k < rest ? 1 : 0);
        }
        return out;
    }

    @Override
    public int compareTo(SemiMonthlyPeriod o) {
        return start.compareTo(o.start);
    }

    @Override
    public String toString() {
        return start + " → " + end();
    }
}
