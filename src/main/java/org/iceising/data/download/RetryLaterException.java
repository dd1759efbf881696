package org.iceising.data.download;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** A busy server's answer (HTTP 429 or 503) that says when to come back ({@code Retry-After}). */
final class RetryLaterException extends IOException {
    private static final long serialVersionUID = 1L;

    private final Duration after;

    private RetryLaterException(String problem, Duration after) {
        super(problem);
        this.after = after;
    }

    /** How long the server asked to wait. */
    Duration after() {
        return after;
    }

    /**
     * The exception for an answer that is worth another try: one carrying the server's wait if its
     * {@code Retry-After} (seconds, or an HTTP date) can be read, else a plain {@link IOException}.
     */
    static IOException of(String problem, HttpHeaders headers, Instant now) {
        Optional<Duration> wait = headers.firstValue("Retry-After").flatMap(v -> parse(v.strip(), now));
        return wait.<IOException>map(w -> new RetryLaterException(problem + " (asks to come back in " + w.toSeconds()
                + " s)", w)).orElseGet(() -> new IOException(problem));
    }

    static Optional<Duration> parse(String value, Instant now) {
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
