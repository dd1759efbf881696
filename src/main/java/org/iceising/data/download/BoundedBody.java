package org.iceising.data.download;

import org.iceising.model.CancelledException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a response body as it arrives, into an open file channel or into memory, counting bytes and
 * refusing more than a limit. Its "body" is itself, available as soon as the headers are: {@link #await}
 * then waits for the end of the body, giving up when the download is cancelled, when no bytes arrive
 * for too long, or at a deadline for the whole transfer (the JDK client has no read timeout, and its
 * request timeout ends with the headers).
 */
final class BoundedBody implements HttpResponse.BodySubscriber<BoundedBody> {

    private static final long POLL_MILLIS = 20;

    /** Where the bytes go. */
    private interface Sink {
        void write(ByteBuffer b) throws IOException;
    }

    private final Sink sink;
    private final AtomicLong bytes;
    private final long limit;
    private final String tooLarge;
    private final ByteArrayOutputStream memory;
    private final CompletableFuture<Long> done = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private boolean aborted;
    private volatile long lastActivity = System.nanoTime();

    private BoundedBody(Sink sink, ByteArrayOutputStream memory, AtomicLong bytes, long limit, String tooLarge) {
        this.sink = sink;
        this.memory = memory;
        this.bytes = bytes;
        this.limit = limit;
        this.tooLarge = tooLarge;
        bytes.set(0);
    }

    /**
     * A body written into {@code channel}; {@code bytes} counts it (set to 0 here); a body longer than
     * {@code limit} fails (worth another try: the server may have sent a wrong file).
     */
    static BoundedBody toFile(FileChannel channel, AtomicLong bytes, long limit) {
        return new BoundedBody(b -> {
            while (b.hasRemaining()) {
                bytes.addAndGet(channel.write(b));
            }
        }, null, bytes, limit, null);
    }

    /** A body kept in memory; one longer than {@code limit} fails for good with {@code what} in its message. */
    static BoundedBody inMemory(long limit, String what) {
        ByteArrayOutputStream memory = new ByteArrayOutputStream();
        AtomicLong bytes = new AtomicLong();
        return new BoundedBody(b -> {
            int n = b.remaining();
            byte[] a = new byte[n];
            b.get(a);
            memory.write(a, 0, n);
            bytes.addAndGet(n);
        }, memory, bytes, limit, what + " sent more than " + limit + " bytes for one answer; it was cut off");
    }

    /** A body that is not wanted: the transfer is stopped at once instead of read to its end. */
    static <T> HttpResponse.BodySubscriber<T> discarded() {
        return new HttpResponse.BodySubscriber<>() {
            @Override
            public CompletionStage<T> getBody() {
                return CompletableFuture.completedStage(null);
            }

            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.cancel();
            }

            @Override
            public void onNext(List<ByteBuffer> item) {
                // cancelled on subscription: nothing is kept
            }

            @Override
            public void onError(Throwable t) {
                // nobody waits for a discarded body
            }

            @Override
            public void onComplete() {
                // nobody waits for a discarded body
            }
        };
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (aborted) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> buffers) {
        if (aborted || done.isDone()) {
            return;
        }
        try {
            for (ByteBuffer b : buffers) {
                if (bytes.get() + b.remaining() > limit) {
                    subscription.cancel();
                    done.completeExceptionally(tooLarge == null
                            ? new IOException("the server sends more than the " + limit + " bytes expected")
                            : new DownloadException(tooLarge));
                    return;
                }
                sink.write(b);
            }
            lastActivity = System.nanoTime();
            subscription.request(1);
        } catch (IOException e) {
            subscription.cancel();
            done.completeExceptionally(e);
        }
    }

    @Override
    public void onError(Throwable t) {
        done.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        done.complete(bytes.get());
    }

    @Override
    public CompletionStage<BoundedBody> getBody() {
        return CompletableFuture.completedStage(this);
    }

    /**
     * Waits for the whole body and returns its length.
     *
     * @param deadline  {@link System#nanoTime()} by which the body must be complete
     * @param allowed   the time that deadline gives the whole transfer, for the message
     * @throws IOException        the connection failed, or no bytes came for {@code idleTimeout}
     * @throws DownloadException  the deadline passed, or an in-memory body grew past its limit
     * @throws CancelledException the download was cancelled
     */
    long await(CancelSignal cancel, Duration idleTimeout, long deadline, Duration allowed) throws IOException {
        while (true) {
            try {
                return done.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (cancel.isCancelled()) {
                    abort();
                    throw new CancelledException();
                }
                long now = System.nanoTime();
                if (now - lastActivity > idleTimeout.toNanos()) {
                    abort();
                    throw new HttpTimeoutException("no data for " + idleTimeout.toMillis() + " ms after "
                            + bytes.get() + " bytes");
                }
                if (now - deadline > 0) {
                    abort();
                    throw new DownloadException("not complete after " + allowed.toSeconds() + " s, the time allowed ("
                            + bytes.get() + " bytes came)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abort();
                cancel.cancel();
                throw new CancelledException();
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                throw c instanceof IOException io ? io : new IOException(String.valueOf(c.getMessage()), c);
            }
        }
    }

    /** The body kept in memory, as UTF-8 text (after {@link #await}). */
    String text() {
        if (memory == null) {
            throw new IllegalStateException("a body written to a file is not kept in memory");
        }
        return memory.toString(StandardCharsets.UTF_8);
    }

    /** Stops the transfer; no byte is written after this returns. */
    private synchronized void abort() {
        aborted = true;
        if (subscription != null) {
            subscription.cancel();
        }
    }
}
