package org.iceising.cli;

import org.iceising.data.FocusArea;
import org.iceising.data.SeaIceGrid;

/**
 * The --area option: the study's focus area, the whole Arctic grid, or a rectangle. Public because
 * the Spark jobs take the same option.
 */
public record AreaOption(FocusArea area, boolean arctic) {
    public static final String DESCRIPTION = "focus (rows 180-239, cols 80-139, the study's), arctic (the whole "
            + "448 x 304 grid) or R0,C0,ROWS,COLS (0-based). Default: ${DEFAULT-VALUE}.";

    public static AreaOption parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("arctic")) {
            return new AreaOption(new FocusArea(0, 0, SeaIceGrid.ROWS, SeaIceGrid.COLS), true);
        }
        return new AreaOption(Converters.named("--area", () -> FocusArea.parse(t)), false);
    }
}
