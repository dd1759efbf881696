package org.iceising.data.download;

/**
 * News of a try that failed and will be made again: what failed and why, which try comes next of how
 * many, and how long until it does (counting down; 0 once it is being made).
 *
 * @param what        the file or CMR page
 * @param problem     why the last try failed, one line
 * @param attempt     the try to come, counting from 1
 * @param maxAttempts the most tries made
 * @param secondsLeft whole seconds until that try (rounded up); 0 while it is being made
 */
public record Retry(String what, String problem, int attempt, int maxAttempts, long secondsLeft) {

    /** "attempt 2 of 5, waiting 4 s" or "attempt 2 of 5, trying now". */
    public String state() {
        return "attempt " + attempt + " of " + maxAttempts + (secondsLeft > 0 ? ", waiting " + secondsLeft + " s" : ", trying now");
    }

    /** "CMR search page 1: HTTP 503 from … — retrying: attempt 2 of 5, waiting 4 s". */
    public String describe() {
        return what + ": " + problem + " — retrying: " + state();
    }
}
