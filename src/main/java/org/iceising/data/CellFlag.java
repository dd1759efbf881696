package org.iceising.data;

/**
 * What a grid cell holds (MODEL.md §1): a valid concentration or one of NSIDC's flags. Raw NASA Team
 * bytes 251..255 map to {@link #POLE_HOLE}, {@link #UNUSED}, {@link #COAST}, {@link #LAND} and
 * {@link #MISSING}; the other formats' flags map to the same names.
 */
public enum CellFlag {
    /** A measured concentration in [0, 1]. */
    VALID,
    /** The circle around the pole that the sensor never sees (byte 251); NSIDC counts it as ice for extent. */
    POLE_HOLE,
    /** Unused cell (byte 252; lakes in the CDR). */
    UNUSED,
    /** Coast (byte 253). */
    COAST,
    /** Land (byte 254). */
    LAND,
    /** No data that day (byte 255). */
    MISSING;

    /** The flag of a NASA Team / NSIDC-0081 / NSIDC-0051 / CDR flag byte 251..255. */
    static CellFlag ofFlagByte(int code) {
        return switch (code) {
            case 251 -> POLE_HOLE;
            case 252 -> UNUSED;
            case 253 -> COAST;
            case 254 -> LAND;
            case 255 -> MISSING;
            default -> throw new IllegalArgumentException("not a flag byte: " + code);
        };
    }
}
