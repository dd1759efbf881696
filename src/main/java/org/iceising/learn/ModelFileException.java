package org.iceising.learn;

/** A model file that cannot be used: not an IceIsing model, or damaged. The message names the file. */
public final class ModelFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
