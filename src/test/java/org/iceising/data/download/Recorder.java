package org.iceising.data.download;

import org.iceising.model.ProgressMonitor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A progress monitor and download listener that remembers what it was told, and cancels on a condition. */
final class Recorder implements ProgressMonitor, DownloadListener {

    record Progress(long done, long total, String message, Thread thread) {
    }

    record FileBytes(String name, long bytes, long expected) {
    }

    final List<Progress> progress = new CopyOnWriteArrayList<>();
    final List<FileBytes> fileBytes = new CopyOnWriteArrayList<>();
    final List<FileOutcome> finished = new CopyOnWriteArrayList<>();
    final List<Thread> listenerThreads = new CopyOnWriteArrayList<>();
    volatile List<Granule> found = List.of();
    private final Predicate<Recorder> cancelWhen;

    Recorder() {
        this(r -> false);
    }

    Recorder(Predicate<Recorder> cancelWhen) {
        this.cancelWhen = cancelWhen;
    }

    @Override
    public void progress(long done, long total, String message) {
        progress.add(new Progress(done, total, message, Thread.currentThread()));
    }

    @Override
    public boolean isCancelled() {
        return cancelWhen.test(this);
    }

    @Override
    public void found(List<Granule> granules) {
        found = granules;
        listenerThreads.add(Thread.currentThread());
    }

    @Override
    public void fileProgress(Granule granule, long bytes, long expectedBytes) {
        fileBytes.add(new FileBytes(granule.fileName(), bytes, expectedBytes));
        listenerThreads.add(Thread.currentThread());
    }

    @Override
    public void fileFinished(FileOutcome outcome) {
        finished.add(outcome);
        listenerThreads.add(Thread.currentThread());
    }

    Progress last() {
        return progress.get(progress.size() - 1);
    }
}
