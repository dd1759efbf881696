package org.iceising.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.iceising.model.ProgressMonitor;

/**
 * A progress bar on standard error, redrawn at most ten times a second; silent when standard
 * error is not a terminal so that logs and pipes stay clean. Ctrl-C ends the JVM as usual.
 */
final class ConsoleProgress implements ProgressMonitor {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final boolean interactive;
    private long lastDraw;
    private boolean drawn;

    ConsoleProgress(PrintStream err) {
        this.err = err;
        this.interactive = System.console() != null;
    }

    @Override
    public synchronized void progress(long done, long total, String message) {
        if (!interactive || total <= 0) {
            return;
        }
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        double f = Math.min(1, (double) done / total);
        int filled = (int) Math.round(f * WIDTH);
        err.print(String.format(Locale.ROOT, "\r[%s%s] %5.1f%% %s", "#".repeat(filled), " ".repeat(WIDTH - filled),
                100 * f, message == null ? "" : message));
        drawn = true;
    }

    /** Ends the bar's line, if one was drawn. */
    synchronized void finish() {
        if (drawn) {
            err.println();
            drawn = false;
        }
    }

    @Override
    public boolean isCancelled() {
        return Thread.currentThread().isInterrupted();
    }
}
