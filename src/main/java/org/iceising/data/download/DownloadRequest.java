package org.iceising.data.download;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What to fetch and from where: a product, an inclusive date range, the destination folder, the CMR
 * and Earthdata Login base addresses (NASA's by default; another for a mirror or a test server) and the
 * transfer settings. It holds no credentials, so it may be saved with the user's settings.
 *
 * @param product     NSIDC-0081 (near-real-time) or NSIDC-0051 (final)
 * @param from        first day, inclusive
 * @param to          last day, inclusive
 * @param destination the folder the files go to (created if missing)
 * @param cmrUrl      CMR base address, e.g. {@code https://cmr.earthdata.nasa.gov}
 * @param loginUrl    Earthdata Login base address, e.g. {@code https://urs.earthdata.nasa.gov}
 * @param transfer    paging, parallelism, retries and timeouts
 */
public record DownloadRequest(NsidcProduct product, LocalDate from, LocalDate to, Path destination, URI cmrUrl,
                              URI loginUrl, TransferSettings transfer) {

    /** NASA's Common Metadata Repository. */
    public static final URI DEFAULT_CMR_URL = URI.create("https://cmr.earthdata.nasa.gov");
    /** NASA's Earthdata Login. */
    public static final URI DEFAULT_LOGIN_URL = URI.create("https://urs.earthdata.nasa.gov");

    public DownloadRequest {
        if (product == null || from == null || to == null || destination == null || transfer == null) {
            throw new IllegalArgumentException("product, dates, destination and transfer settings must be given");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the date range ends (" + to + ") before it starts (" + from + ")");
        }
        WebAddresses.requireAllowed(cmrUrl, "the CMR address");
        WebAddresses.requireAllowed(loginUrl, "the Earthdata Login address");
    }

    /** A request against NASA's CMR and Earthdata Login with the default transfer settings. */
    public static DownloadRequest of(NsidcProduct product, LocalDate from, LocalDate to, Path destination) {
        return new DownloadRequest(product, from, to, destination, DEFAULT_CMR_URL, DEFAULT_LOGIN_URL,
                TransferSettings.defaults());
    }

    public DownloadRequest withCmrUrl(URI url) {
        return new DownloadRequest(product, from, to, destination, url, loginUrl, transfer);
    }

    public DownloadRequest withLoginUrl(URI url) {
        return new DownloadRequest(product, from, to, destination, cmrUrl, url, transfer);
    }

    public DownloadRequest withTransfer(TransferSettings settings) {
        return new DownloadRequest(product, from, to, destination, cmrUrl, loginUrl, settings);
    }
}
