package org.iceising.learn;

import org.iceising.model.SemiMonthlyPeriod;

/**
 * The parameter boxes of a season: one for melting periods and one for freezing periods, chosen by
 * {@link SemiMonthlyPeriod#isMelting()} (MODEL.md §6).
 */
public record SeasonBounds(ParameterBounds melt, ParameterBounds freeze) {

    public SeasonBounds {
        if (melt == null || freeze == null) {
            throw new IllegalArgumentException("both the melting and the freezing bounds must be given");
        }
    }

    /** The study's boxes. */
    public static SeasonBounds study() {
        return new SeasonBounds(ParameterBounds.studyMelt(), ParameterBounds.studyFreeze());
    }

    /** The wide box for every period (ParameterBounds#wide). */
    public static SeasonBounds wide() {
        return new SeasonBounds(ParameterBounds.wide(), ParameterBounds.wide());
    }

    public ParameterBounds forPeriod(SemiMonthlyPeriod period) {
        return period.isMelting() ? melt : freeze;
    }
}
