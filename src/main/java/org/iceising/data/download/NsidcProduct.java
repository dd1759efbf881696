package org.iceising.data.download;

import org.iceising.data.GridFileName;
import org.iceising.data.GridProduct;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The NSIDC sea-ice concentration products the downloader fetches: their CMR collection (short name
 * and version) and the names of their daily northern 25 km netCDF-4 files.
 */
public enum NsidcProduct {

    /** Near-Real-Time DMSP SSMIS Daily Polar Gridded Sea Ice Concentrations, Version 2 (the study's data). */
    NSIDC_0081("NSIDC-0081", "2", GridProduct.NASA_TEAM_NRT_V2),
    /** Sea Ice Concentrations from Nimbus-7 SMMR and DMSP SSM/I-SSMIS Passive Microwave Data, Version 2 (final, 1978 on). */
    NSIDC_0051("NSIDC-0051", "2", GridProduct.NASA_TEAM_FINAL_V2);

    private final String shortName;
    private final String version;
    private final GridProduct gridProduct;

    NsidcProduct(String shortName, String version, GridProduct gridProduct) {
        this.shortName = shortName;
        this.version = version;
        this.gridProduct = gridProduct;
    }

    /** The CMR collection short name, e.g. {@code NSIDC-0081}. */
    public String shortName() {
        return shortName;
    }

    /** The CMR collection version, e.g. {@code 2}. */
    public String version() {
        return version;
    }

    /** The product as the data layer knows it (final or near-real-time, for {@code DataCatalogue}). */
    public GridProduct gridProduct() {
        return gridProduct;
    }

    /** The name on the command line: {@code nsidc-0081}, {@code nsidc-0051}. */
    public String cliName() {
        return shortName.toLowerCase(Locale.ROOT);
    }

    /** The product named {@code name} ({@code nsidc-0081}, {@code NSIDC-0051}, ...). */
    public static NsidcProduct fromName(String name) {
        for (NsidcProduct p : values()) {
            if (p.shortName.equalsIgnoreCase(name == null ? "" : name.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown product '" + name + "'; choose one of "
                + Arrays.stream(values()).map(NsidcProduct::cliName).collect(Collectors.joining(", ")));
    }

    /**
     * The date of a daily northern 25 km file of this product, e.g. 2023-01-30 for
     * {@code NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc}; empty for any other name (southern, monthly,
     * browse images, another product, anything with a path in it).
     */
    public Optional<LocalDate> northDailyDate(String fileName) {
        return GridFileName.parse(fileName).filter(n -> n.product() == gridProduct).map(GridFileName::date);
    }

    @Override
    public String toString() {
        return shortName + " v" + version;
    }
}
