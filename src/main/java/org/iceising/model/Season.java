package org.iceising.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A run of consecutive semi-monthly periods. */
public record Season(LocalDate start, LocalDate end) {

    public Season {
        new SemiMonthlyPeriod(start);
        new SemiMonthlyPeriod(end);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("season start " + start + " must be before its end " + end);
        }
    }

    /** The study's season of a year: 16 June to 1 January of the next year, 13 periods. */
    public static Season study(int year) {
        return new Season(LocalDate.of(year, 6, 16), LocalDate.of(year + 1, 1, 1));
    }

    public List<SemiMonthlyPeriod> periods() {
        List<SemiMonthlyPeriod> out = new ArrayList<>();
        for (SemiMonthlyPeriod p = new SemiMonthlyPeriod(start); p.start().isBefore(end); p = p.next()) {
            out.add(p);
        }
        return out;
    }

    /** The period boundaries: every period's start and the season's end. */
    public List<LocalDate> dates() {
        List<LocalDate> out = new ArrayList<>();
        for (SemiMonthlyPeriod p : periods()) {
            out.add(p.start());
        }
        out.add(end);
        return out;
    }
}
