package org.iceising.data.download;

import java.util.List;

/**
 * Per-file news from {@link EarthdataDownloader#download}, beside the total progress it reports to its
 * {@link org.iceising.model.ProgressMonitor}. Every call is made on the thread that called {@code download}.
 */
public interface DownloadListener {

    /** A listener that ignores everything. */
    DownloadListener NONE = new DownloadListener() {
    };

    /** CMR listed these granules; each will be fetched, skipped, or fail. */
    default void found(List<Granule> granules) {
    }

    /** {@code bytes} of {@code granule} have arrived so far (of {@code expectedBytes}, or -1 if not known). */
    default void fileProgress(Granule granule, long bytes, long expectedBytes) {
    }

    /** A try of {@code granule} failed and it will be tried again ({@code retry} says when); called again as the wait counts down. */
    default void fileRetrying(Granule granule, Retry retry) {
    }

    /** {@code outcome.granule()} is done with. */
    default void fileFinished(FileOutcome outcome) {
    }
}
