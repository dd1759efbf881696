package org.iceising.data.download;

import org.iceising.data.AtomicFiles;
import org.iceising.data.DataFileException;
import org.iceising.data.GridReader;
import org.iceising.data.SeaIceGrid;
import org.iceising.model.CancelledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fetches one granule into the destination folder: skips it if a valid copy is there; otherwise writes to
 * a hidden temporary file in the same folder, checks length and checksum, reads it with
 * {@link GridReader} (product and day must match), and renames it into place atomically. A failed or
 * cancelled try leaves no temporary file behind, and those of killed runs are removed before a new try
 * (see {@link AtomicFiles#removeStaleTemporaries}).
 */
final class GranuleTransfer {

    private static final Logger LOG = LoggerFactory.getLogger(GranuleTransfer.class);
    /** No daily grid comes near this; a body that goes past it (when CMR gives no size) is cut off. */
    private static final long MAX_BYTES = 1L << 30;

    private final Granule granule;
    private final Path target;
    private final EarthdataSession session;
    private final TransferSettings settings;
    private final CancelSignal cancel;
    private final AtomicLong bytes = new AtomicLong();
    private volatile long expected;
    private volatile Retry retry;

    GranuleTransfer(Granule granule, Path destination, EarthdataSession session, TransferSettings settings,
                    CancelSignal cancel) {
        this.granule = granule;
        this.target = destination.resolve(granule.fileName());
        if (!destination.equals(target.getParent()) || !target.getFileName().toString().equals(granule.fileName())) {
            throw new IllegalArgumentException("'" + granule.fileName() + "' is not a plain file name");
        }
        this.session = session;
        this.settings = settings;
        this.cancel = cancel;
        this.expected = granule.sizeBytes().orElse(-1);
    }

    Granule granule() {
        return granule;
    }

    /** Bytes of the current try so far. */
    long bytes() {
        return bytes.get();
    }

    /** The retry this transfer waits for or makes now, or null while its first try runs or once it is done. */
    Retry retry() {
        return retry;
    }

    /** The expected length: CMR's, else the server's Content-Length once known, else -1. */
    long expected() {
        return expected;
    }

    /**
     * Skips, fetches or fails; never leaves a partial file.
     *
     * @throws EarthdataAuthException credentials missing or refused: the whole download must stop
     */
    FileOutcome run() {
        if (cancel.isCancelled()) {
            return outcome(FileOutcome.Status.CANCELLED, 0, 0, "");
        }
        if (isValid(target)) {
            LOG.info("{} is already there", granule.fileName());
            return outcome(FileOutcome.Status.SKIPPED, 0, 0, "");
        }
        try {
            AtomicFiles.checkReplaceable(target);
        } catch (IOException e) {
            return outcome(FileOutcome.Status.FAILED, 0, 0, e.getMessage());
        }
        try {
            Retries.Done<Long> done;
            try {
                done = Retries.run(settings, cancel, granule.fileName(), (attempt, deadline) -> fetchOnce(deadline), r -> retry = r);
            } finally {
                retry = null;
            }
            LOG.info("fetched {} ({} bytes)", granule.fileName(), done.value());
            return outcome(FileOutcome.Status.FETCHED, done.value(), done.attempts(), "");
        } catch (CancelledException e) {
            return outcome(FileOutcome.Status.CANCELLED, 0, 0, "");
        } catch (TransferFailedException e) {
            LOG.warn("{}", e.getMessage());
            return outcome(FileOutcome.Status.FAILED, 0, e.attempts(), e.getMessage());
        }
    }

    private FileOutcome outcome(FileOutcome.Status status, long n, int attempts, String problem) {
        return new FileOutcome(granule, status, target, n, attempts, problem);
    }

    /** A copy already there counts if its length and checksum match CMR's and it reads as this granule's grid. */
    private boolean isValid(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            if (granule.sizeBytes().isPresent() && Files.size(file) != granule.sizeBytes().getAsLong()) {
                return false;
            }
            if (granule.checksum().isPresent() && !granule.checksum().get().matches(file)) {
                return false;
            }
            checkGrid(file);
            return true;
        } catch (IOException e) {
            LOG.info("{} is there but will be fetched again: {}", granule.fileName(), e.getMessage());
            return false;
        }
    }

    /** One try: fetch into a temporary file, check it, rename it into place. */
    private long fetchOnce(long deadline) throws IOException {
        AtomicFiles.removeStaleTemporaries(target);
        Path temp = AtomicFiles.temporaryFor(target);
        try {
            long length;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                bytes.set(0);
                long limit = granule.sizeBytes().orElse(MAX_BYTES);
                HttpResponse<BoundedBody> response = session.fetch(granule.url(),
                        info -> info.statusCode() == 200 ? BoundedBody.toFile(channel, bytes, limit)
                                : BoundedBody.discarded(), cancel);
                int status = response.statusCode();
                if (status != 200) {
                    String problem = "HTTP " + status + " from " + WebAddresses.redact(response.uri());
                    if (status >= 500 || status == 408 || status == 429) {
                        throw RetryLaterException.of(problem, response.headers(), Instant.now());
                    }
                    throw new DownloadException(problem + (status == 404 ? " (not found)" : ""));
                }
                long announced = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (expected < 0) {
                    expected = announced;
                }
                length = response.body().await(cancel, settings.idleTimeout(), deadline, settings.deadline());
                if (announced >= 0 && length != announced) {
                    throw new IOException("got " + length + " bytes where the server announced " + announced);
                }
                channel.force(true);
            }
            verify(temp, length);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return length;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void verify(Path temp, long length) throws IOException {
        if (granule.sizeBytes().isPresent() && length != granule.sizeBytes().getAsLong()) {
            throw new IOException("got " + length + " bytes where CMR lists " + granule.sizeBytes().getAsLong());
        }
        if (granule.checksum().isPresent()) {
            Checksum sum = granule.checksum().get();
            String actual = sum.compute(temp);
            if (!actual.equals(sum.hex())) {
                throw new IOException(sum.algorithm() + " checksum " + actual + " differs from CMR's " + sum.hex());
            }
        }
        checkGrid(temp);
    }

    /** The file must read as a grid of this granule's product and day. */
    private void checkGrid(Path file) throws IOException {
        SeaIceGrid grid;
        try {
            grid = GridReader.read(file);
        } catch (DataFileException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (grid.productKind() != granule.product().gridProduct() || !grid.date().equals(granule.date())) {
            throw new IOException(file.getFileName() + " holds " + grid.product() + " for " + grid.date()
                    + ", not " + granule.product() + " for " + granule.date());
        }
    }
}
