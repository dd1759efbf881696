package org.iceising.data;

import org.iceising.model.Measures;

/**
 * Arctic sea-ice extent of a whole grid as NSIDC's Sea Ice Index defines it: the area of the cells
 * with at least 15 % ice, plus the pole hole (counted as ice). Missing cells count as no ice.
 */
public final class ArcticExtent {
    private ArcticExtent() {
    }

    /** Extent in km². */
    public static double km2(SeaIceGrid grid, GridGeometry geometry) {
        return Measures.areaWeightedExtent(grid.concentrations(), geometry.areasKm2(), grid.mask(CellFlag.POLE_HOLE));
    }
}
