package org.iceising.app.colours;

/**
 * The workbench's colour tables: evenly spaced colours from the low end to the high end.
 * Sequential tables are for quantities such as concentration, diverging ones (white in the middle)
 * for signed differences, drawn symmetric about zero. Viridis and cividis (matplotlib), and the
 * ColorBrewer RdBu and PuOr tables, read the same to the common forms of colour blindness.
 */
public enum ColourTable {
    ICE("Ice (blues)", false, false, 0xFF08306B, 0xFF6BAED6, 0xFFFFFFFF),
    VIRIDIS("Viridis", false, true, 0xFF440154, 0xFF414487, 0xFF2A788E, 0xFF22A884, 0xFF7AD151, 0xFFFDE725),
    CIVIDIS("Cividis", false, true, 0xFF00204D, 0xFF31446B, 0xFF666970, 0xFF958F78, 0xFFCBBA69, 0xFFFFEA46),
    GREYS("Greys", false, true, 0xFF000000, 0xFFFFFFFF),
    REDS("Reds (white to dark red)", false, false, 0xFFFFFFFF, 0xFFFB6A4A, 0xFF67000D),
    RED_BLUE("Blue–white–red (RdBu)", true, true, 0xFF2166AC, 0xFF67A9CF, 0xFFF7F7F7, 0xFFEF8A62, 0xFFB2182B),
    PURPLE_ORANGE("Purple–white–orange (PuOr)", true, true, 0xFF542788, 0xFF998EC3, 0xFFF7F7F7, 0xFFF1A340, 0xFFB35806);

    private final String label;
    private final boolean diverging;
    private final boolean colourBlindSafe;
    private final int[] colours;

    ColourTable(String label, boolean diverging, boolean colourBlindSafe, int... colours) {
        this.label = label;
        this.diverging = diverging;
        this.colourBlindSafe = colourBlindSafe;
        this.colours = colours;
    }

    /** True for tables with a neutral middle, meant for values either side of zero. */
    public boolean diverging() {
        return diverging;
    }

    public boolean colourBlindSafe() {
        return colourBlindSafe;
    }

    /** The colours from low to high (a copy), reversed if {@code inverted}. */
    public int[] colours(boolean inverted) {
        int[] c = colours.clone();
        if (inverted) {
            for (int i = 0, j = c.length - 1; i < j; i++, j--) {
                int t = c[i];
                c[i] = c[j];
                c[j] = t;
            }
        }
        return c;
    }

    @Override
    public String toString() {
        return label + (colourBlindSafe ? " · colour-blind safe" : "");
    }
}
