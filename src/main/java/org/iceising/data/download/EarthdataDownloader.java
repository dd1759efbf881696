package org.iceising.data.download;

import org.iceising.data.IoWords;
import org.iceising.model.CancelledException;
import org.iceising.model.ProgressMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Searches NASA's CMR for NSIDC daily northern 25 km sea-ice files and fetches them through Earthdata
 * Login: the service behind the workbench's Get Data dialog and the {@code download} command.
 *
 * <pre>{@code
 * var credentials = EarthdataCredentials.fromEnvironment(System.getenv(), home, DownloadRequest.DEFAULT_LOGIN_URL);
 * var request = DownloadRequest.of(NsidcProduct.NSIDC_0081, from, to, folder);
 * DownloadReport report = new EarthdataDownloader(credentials).download(request, monitor, DownloadListener.NONE);
 * }</pre>
 *
 * The {@link ProgressMonitor} gets the total (files done of files found) on the calling thread; its
 * {@code isCancelled()} is polled from the worker threads too.
 */
public final class EarthdataDownloader {

    private static final Logger LOG = LoggerFactory.getLogger(EarthdataDownloader.class);
    private static final long POLL_MILLIS = 50;

    private final EarthdataCredentials credentials;

    /** A downloader that signs in with {@code credentials} ({@link EarthdataCredentials#none()} for none). */
    public EarthdataDownloader(EarthdataCredentials credentials) {
        if (credentials == null) {
            throw new IllegalArgumentException("credentials must be given (EarthdataCredentials.none() for none)");
        }
        this.credentials = credentials;
    }

    /**
     * Lists the granules of {@code request} (no credentials needed), following CMR's pages.
     *
     * @throws DownloadException  CMR refused the search, or failed after every try
     * @throws CancelledException the monitor was cancelled
     */
    public CmrSearchResult search(DownloadRequest request, ProgressMonitor monitor) {
        return search(request, session(request), new CancelSignal(monitor), monitor);
    }

    /**
     * Searches CMR, then fetches every granule found into {@code request.destination()}, a few at a time.
     * A file fails on its own (404, too many failed tries, a checksum that differs); the report says which.
     *
     * @return one outcome per granule; {@link DownloadReport#cancelled()} if the monitor was cancelled
     * @throws NoGranulesException    CMR lists no file of the product in the date range
     * @throws EarthdataAuthException no credentials, or Earthdata refused them (the transfers are stopped)
     * @throws DownloadException      CMR failed, or the destination folder cannot be made
     * @throws CancelledException     cancelled during the search, before any file was fetched
     */
    public DownloadReport download(DownloadRequest request, ProgressMonitor monitor, DownloadListener listener) {
        CancelSignal cancel = new CancelSignal(monitor);
        EarthdataSession session = session(request);
        Path destination = prepare(request.destination());
        CmrSearchResult found = search(request, session, cancel, monitor);
        if (found.granules().isEmpty()) {
            throw new NoGranulesException("CMR at " + WebAddresses.redact(request.cmrUrl()) + " lists no "
                    + request.product() + " northern 25 km daily file from " + request.from() + " to " + request.to()
                    + (found.rejected().isEmpty() ? "" : " (" + found.rejected().size() + " links refused)"));
        }
        listener.found(found.granules());
        List<GranuleTransfer> transfers = found.granules().stream()
                .map(g -> new GranuleTransfer(g, destination, session, request.transfer(), cancel))
                .toList();
        List<FileOutcome> outcomes = run(transfers, request, cancel, monitor, listener);
        DownloadReport report = new DownloadReport(request, outcomes, found.rejected(), cancel.isCancelled());
        LOG.info("{}", report.summary());
        return report;
    }

    private List<FileOutcome> run(List<GranuleTransfer> transfers, DownloadRequest request, CancelSignal cancel,
                                  ProgressMonitor monitor, DownloadListener listener) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(request.transfer().parallelism(), transfers.size()),
                r -> {
                    Thread t = new Thread(r, "earthdata-download-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        try {
            CompletionService<FileOutcome> completion = new ExecutorCompletionService<>(pool);
            Map<Future<FileOutcome>, GranuleTransfer> running = new LinkedHashMap<>();
            for (GranuleTransfer t : transfers) {
                running.put(completion.submit(t::run), t);
            }
            Map<GranuleTransfer, Long> reported = new LinkedHashMap<>();
            Map<GranuleTransfer, Retry> retries = new LinkedHashMap<>();
            String retrying = null;
            Map<Granule, FileOutcome> outcomes = new LinkedHashMap<>();
            RuntimeException stop = null;
            boolean interrupted = false;
            monitor.progress(0, transfers.size(), progressMessage(request, outcomes.values(), transfers.size()));
            while (!running.isEmpty()) {
                Future<FileOutcome> f = null;
                try {
                    f = completion.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                    cancel.cancel();
                }
                Retry first = null;
                for (GranuleTransfer t : running.values()) {
                    long b = t.bytes();
                    if (b > 0 && !Long.valueOf(b).equals(reported.put(t, b))) {
                        listener.fileProgress(t.granule(), b, t.expected());
                    }
                    Retry r = t.retry();
                    if (r != null && !r.equals(retries.put(t, r))) {
                        listener.fileRetrying(t.granule(), r);
                    }
                    first = first == null ? r : first;
                }
                // a retry is said above the bar; with nothing done yet the bar runs rather than sit empty
                String now = first == null ? null : first.describe();
                if (!Objects.equals(now, retrying)) {
                    retrying = now;
                    String message = progressMessage(request, outcomes.values(), transfers.size());
                    monitor.progress(now != null && outcomes.isEmpty() ? -1 : outcomes.size(), transfers.size(),
                            now == null ? message : message + " · " + now);
                }
                if (f == null) {
                    continue;
                }
                GranuleTransfer t = running.remove(f);
                try {
                    FileOutcome o = f.get();
                    outcomes.put(t.granule(), o);
                    listener.fileFinished(o);
                } catch (ExecutionException e) {
                    cancel.cancel();
                    if (stop == null) {
                        stop = e.getCause() instanceof RuntimeException re ? re
                                : new DownloadException(t.granule().fileName() + ": " + e.getCause(), e.getCause());
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException("a finished task cannot be interrupted", e);
                }
                monitor.progress(outcomes.size(), transfers.size(), progressMessage(request, outcomes.values(),
                        transfers.size()));
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (stop != null) {
                throw stop;
            }
            return transfers.stream().map(t -> outcomes.get(t.granule())).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    private static String progressMessage(DownloadRequest request, Collection<FileOutcome> done, int total) {
        long fetched = done.stream().filter(o -> o.status() == FileOutcome.Status.FETCHED).count();
        long skipped = done.stream().filter(o -> o.status() == FileOutcome.Status.SKIPPED).count();
        long failed = done.stream().filter(o -> o.status() == FileOutcome.Status.FAILED).count();
        return String.format(Locale.ROOT, "%s: %d of %d files (%d fetched, %d skipped, %d failed)",
                request.product(), done.size(), total, fetched, skipped, failed);
    }

    /** Makes the destination folder (before any search, so that a wrong --dest costs no time). */
    private static Path prepare(Path destination) {
        if (Files.exists(destination) && !Files.isDirectory(destination)) {
            throw new DownloadException("the destination " + destination + " is not a folder");
        }
        try {
            Files.createDirectories(destination);
        } catch (IOException e) {
            throw new DownloadException("cannot make the destination folder " + destination + ": " + IoWords.of(e), e);
        }
        if (!Files.isWritable(destination)) {
            throw new DownloadException("cannot write to the destination folder " + destination);
        }
        return destination.toAbsolutePath().normalize();
    }

    private EarthdataSession session(DownloadRequest request) {
        return new EarthdataSession(credentials, request.loginUrl(), request.transfer());
    }

    private static CmrSearchResult search(DownloadRequest request, EarthdataSession session, CancelSignal cancel,
                                          ProgressMonitor monitor) {
        URI first = searchUri(request);
        String cmr = "CMR at " + WebAddresses.redact(request.cmrUrl());
        Map<String, Granule> granules = new LinkedHashMap<>();
        List<String> rejected = new ArrayList<>();
        String searchAfter = null;
        for (int page = 1; ; page++) {
            if (page > request.transfer().maxCmrPages()) {
                throw new DownloadException(cmr + " offers more than " + request.transfer().maxCmrPages()
                        + " pages of results; search fewer days at a time");
            }
            cancel.check();
            // how many pages there are is not known yet: an indeterminate bar, not an empty one
            monitor.progress(-1, 1, "Searching CMR for " + request.product() + " (page " + page + ")");
            String after = searchAfter;
            EarthdataSession.TextAnswer answer = Retries.run(request.transfer(), cancel, "CMR search page " + page,
                    (attempt, deadline) -> cmrPage(session, first, after, cancel, deadline, cmr),
                    retry -> monitor.progress(-1, 1, retry.describe())).value();
            CmrGranules.Page p = CmrGranules.parse(answer.body(), request.product(), cmr);
            for (Granule g : p.granules()) {
                if (!g.date().isBefore(request.from()) && !g.date().isAfter(request.to())) {
                    granules.putIfAbsent(g.fileName(), g);
                }
            }
            rejected.addAll(p.rejected());
            searchAfter = answer.headers().firstValue("CMR-Search-After").orElse(null);
            if (searchAfter == null || p.items() < request.transfer().cmrPageSize()) {
                break;
            }
        }
        rejected.forEach(r -> LOG.warn("{}", r));
        List<Granule> sorted = granules.values().stream().sorted(Comparator.comparing(Granule::date)).toList();
        LOG.info("CMR lists {} {} files from {} to {}", sorted.size(), request.product(), request.from(), request.to());
        return new CmrSearchResult(sorted, rejected);
    }

    private static EarthdataSession.TextAnswer cmrPage(EarthdataSession session, URI uri, String searchAfter,
                                                      CancelSignal cancel, long deadline, String cmr) throws IOException {
        EarthdataSession.TextAnswer answer = session.getText(uri, searchAfter, cancel, deadline, cmr);
        int status = answer.status();
        if (status == 200) {
            return answer;
        }
        String problem = "CMR at " + WebAddresses.redact(uri) + " answered HTTP " + status;
        if (status >= 500 || status == 408 || status == 429) {
            throw RetryLaterException.of(problem, answer.headers(), Instant.now());
        }
        throw new DownloadException(problem + CmrGranules.errorText(answer.body()));
    }

    /** The first page's address: the product's collection, the day range, sorted by start date. */
    static URI searchUri(DownloadRequest request) {
        String base = request.cmrUrl().toString().replaceAll("/+$", "");
        LocalDate from = request.from();
        LocalDate to = request.to();
        String query = "short_name=" + encode(request.product().shortName())
                + versions(request.product().version())
                + "&temporal%5B%5D=" + encode(from + "T00:00:00Z," + to + "T23:59:59Z")
                + "&sort_key%5B%5D=start_date"
                + "&page_size=" + request.transfer().cmrPageSize();
        return URI.create(base + "/search/granules.umm_json?" + query);
    }

    /** CMR matches versions as written; NSIDC's own scripts ask for "2", "02" and "002" alike. */
    private static String versions(String version) {
        StringBuilder b = new StringBuilder();
        for (String v = version; v.length() <= 3; v = "0" + v) {
            b.append("&version=").append(encode(v));
        }
        return b.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
