package org.iceising.data.download;

/**
 * Earthdata Login refused or lacked the credentials (no token and no {@code .netrc} entry, a {@code .netrc}
 * that cannot be read, a bad token or password, an application not yet approved). Its message never
 * contains the credentials.
 */
public final class EarthdataAuthException extends DownloadException {
    private static final long serialVersionUID = 1L;

    public EarthdataAuthException(String message) {
        super(message);
    }

    public EarthdataAuthException(String message, Throwable cause) {
        super(message, cause);
    }
}
