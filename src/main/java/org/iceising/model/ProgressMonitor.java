package org.iceising.model;

/**
 * How long work reports progress and learns that it should stop. The workbench adapts it to a
 * JavaFX task, the command line to a console bar, tests to nothing.
 */
public interface ProgressMonitor {

    /** A monitor that ignores progress and never cancels. */
    ProgressMonitor NONE = new ProgressMonitor() {
        @Override
        public void progress(long done, long total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    void progress(long done, long total, String message);

    boolean isCancelled();

    /**
     * This monitor for a preparatory stage whose share of the whole is unknown: its messages pass
     * with an unknown total, so a bar does not jump to the stage's own fraction and back, and
     * cancelling is this monitor's.
     */
    default ProgressMonitor unmeasured() {
        ProgressMonitor outer = this;
        return new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
                outer.progress(-1, -1, message);
            }

            @Override
            public boolean isCancelled() {
                return outer.isCancelled();
            }
        };
    }

    /** Throws {@link CancelledException} if the work has been cancelled. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
