package org.iceising.learn;

/** A training-set file or folder that cannot be used: the message names the file and what is wrong. */
public final class TrainingSetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingSetException(String message) {
        super(message);
    }

    public TrainingSetException(String message, Throwable cause) {
        super(message, cause);
    }
}
