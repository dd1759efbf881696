package org.iceising.data.download;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How the downloader pages through CMR and moves files.
 *
 * @param cmrPageSize     granules per CMR page (CMR allows 1..2000)
 * @param parallelism     files fetched at the same time
 * @param maxAttempts     tries per file (and per CMR page) before giving up
 * @param initialBackoff  the wait after the first failed try; it doubles after each further one (with jitter)
 * @param connectTimeout  the longest wait for a connection
 * @param responseTimeout the longest wait for a response's status and headers
 * @param idleTimeout     the longest wait for the next bytes of a response body
 * @param deadline        the longest time for one file or one CMR page, all tries and waits together
 * @param maxCmrPages     the most CMR pages one search reads
 * @param maxCmrPageBytes the most bytes one CMR page may hold
 */
public record TransferSettings(int cmrPageSize, int parallelism, int maxAttempts, Duration initialBackoff,
                               Duration connectTimeout, Duration responseTimeout, Duration idleTimeout,
                               Duration deadline, int maxCmrPages, long maxCmrPageBytes) {

    /** The most files fetched at the same time. */
    public static final int MAX_PARALLELISM = 16;
    /** No backoff grows beyond this. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    /** A server that asks to come back later than this is not waited for: the file fails with its answer. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    public TransferSettings {
        if (cmrPageSize < 1 || cmrPageSize > 2000) {
            throw new IllegalArgumentException("CMR page size must be 1..2000, got " + cmrPageSize);
        }
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallel downloads must be 1.." + MAX_PARALLELISM + ", got " + parallelism);
        }
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("attempts must be 1..20, got " + maxAttempts);
        }
        requirePositive(initialBackoff, "initial backoff");
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(responseTimeout, "response timeout");
        requirePositive(idleTimeout, "idle timeout");
        requirePositive(deadline, "deadline");
        if (maxCmrPages < 1 || maxCmrPages > 10_000) {
            throw new IllegalArgumentException("CMR pages must be 1..10000, got " + maxCmrPages);
        }
        if (maxCmrPageBytes < 1024 || maxCmrPageBytes > (1L << 30)) {
            throw new IllegalArgumentException("CMR page bytes must be 1 KiB..1 GiB, got " + maxCmrPageBytes);
        }
    }

    /**
     * 2000 granules a page, 4 files at a time, 5 tries from 1 s backoff, 30 s connect and response
     * timeouts, 20 s without a byte, 15 minutes per file, at most 200 CMR pages of 64 MiB each.
     */
    public static TransferSettings defaults() {
        return new TransferSettings(2000, 4, 5, Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofMinutes(15), 200, 64L << 20);
    }

    public TransferSettings withParallelism(int n) {
        return new TransferSettings(cmrPageSize, n, maxAttempts, initialBackoff, connectTimeout, responseTimeout,
                idleTimeout, deadline, maxCmrPages, maxCmrPageBytes);
    }

    /** The longest wait before try {@code attempt + 1} after try {@code attempt} (1-based) failed. */
    Duration backoff(int attempt) {
        Duration d = initialBackoff;
        for (int i = 1; i < attempt && d.compareTo(MAX_BACKOFF) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(MAX_BACKOFF) < 0 ? d : MAX_BACKOFF;
    }

    /**
     * The wait before try {@code attempt + 1}: drawn evenly between half of {@link #backoff} and all of
     * it, so that clients failing together do not come back together.
     */
    Duration jitteredBackoff(int attempt, RandomGenerator random) {
        long full = backoff(attempt).toNanos();
        return Duration.ofNanos(full / 2 + random.nextLong(full / 2 + 1));
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
    }
}
