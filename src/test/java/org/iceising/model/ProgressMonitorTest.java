package org.iceising.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressMonitorTest {

    /** Records what reaches it and cancels once told to. */
    private static final class Recorder implements ProgressMonitor {
        final List<String> seen = new ArrayList<>();
        boolean cancelled;

        @Override
        public void progress(long done, long total, String message) {
            seen.add(done + "/" + total + " " + message);
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }

    @Test
    void anUnmeasuredStagePassesItsMessagesWithoutAFraction() {
        Recorder outer = new Recorder();
        ProgressMonitor stage = outer.unmeasured();
        stage.progress(1, 14, "reading 2018-06-01");
        stage.progress(14, 14, "reading 2018-09-30");
        outer.progress(3, 13, "generating");
        assertEquals(List.of("-1/-1 reading 2018-06-01", "-1/-1 reading 2018-09-30", "3/13 generating"), outer.seen);
    }

    @Test
    void anUnmeasuredStageIsCancelledWithItsMonitor() {
        Recorder outer = new Recorder();
        ProgressMonitor stage = outer.unmeasured();
        stage.checkCancelled();
        outer.cancelled = true;
        assertThrows(CancelledException.class, stage::checkCancelled);
    }
}
