package org.iceising.data.download;

import org.iceising.model.CancelledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

/**
 * Bounded retries with exponential backoff. An {@link IOException} from a try (network trouble, a 5xx
 * answer, a short or corrupt body) is worth another try; a {@link DownloadException} is not.
 */
final class Retries {

    private static final Logger LOG = LoggerFactory.getLogger(Retries.class);

    /** One try; {@code attempt} counts from 1. */
    interface Attempt<T> {
        T run(int attempt) throws IOException;
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
        for (int k = 1; ; k++) {
            cancel.check();
            try {
                return new Done<>(attempt.run(k), k);
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
                LOG.warn("{}: {}; try {} of {} in {} ms", what, problem, k + 1, settings.maxAttempts(),
                        settings.backoff(k).toMillis());
                if (cancel.sleep(settings.backoff(k))) {
                    throw new CancelledException();
                }
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
