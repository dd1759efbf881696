package org.iceising.data.download;

/** CMR lists no file of the requested product in the requested date range. */
public final class NoGranulesException extends DownloadException {
    private static final long serialVersionUID = 1L;

    public NoGranulesException(String message) {
        super(message);
    }
}
