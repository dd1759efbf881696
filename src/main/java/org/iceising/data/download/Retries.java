package org.iceising.data.download;

import org.iceising.model.CancelledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Bounded retries with jittered exponential backoff, all within one deadline. An {@link IOException}
 * from a try (network trouble, a 5xx answer, a short or corrupt body) is worth another try; a
 * {@link DownloadException} is not. A server that says when to come back ({@link RetryLaterException})
 * is waited for, unless it asks for more than {@link TransferSettings#MAX_RETRY_AFTER} or the deadline.
 */
final class Retries {

    private static final Logger LOG = LoggerFactory.getLogger(Retries.class);

    /** One try; {@code attempt} counts from 1; {@code deadline} ({@link System#nanoTime()}) ends all tries. */
    interface Attempt<T> {
        T run(int attempt, long deadline) throws IOException;
    }

    /** The value of the try that worked, and how many tries it took. */
    record Done<T>(T value, int attempts) {
    }

    private Retries() {
    }

    /**
     * Runs {@code attempt} until it succeeds, at most {@code settings.maxAttempts()} times.
     *
     * @throws TransferFailedException   when a try fails for good or every try failed; the message names {@code what}
     * @throws EarthdataAuthException    at once, when credentials are missing or refused
     * @throws CancelledException        at once, when cancelled
     */
    static <T> Done<T> run(TransferSettings settings, CancelSignal cancel, String what, Attempt<T> attempt) {
        return run(settings, cancel, what, attempt, retry -> { });
    }

    /**
     * As {@link #run(TransferSettings, CancelSignal, String, Attempt)}, telling {@code waiting} (on this
     * thread) of every wait before another try, once a second as it counts down, and once more as that
     * try starts.
     */
    static <T> Done<T> run(TransferSettings settings, CancelSignal cancel, String what, Attempt<T> attempt,
                           Consumer<Retry> waiting) {
        long deadline = System.nanoTime() + settings.deadline().toNanos();
        for (int k = 1; ; k++) {
            cancel.check();
            try {
                return new Done<>(attempt.run(k, deadline), k);
            } catch (EarthdataAuthException | TransferFailedException e) {
                throw e;
            } catch (DownloadException e) {
                throw new TransferFailedException(what + ": " + e.getMessage(), k);
            } catch (IOException e) {
                String problem = describe(e);
                if (k >= settings.maxAttempts()) {
                    throw new TransferFailedException(what + ": " + problem + " (gave up after " + k
                            + (k == 1 ? " try)" : " tries)"), k);
                }
                Duration wait = settings.jitteredBackoff(k, ThreadLocalRandom.current());
                if (e instanceof RetryLaterException later) {
                    if (later.after().compareTo(TransferSettings.MAX_RETRY_AFTER) > 0) {
                        throw new TransferFailedException(what + ": " + problem + "; try again later", k);
                    }
                    wait = later.after().compareTo(wait) > 0 ? later.after() : wait;
                }
                if (System.nanoTime() + wait.toNanos() - deadline > 0) {
                    throw new TransferFailedException(what + ": " + problem + " (gave up after " + k
                            + (k == 1 ? " try" : " tries") + ": the " + settings.deadline().toSeconds()
                            + " s allowed are spent)", k);
                }
                LOG.warn("{}: {}; try {} of {} in {} ms", what, problem, k + 1, settings.maxAttempts(), wait.toMillis());
                long end = System.nanoTime() + wait.toNanos();
                for (long left; (left = end - System.nanoTime()) > 0; ) {
                    waiting.accept(new Retry(what, problem, k + 1, settings.maxAttempts(), (left + 999_999_999L) / 1_000_000_000L));
                    if (cancel.sleep(Duration.ofNanos(Math.min(left, 1_000_000_000L)))) {
                        throw new CancelledException();
                    }
                }
                waiting.accept(new Retry(what, problem, k + 1, settings.maxAttempts(), 0));
            }
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof HttpTimeoutException) {
            return "timed out (" + m + ")";
        }
        if (e instanceof ConnectException) {
            return "could not connect (" + m + ")";
        }
        return m;
    }
}
