package org.iceising.data.download;

import java.net.URI;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One daily file CMR lists: its product, day, file name (checked: a plain NSIDC name, never a path),
 * the address to fetch it from, and the size and checksum CMR gives for it, when it gives them.
 */
public record Granule(NsidcProduct product, LocalDate date, String fileName, URI url, OptionalLong sizeBytes,
                      Optional<Checksum> checksum) {

    public Granule {
        if (product == null || date == null || fileName == null || url == null || sizeBytes == null
                || checksum == null) {
            throw new IllegalArgumentException("every part of a granule must be given");
        }
        if (!product.northDailyDate(fileName).equals(Optional.of(date))) {
            throw new IllegalArgumentException("'" + fileName + "' is not the " + product
                    + " northern daily file for " + date);
        }
        WebAddresses.requireAllowed(url, "the address of " + fileName);
    }
}
