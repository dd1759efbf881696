package org.iceising.cli;

import java.util.Locale;
import org.iceising.learn.SeasonBounds;

/** The --boxes option: the reproduction's wide box or the study's melt and freeze boxes. */
final class BoxesOption {
    static final String DESCRIPTION = "wide (J 0..5, B0 -20..20, Bx and By -15..15, I 0..20 for every period) or study "
            + "(the study's melt and freeze boxes). Default: ${DEFAULT-VALUE}.";

    private BoxesOption() {
    }

    static SeasonBounds parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "wide" -> SeasonBounds.wide();
            case "study" -> SeasonBounds.study();
            default -> throw new IllegalArgumentException("--boxes must be wide or study, got '" + text + "'");
        };
    }
}
