package org.iceising.data;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Sorted days summarised as runs of consecutive days ("missing: 2018-06-17 .. 2018-06-30, 2018-07-02"). */
public final class DateRuns {
    /** Consecutive days from {@code first} to {@code last}, both included. */
    public record Run(LocalDate first, LocalDate last) {
        public long days() {
            return ChronoUnit.DAYS.between(first, last) + 1;
        }
    }

    private DateRuns() {
    }

    /** The runs of {@code days}, which must be sorted and distinct. */
    public static List<Run> of(List<LocalDate> days) {
        List<Run> out = new ArrayList<>();
        int i = 0;
        while (i < days.size()) {
            int j = i;
            while (j + 1 < days.size() && days.get(j + 1).equals(days.get(j).plusDays(1))) {
                j++;
            }
            out.add(new Run(days.get(i), days.get(j)));
            i = j + 1;
        }
        return out;
    }
}
