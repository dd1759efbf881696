package org.iceising.spark;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.iceising.cli.AreaOption;
import org.iceising.data.FocusArea;
import org.iceising.model.Season;
import org.iceising.model.SemiMonthlyPeriod;

/**
 * One unit of work of a job: a period of a study season in an area (the {@code --area} text,
 * as the local commands read it).
 */
record PeriodTask(int year, String area, LocalDate start) implements Serializable {

    Season season() {
        return Season.study(year);
    }

    SemiMonthlyPeriod period() {
        return new SemiMonthlyPeriod(start);
    }

    FocusArea focusArea() {
        return AreaOption.parse(area).area();
    }

    /** The folder of this season and area in a job's output: "2018-focus", "2018-180-80-60-60". */
    String folder() {
        return folder(year, area);
    }

    static String folder(int year, String area) {
        return year + "-" + area.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** Both ends of the period, the grids a fit or an evaluation reads. */
    List<LocalDate> ends() {
        return List.of(start, period().end());
    }
}
