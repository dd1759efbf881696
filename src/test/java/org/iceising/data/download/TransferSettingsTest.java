package org.iceising.data.download;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransferSettingsTest {

    @Test
    void backoffDoublesUpToItsCap() {
        TransferSettings s = TransferSettings.defaults();
        assertEquals(Duration.ofSeconds(1), s.backoff(1));
        assertEquals(Duration.ofSeconds(2), s.backoff(2));
        assertEquals(Duration.ofSeconds(8), s.backoff(4));
        assertEquals(TransferSettings.MAX_BACKOFF, s.backoff(7));
        assertEquals(TransferSettings.MAX_BACKOFF, s.backoff(19));
    }

    @Test
    void theJitteredBackoffSpreadsBetweenHalfAndAllOfTheBackoff() {
        TransferSettings s = TransferSettings.defaults();
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        for (int attempt = 1; attempt <= 8; attempt++) {
            Duration full = s.backoff(attempt);
            java.util.Set<Duration> seen = new java.util.HashSet<>();
            for (int k = 0; k < 200; k++) {
                Duration d = s.jitteredBackoff(attempt, r);
                assertTrue(d.compareTo(full.dividedBy(2)) >= 0 && d.compareTo(full) <= 0, attempt + ": " + d);
                seen.add(d);
            }
            assertTrue(seen.size() > 150, "the waits differ from one client to the next");
        }
    }

    @Test
    void readsRetryAfterAsSecondsOrAnHttpDate() {
        java.time.Instant now = java.time.Instant.parse("2026-01-05T10:00:00Z");
        assertEquals(java.util.Optional.of(Duration.ofSeconds(120)), RetryLaterException.parse("120", now));
        assertEquals(java.util.Optional.of(Duration.ofSeconds(90)),
                RetryLaterException.parse("Mon, 05 Jan 2026 10:01:30 GMT", now));
        assertEquals(java.util.Optional.of(Duration.ZERO), RetryLaterException.parse("Mon, 05 Jan 2026 09:00:00 GMT", now));
        assertEquals(java.util.Optional.empty(), RetryLaterException.parse("soon", now));
        assertEquals(java.util.Optional.empty(), RetryLaterException.parse("-5", now));
    }

    @Test
    void refusesSettingsOutOfRange() {
        TransferSettings d = TransferSettings.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withParallelism(0));
        assertThrows(IllegalArgumentException.class, () -> new TransferSettings(10, 4, 3, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO, 10, 1 << 20));
        assertThrows(IllegalArgumentException.class, () -> new TransferSettings(10, 4, 3, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 0, 1 << 20));
        assertThrows(IllegalArgumentException.class, () -> new TransferSettings(2001, 4, 5, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 10, 1 << 20));
        assertThrows(IllegalArgumentException.class, () -> new TransferSettings(10, 4, 0, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 10, 1 << 20));
        assertThrows(IllegalArgumentException.class, () -> new TransferSettings(10, 4, 3, Duration.ZERO,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 10, 1 << 20));
    }
}
