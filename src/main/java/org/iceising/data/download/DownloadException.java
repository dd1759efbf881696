package org.iceising.data.download;

/** A download that could not go on: CMR refused or failed, the destination is unusable, ... The message says what and where. */
public class DownloadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DownloadException(String message) {
        super(message);
    }

    public DownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
