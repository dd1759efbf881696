package org.iceising.data.download;

import java.time.Duration;

/**
 * How the downloader pages through CMR and moves files.
 *
 * @param cmrPageSize     granules per CMR page (CMR allows 1..2000)
 * @param parallelism     files fetched at the same time
 * @param maxAttempts     tries per file (and per CMR page) before giving up
 * @param initialBackoff  the wait after the first failed try; it doubles after each further one
 * @param connectTimeout  the longest wait for a connection
 * @param responseTimeout the longest wait for a response's status and headers
 * @param idleTimeout     the longest wait for the next bytes of a response body
 */
public record TransferSettings(int cmrPageSize, int parallelism, int maxAttempts, Duration initialBackoff,
                               Duration connectTimeout, Duration responseTimeout, Duration idleTimeout) {

    /** No backoff grows beyond this. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    public TransferSettings {
        if (cmrPageSize < 1 || cmrPageSize > 2000) {
            throw new IllegalArgumentException("CMR page size must be 1..2000, got " + cmrPageSize);
        }
        if (parallelism < 1 || parallelism > 16) {
            throw new IllegalArgumentException("parallel downloads must be 1..16, got " + parallelism);
        }
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("attempts must be 1..20, got " + maxAttempts);
        }
        requirePositive(initialBackoff, "initial backoff");
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(responseTimeout, "response timeout");
        requirePositive(idleTimeout, "idle timeout");
    }

    /** 2000 granules a page, 4 files at a time, 5 tries from 1 s backoff, 30 s connect, 60 s response and idle timeouts. */
    public static TransferSettings defaults() {
        return new TransferSettings(2000, 4, 5, Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    public TransferSettings withParallelism(int n) {
        return new TransferSettings(cmrPageSize, n, maxAttempts, initialBackoff, connectTimeout, responseTimeout,
                idleTimeout);
    }

    /** The wait before try {@code attempt + 1} after try {@code attempt} (1-based) failed. */
    Duration backoff(int attempt) {
        Duration d = initialBackoff;
        for (int i = 1; i < attempt && d.compareTo(MAX_BACKOFF) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(MAX_BACKOFF) < 0 ? d : MAX_BACKOFF;
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
    }
}
