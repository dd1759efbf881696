package org.iceising.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.iceising.model.ProgressMonitor;

/**
 * A progress bar on standard error, redrawn at most ten times a second; when standard error is not a
 * terminal (a log, a pipe, a batch job), one plain line each {@value #STEP_PERCENT} % instead, so
 * that a long run shows it is alive without filling the log. Ctrl-C ends the JVM as usual.
 */
final class ConsoleProgress implements ProgressMonitor {
    private static final int WIDTH = 30;
    /** Percent between two lines when not on a terminal. */
    static final int STEP_PERCENT = 5;
    private final PrintStream err;
    private final boolean interactive;
    private long lastDraw;
    private boolean drawn;
    private long lineTotal = -1;
    private long lastLineStep = -1;

    ConsoleProgress(PrintStream err) {
        this(err, System.console() != null);
    }

    ConsoleProgress(PrintStream err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    @Override
    public synchronized void progress(long done, long total, String message) {
        if (total <= 0) {
            return;
        }
        if (!interactive) {
            printLine(done, total, message);
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

    /** A line when the work reaches the next {@value #STEP_PERCENT} % (a new total starts again from 0 %). */
    private void printLine(long done, long total, String message) {
        if (total != lineTotal) {
            lineTotal = total;
            lastLineStep = -1;
        }
        long step = Math.min(100, 100 * Math.min(done, total) / total) / STEP_PERCENT;
        if (step > lastLineStep) {
            lastLineStep = step;
            err.println(String.format(Locale.ROOT, "%3d%% %s", step * STEP_PERCENT, message == null ? "" : message));
        }
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
