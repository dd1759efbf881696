package org.iceising.app.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.iceising.model.CancelledException;
import org.junit.jupiter.api.Test;

/** The job model on the same-thread runner: what a job shows while it runs and after each way it can end. */
class JobTest {
    private final JobRunner runner = new SameThreadJobRunner();

    @Test
    void aJobShowsItsProgressWhileItRunsAndItsResultAfter() {
        List<String> seen = new ArrayList<>();
        Job<String>[] self = new Job[1];
        self[0] = Job.of("count", m -> {
            seen.add(self[0].stateProperty().get() + " " + self[0].progressProperty().get());
            m.progress(3, 4, "three of four");
            seen.add(self[0].progressProperty().get() + " " + self[0].messageProperty().get());
            m.progress(-1, 1, "finishing");
            seen.add(String.valueOf(self[0].progressProperty().get()));
            return "done";
        });
        List<String> results = new ArrayList<>();
        runner.run(self[0].onSuccess(results::add));
        assertEquals(List.of("RUNNING 0.0", "0.75 three of four", "-1.0"), seen);
        assertEquals(List.of("done"), results);
        assertEquals(Job.State.SUCCEEDED, self[0].stateProperty().get());
        assertEquals("done", self[0].resultProperty().get());
        assertEquals(1.0, self[0].progressProperty().get());
        assertFalse(self[0].runningProperty().get());
    }

    @Test
    void aFailureIsOneLineAndTheBarEmpties() {
        List<String> said = new ArrayList<>();
        Job<Object> job = runner.run(Job.of("read", m -> {
            m.progress(1, 2, "half");
            throw new UncheckedIOException(new NoSuchFileException("/data/nt_20180616_f18_nrt_n.bin"));
        }).onFailure(said::add));
        assertEquals(List.of("No such file or folder: /data/nt_20180616_f18_nrt_n.bin"), said);
        assertEquals(said.get(0), job.failureProperty().get());
        assertEquals(Job.State.FAILED, job.stateProperty().get());
        assertEquals(0.0, job.progressProperty().get(), "a part-filled bar would read as still going");
        assertNull(job.resultProperty().get());
    }

    @Test
    void aCancelledJobSaysSoAndTheBarEmpties() {
        List<String> events = new ArrayList<>();
        Job<Integer>[] self = new Job[1];
        self[0] = Job.of("loop", m -> {
            for (int k = 0; ; k++) {
                m.checkCancelled();
                m.progress(k, 10, "step " + k);
                if (k == 4) {
                    self[0].cancel();
                }
            }
        });
        runner.run(self[0].onCancelled(() -> events.add("cancelled")).onFailure(events::add).onSuccess(v -> events.add("ok")));
        assertEquals(List.of("cancelled"), events);
        assertEquals(Job.State.CANCELLED, self[0].stateProperty().get());
        assertEquals(0.0, self[0].progressProperty().get());
        assertEquals("", self[0].failureProperty().get());
    }

    @Test
    void aJobRunsOnce() {
        Job<Integer> job = runner.run(Job.of("once", m -> 1));
        assertThrows(IllegalStateException.class, () -> runner.run(job));
    }

    @Test
    void failuresAreWordedInOnePlace() {
        assertEquals("Bad header in nt_x.bin: 300 bytes, expected 300 + 136,192",
                Failures.describe(new ExecutionException(new IllegalArgumentException("bad header in nt_x.bin: 300 bytes, expected 300 + 136,192"))));
        assertEquals("The grid file is cut short\u2026", Failures.describe(new IOException("the grid file is cut short\u2026\n\tat line two")));
        assertEquals("An unexpected error (null pointer)", Failures.describe(new NullPointerException()));
        assertEquals("Out of memory: give the workbench more (java -Xmx…) or ask for less", Failures.describe(new OutOfMemoryError()));
        // a wrapper without words of its own gives way to its cause
        assertEquals("Disk full", Failures.describe(new RuntimeException(new IOException("disk full"))));
        // the cancelled work is not a failure: the runner reports it as a cancel
        List<String> events = new ArrayList<>();
        runner.run(Job.of("c", m -> {
            throw new CancelledException();
        }).onCancelled(() -> events.add("cancelled")).onFailure(events::add));
        assertEquals(List.of("cancelled"), events);
    }
}
