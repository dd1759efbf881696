package org.iceising.data.download;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void refusesSettingsOutOfRange() {
        TransferSettings d = TransferSettings.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withParallelism(0));
        assertThrows(IllegalArgumentException.class, () -> new TransferSettings(2001, 4, 5, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new TransferSettings(10, 4, 0, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new TransferSettings(10, 4, 3, Duration.ZERO,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }
}
