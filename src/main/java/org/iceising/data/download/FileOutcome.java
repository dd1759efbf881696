package org.iceising.data.download;

import java.nio.file.Path;

/**
 * What became of one granule.
 *
 * @param granule  the granule
 * @param status   fetched, skipped (a valid copy was already there), failed or cancelled
 * @param file     where the file is (fetched, skipped) or would have been (failed, cancelled)
 * @param bytes    bytes fetched (0 unless fetched)
 * @param attempts tries made (0 for skipped or cancelled before the first try)
 * @param problem  why it failed, one sentence; empty unless failed
 */
public record FileOutcome(Granule granule, Status status, Path file, long bytes, int attempts, String problem) {

    /** What became of a granule. */
    public enum Status { FETCHED, SKIPPED, FAILED, CANCELLED }
}
