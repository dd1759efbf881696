package org.iceising.data.download;

import org.iceising.model.CancelledException;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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
 * Writes a response body into an open file channel as it arrives, counting bytes. Its "body" is itself,
 * available as soon as the headers are: {@link #await} then waits for the end of the body, giving up
 * when the download is cancelled or when no bytes arrive for too long (the JDK client has no read timeout).
 */
final class FileBodySubscriber implements HttpResponse.BodySubscriber<FileBodySubscriber> {

    private static final long POLL_MILLIS = 20;

    private final FileChannel channel;
    private final AtomicLong bytes;
    private final long limit;
    private final CompletableFuture<Long> done = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private boolean aborted;
    private volatile long lastActivity = System.nanoTime();

    /**
     * @param bytes counts the bytes written; set to 0 here
     * @param limit the most bytes accepted; a longer body fails
     */
    FileBodySubscriber(FileChannel channel, AtomicLong bytes, long limit) {
        this.channel = channel;
        this.bytes = bytes;
        this.limit = limit;
        bytes.set(0);
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
                    throw new IOException("the server sends more than the " + limit + " bytes expected");
                }
                while (b.hasRemaining()) {
                    bytes.addAndGet(channel.write(b));
                }
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
    public CompletionStage<FileBodySubscriber> getBody() {
        return CompletableFuture.completedStage(this);
    }

    /**
     * Waits for the whole body and returns its length.
     *
     * @throws IOException        the connection failed, or no bytes came for {@code idleTimeout}
     * @throws CancelledException the download was cancelled
     */
    long await(CancelSignal cancel, Duration idleTimeout) throws IOException {
        while (true) {
            try {
                return done.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (cancel.isCancelled()) {
                    abort();
                    throw new CancelledException();
                }
                if (System.nanoTime() - lastActivity > idleTimeout.toNanos()) {
                    abort();
                    throw new HttpTimeoutException("no data for " + idleTimeout.toMillis() + " ms after "
                            + bytes.get() + " bytes");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abort();
                cancel.cancel();
                throw new CancelledException();
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                throw c instanceof IOException io ? io : new IOException(String.valueOf(c.getMessage()), c);
            }
        }
    }

    /** Stops the transfer; no byte is written after this returns. */
    private synchronized void abort() {
        aborted = true;
        if (subscription != null) {
            subscription.cancel();
        }
    }
}
