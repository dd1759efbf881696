package org.iceising.model;

/** Thrown by long work that stopped because its {@link ProgressMonitor} was cancelled. */
public final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("cancelled");
    }
}
