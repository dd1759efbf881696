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

    /** Throws {@link CancelledException} if the work has been cancelled. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
