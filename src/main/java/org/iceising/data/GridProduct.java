package org.iceising.data;

/**
 * The NSIDC products a grid can come from. NASA Team products (the study's) rank above the CDR and
 * Bootstrap extras; within NASA Team, final (NSIDC-0051) and near-real-time (NSIDC-0081) versions of
 * the same day are chosen by {@link DataCatalogue.Preference}.
 */
public enum GridProduct {
    /** NSIDC-0051 version 2 netCDF-4, final. */
    NASA_TEAM_FINAL_V2("NSIDC-0051 v2", true, true),
    /** NSIDC-0051 version 1 binary ({@code v1.1} or {@code v01}), final. */
    NASA_TEAM_FINAL_V1("NSIDC-0051 v1", true, true),
    /** NSIDC-0081 version 2 netCDF-4, near-real-time. */
    NASA_TEAM_NRT_V2("NSIDC-0081 v2", true, false),
    /** NSIDC-0081 version 1 binary ({@code nrt}), near-real-time. */
    NASA_TEAM_NRT_V1("NSIDC-0081 v1", true, false),
    /** NOAA/NSIDC Climate Data Record G02202 netCDF-4. */
    CDR("G02202 CDR", false, true),
    /** NSIDC-0079 Bootstrap binary. */
    BOOTSTRAP("NSIDC-0079 Bootstrap", false, true);

    private final String label;
    private final boolean nasaTeam;
    private final boolean finalProduct;

    GridProduct(String label, boolean nasaTeam, boolean finalProduct) {
        this.label = label;
        this.nasaTeam = nasaTeam;
        this.finalProduct = finalProduct;
    }

    /** The product's name as NSIDC writes it, e.g. "NSIDC-0081 v1". */
    public String label() {
        return label;
    }

    /** True for the NASA Team products the study used. */
    public boolean nasaTeam() {
        return nasaTeam;
    }

    /** True for final (reprocessed) products, false for near-real-time ones. */
    public boolean finalProduct() {
        return finalProduct;
    }

    @Override
    public String toString() {
        return label;
    }
}
