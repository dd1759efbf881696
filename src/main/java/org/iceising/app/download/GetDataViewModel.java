package org.iceising.app.download;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iceising.app.task.Failures;
import org.iceising.app.task.Job;
import org.iceising.app.task.JobRunner;
import org.iceising.data.download.DownloadListener;
import org.iceising.data.download.DownloadReport;
import org.iceising.data.download.DownloadRequest;
import org.iceising.data.download.EarthdataCredentials;
import org.iceising.data.download.EarthdataDownloader;
import org.iceising.data.download.FileOutcome;
import org.iceising.data.download.Granule;
import org.iceising.data.download.NsidcProduct;
import org.iceising.data.download.Retry;

/**
 * The Get Data form as state: product, dates, credentials, destination and mirrors; why Fetch is off;
 * the download job with its progress, one row per file, a summary and one error line. When files
 * arrived, the workbench opens the destination. The token lives only here and in the password field:
 * it is never logged nor stored.
 */
public final class GetDataViewModel {

    /** One file of the download, as the table shows it. */
    public static final class Row {
        private final String name;
        private final StringProperty status = new SimpleStringProperty("waiting");

        Row(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        public StringProperty statusProperty() {
            return status;
        }
    }

    private final JobRunner runner;
    private final Consumer<Path> open;
    private final Map<String, String> environment;
    private final Path home;
    private final ObjectProperty<NsidcProduct> product = new SimpleObjectProperty<>(this, "product", NsidcProduct.NSIDC_0081);
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final BooleanProperty useToken = new SimpleBooleanProperty(this, "useToken");
    private final StringProperty token = new SimpleStringProperty(this, "token", "");
    private final StringProperty destination = new SimpleStringProperty(this, "destination", "");
    private final StringProperty cmrUrl = new SimpleStringProperty(this, "cmrUrl", DownloadRequest.DEFAULT_CMR_URL.toString());
    private final StringProperty loginUrl = new SimpleStringProperty(this, "loginUrl", DownloadRequest.DEFAULT_LOGIN_URL.toString());
    private final ReadOnlyStringWrapper invalid = new ReadOnlyStringWrapper(this, "invalid", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyObjectWrapper<Job<DownloadReport>> running = new ReadOnlyObjectWrapper<>(this, "running");
    private final BooleanBinding busy = running.isNotNull();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();

    /**
     * @param runner      runs the download
     * @param destination the folder offered first: the one the workbench has open
     * @param today       the last day offered is the day before
     * @param environment where {@code EARTHDATA_TOKEN} is looked up
     * @param home        where {@code .netrc} is looked up
     * @param open        opens a folder in the workbench
     */
    public GetDataViewModel(JobRunner runner, Path destination, LocalDate today, Map<String, String> environment, Path home,
                            Consumer<Path> open) {
        this.runner = runner;
        this.open = open;
        this.environment = Map.copyOf(environment);
        this.home = home;
        this.destination.set(destination.toString());
        to.set(today.minusDays(1));
        from.set(today.minusDays(30));
        List<ObservableValue<?>> inputs = List.of(product, from, to, useToken, token, this.destination, cmrUrl, loginUrl);
        inputs.forEach(v -> v.addListener((o, a, b) -> validate()));
        validate();
    }

    public ObjectProperty<NsidcProduct> productProperty() {
        return product;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** A token typed into the form rather than {@code ~/.netrc} or {@code EARTHDATA_TOKEN}. */
    public BooleanProperty useTokenProperty() {
        return useToken;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public StringProperty destinationProperty() {
        return destination;
    }

    public StringProperty cmrUrlProperty() {
        return cmrUrl;
    }

    public StringProperty loginUrlProperty() {
        return loginUrl;
    }

    /** Why Fetch is off, one line; empty when the form is complete. */
    public ReadOnlyStringProperty invalidProperty() {
        return invalid.getReadOnlyProperty();
    }

    /** What is wrong with the form or went wrong with the download, one line; "" if nothing. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The download's outcome in one line, or "". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the download is doing, a retry and its wait included; "" when it is not running. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** 0..1, −1 while the amount is unknown (searching); 1 after success, 0 after a failure or cancel. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** True while a download runs. */
    public BooleanBinding busyProperty() {
        return busy;
    }

    /** One row per file found. */
    public ObservableList<Row> rows() {
        return rows;
    }

    /** The rows' statuses, in order: "name: status". */
    public List<String> statuses() {
        return rows.stream().map(r -> r.name + ": " + r.status.get()).toList();
    }

    private void validate() {
        String why;
        try {
            request();
            why = useToken.get() && token.get().isBlank() ? "Type an Earthdata token, or use ~/.netrc / EARTHDATA_TOKEN" : "";
        } catch (IllegalArgumentException e) {
            why = capitalise(e.getMessage());
        }
        invalid.set(why);
        if (running.get() == null) {
            error.set(why);
        }
    }

    /** The request the form describes (no credentials in it). */
    public DownloadRequest request() {
        if (from.get() == null || to.get() == null) {
            throw new IllegalArgumentException("choose the first and the last day");
        }
        if (to.get().isBefore(from.get())) {
            throw new IllegalArgumentException("the first day (" + from.get() + ") is after the last day (" + to.get() + ")");
        }
        if (destination.get().isBlank()) {
            throw new IllegalArgumentException("choose a destination folder");
        }
        URI cmr;
        URI login;
        try {
            cmr = URI.create(cmrUrl.get().strip());
            login = URI.create(loginUrl.get().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a CMR or Earthdata Login address is not a web address");
        }
        return DownloadRequest.of(product.get(), from.get(), to.get(), Path.of(destination.get().strip()))
                .withCmrUrl(cmr).withLoginUrl(login);
    }

    private EarthdataCredentials credentials(DownloadRequest request) {
        return useToken.get() ? EarthdataCredentials.token(token.get())
                : EarthdataCredentials.fromEnvironment(environment, home, request.loginUrl());
    }

    /** Starts the download; when files arrived (or were there already) the workbench opens the folder. */
    public void fetch() {
        if (running.get() != null || !invalid.get().isEmpty()) {
            return;
        }
        DownloadRequest request;
        EarthdataCredentials credentials;
        try {
            request = request();
            credentials = credentials(request);
        } catch (RuntimeException e) {
            error.set(Failures.describe(e));
            return;
        }
        rows.clear();
        summary.set("");
        error.set("");
        Listener listener = new Listener();
        EarthdataDownloader downloader = new EarthdataDownloader(credentials);
        Job<DownloadReport> job = Job.of("Fetching " + request.product(), m -> downloader.download(request, m, listener));
        progress.bind(job.progressProperty());
        progressText.bind(job.messageProperty());
        running.set(job);
        runner.run(job.onSuccess(report -> {
            listener.flush();
            finished();
            List<FileOutcome> failed = report.failed();
            if (!failed.isEmpty()) {
                error.set(failed.size() + (failed.size() == 1 ? " file" : " files") + " failed; first: "
                        + failed.get(0).granule().fileName() + ": " + failed.get(0).problem());
            }
            boolean arrived = !report.fetched().isEmpty() || !report.skipped().isEmpty();
            summary.set(report.summary() + (arrived ? " The workbench now shows " + request.destination() + "." : ""));
            if (arrived) {
                open.accept(request.destination());
            }
        }).onFailure(why -> {
            listener.flush();
            finished();
            error.set(why);
        }).onCancelled(() -> {
            listener.flush();
            finished();
            summary.set("Cancelled");
        }));
    }

    /** Cancels the download if one runs. */
    public void cancel() {
        Job<DownloadReport> j = running.get();
        if (j != null) {
            j.cancel();
        }
    }

    /** The bar keeps where the job ended; the running message goes (it would sit above the outcome). */
    private void finished() {
        progress.unbind();
        progressText.unbind();
        progressText.set("");
        running.set(null);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * Takes the downloader's news on the download thread and hands it to the UI thread in batches:
     * the latest status per file, at most one hand-over pending at a time.
     */
    private final class Listener implements DownloadListener {
        private final Map<String, String> pending = new LinkedHashMap<>();
        private List<Granule> found;
        private final AtomicBoolean scheduled = new AtomicBoolean();

        @Override
        public void found(List<Granule> granules) {
            synchronized (pending) {
                found = List.copyOf(granules);
            }
            schedule();
        }

        @Override
        public void fileProgress(Granule granule, long bytes, long expectedBytes) {
            String s = expectedBytes > 0
                    ? String.format(Locale.ROOT, "%.0f %% of %.1f MB", 100.0 * bytes / expectedBytes, expectedBytes / 1e6)
                    : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
            put(granule.fileName(), s);
        }

        @Override
        public void fileRetrying(Granule granule, Retry retry) {
            put(granule.fileName(), "retrying: " + retry.state() + " (" + retry.problem() + ")");
        }

        @Override
        public void fileFinished(FileOutcome o) {
            String s = switch (o.status()) {
                case FETCHED -> String.format(Locale.ROOT, "fetched (%.1f MB)", o.bytes() / 1e6);
                case SKIPPED -> "skipped (already there)";
                case FAILED -> "failed: " + o.problem();
                case CANCELLED -> "cancelled";
            };
            put(o.granule().fileName(), s);
        }

        private void put(String name, String status) {
            synchronized (pending) {
                pending.put(name, status);
            }
            schedule();
        }

        private void schedule() {
            if (scheduled.compareAndSet(false, true)) {
                runner.onUiThread(this::flush);
            }
        }

        /** On the UI thread: applies what is pending. */
        void flush() {
            scheduled.set(false);
            List<Granule> list;
            Map<String, String> updates;
            synchronized (pending) {
                list = found;
                found = null;
                updates = new LinkedHashMap<>(pending);
                pending.clear();
            }
            if (list != null) {
                rows.setAll(list.stream().map(g -> new Row(g.fileName())).toList());
            }
            for (Row r : rows) {
                String s = updates.get(r.name);
                if (s != null) {
                    r.status.set(s);
                }
            }
        }
    }
}
