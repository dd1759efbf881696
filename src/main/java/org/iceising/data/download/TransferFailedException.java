package org.iceising.data.download;

/** One file or CMR page could not be fetched, after {@link #attempts()} tries. */
final class TransferFailedException extends DownloadException {
    private static final long serialVersionUID = 1L;

    private final int attempts;

    TransferFailedException(String message, int attempts) {
        super(message);
        this.attempts = attempts;
    }

    int attempts() {
        return attempts;
    }
}
