package org.iceising.app.download;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.converter.LocalDateStringConverter;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.iceising.data.UserDataFolder;
import org.iceising.data.download.DownloadListener;
import org.iceising.data.download.DownloadReport;
import org.iceising.data.download.DownloadRequest;
import org.iceising.data.download.EarthdataAuthException;
import org.iceising.data.download.EarthdataCredentials;
import org.iceising.data.download.EarthdataDownloader;
import org.iceising.data.download.FileOutcome;
import org.iceising.data.download.Granule;
import org.iceising.data.download.NoGranulesException;
import org.iceising.data.download.NsidcProduct;
import org.iceising.model.CancelledException;
import org.iceising.app.task.MonitoredTask;

/**
 * File → Get data from NASA Earthdata: a product, a date range, the credentials (a bearer token typed
 * here, or {@code EARTHDATA_TOKEN} / {@code ~/.netrc}), a destination folder; then a {@link MonitoredTask}
 * around {@link EarthdataDownloader#download} with a total progress bar, one row per file, a one-line
 * summary and, when done, a button that opens the folder in the workbench. The token lives only in the
 * password field: it is never logged nor stored.
 */
public final class GetDataDialog {

    /** One file of the download, as the table shows it. */
    static final class Row {
        final String name;
        final StringProperty status = new SimpleStringProperty("waiting");

        Row(String name) {
            this.name = name;
        }
    }

    private final Stage stage = new Stage();
    final ComboBox<NsidcProduct> product = new ComboBox<>(FXCollections.observableArrayList(NsidcProduct.values()));
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final RadioButton useToken = new RadioButton("Token");
    final RadioButton useEnvironment = new RadioButton("Use ~/.netrc or EARTHDATA_TOKEN");
    final PasswordField token = new PasswordField();
    final TextField destination = new TextField();
    final TextField cmrUrl = new TextField(DownloadRequest.DEFAULT_CMR_URL.toString());
    final TextField loginUrl = new TextField(DownloadRequest.DEFAULT_LOGIN_URL.toString());
    final Button fetch = new Button("Fetch");
    final Button cancel = new Button("Cancel");
    final Button openFolder = new Button("Open this folder");
    final ProgressBar progress = new ProgressBar(0);
    final Label progressText = new Label();
    final TableView<Row> table = new TableView<>();
    final Label summary = new Label();
    final Label error = new Label();

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty invalid = new SimpleStringProperty("");
    private final ObjectProperty<MonitoredTask<DownloadReport>> running = new SimpleObjectProperty<>();
    private final Consumer<Path> open;
    private Path fetchedInto;

    /**
     * @param owner the workbench window
     * @param open  opens a folder in the workbench
     */
    public GetDataDialog(Window owner, Consumer<Path> open) {
        this.open = open;
        stage.initOwner(owner);
        stage.setTitle("Get data from NASA Earthdata");

        product.setId("getdata-product");
        product.setValue(NsidcProduct.NSIDC_0081);
        LocalDate yesterday = LocalDate.now().minusDays(1);
        from.setId("getdata-from");
        from.setValue(yesterday.minusDays(29));
        to.setId("getdata-to");
        to.setValue(yesterday);
        // ISO dates: "2/1/2023" reads differently on the two sides of the Atlantic
        LocalDateStringConverter iso = new LocalDateStringConverter(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ISO_LOCAL_DATE);
        from.setConverter(iso);
        to.setConverter(iso);
        from.setPromptText("yyyy-mm-dd");
        to.setPromptText("yyyy-mm-dd");
        ToggleGroup credentials = new ToggleGroup();
        useToken.setMnemonicParsing(false);
        useEnvironment.setMnemonicParsing(false);
        useToken.setToggleGroup(credentials);
        useEnvironment.setToggleGroup(credentials);
        useEnvironment.setSelected(true);
        token.setId("getdata-token");
        token.setPromptText("Earthdata Login bearer token");
        token.disableProperty().bind(useToken.selectedProperty().not());
        // typing a token chooses it
        token.setOnKeyTyped(e -> useToken.setSelected(true));
        destination.setId("getdata-destination");
        destination.setText(UserDataFolder.directory().toString());
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> chooseFolder());
        cmrUrl.setId("getdata-cmr");
        loginUrl.setId("getdata-login");

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Product"), product);
        form.addRow(1, new Label("From"), from, new Label("to"), to);
        form.addRow(2, new Label("Credentials"), useEnvironment);
        HBox tokenRow = new HBox(6, useToken, token);
        tokenRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(token, Priority.ALWAYS);
        form.add(tokenRow, 1, 3, 3, 1);
        HBox destRow = new HBox(6, destination, choose);
        HBox.setHgrow(destination, Priority.ALWAYS);
        form.addRow(4, new Label("Destination"));
        form.add(destRow, 1, 4, 3, 1);

        GridPane urls = new GridPane();
        urls.setHgap(8);
        urls.setVgap(6);
        urls.addRow(0, new Label("CMR"), cmrUrl);
        urls.addRow(1, new Label("Earthdata Login"), loginUrl);
        GridPane.setHgrow(cmrUrl, Priority.ALWAYS);
        GridPane.setHgrow(loginUrl, Priority.ALWAYS);
        TitledPane advanced = new TitledPane("Advanced (mirrors)", urls);
        advanced.setExpanded(false);

        fetch.setId("getdata-fetch");
        fetch.setDefaultButton(true);
        fetch.setOnAction(e -> fetch());
        fetch.disableProperty().bind(invalid.isNotEmpty().or(running.isNotNull()));
        cancel.setId("getdata-cancel");
        cancel.setOnAction(e -> {
            if (running.get() != null) {
                running.get().cancel();
            }
        });
        cancel.disableProperty().bind(running.isNull());
        openFolder.setId("getdata-open");
        openFolder.setVisible(false);
        openFolder.setOnAction(e -> {
            if (fetchedInto != null) {
                open.accept(fetchedInto);
                stage.close();
            }
        });
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, fetch, cancel, gap, openFolder, close);

        progress.setId("getdata-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        table.setId("getdata-files");
        table.setItems(rows);
        table.setPlaceholder(new Label("No files yet"));
        TableColumn<Row, String> name = new TableColumn<>("File");
        name.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().name));
        name.setPrefWidth(330);
        TableColumn<Row, String> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> c.getValue().status);
        status.setPrefWidth(260);
        table.getColumns().add(name);
        table.getColumns().add(status);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(220);
        VBox.setVgrow(table, Priority.ALWAYS);
        summary.setId("getdata-summary");
        summary.setWrapText(true);
        error.setId("getdata-error");
        error.setStyle("-fx-text-fill: #c62828;");
        error.setWrapText(true);

        VBox root = new VBox(10, form, advanced, buttons, progress, progressText, table, summary, error);
        root.setPadding(new Insets(12));
        stage.setScene(new Scene(root, 680, 620));

        List<ObservableValue<?>> inputs = List.of(product.valueProperty(), from.valueProperty(), to.valueProperty(),
                useToken.selectedProperty(), token.textProperty(), destination.textProperty(), cmrUrl.textProperty(),
                loginUrl.textProperty());
        inputs.forEach(v -> v.addListener((o, a, b) -> validate()));
        validate();
    }

    Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    /** Why Fetch is off, one line; empty when the form is complete. */
    ReadOnlyStringProperty invalidProperty() {
        return invalid;
    }

    private void validate() {
        String why;
        try {
            request();
            why = useToken.isSelected() && token.getText().isBlank() ? "Type an Earthdata token, or use ~/.netrc / EARTHDATA_TOKEN" : "";
        } catch (IllegalArgumentException e) {
            why = e.getMessage();
        }
        invalid.set(why);
        if (running.get() == null) {
            error.setText(why.isEmpty() ? "" : capitalise(why));
        }
    }

    /** The request the form describes (no credentials in it). */
    DownloadRequest request() {
        if (from.getValue() == null || to.getValue() == null) {
            throw new IllegalArgumentException("choose the first and the last day");
        }
        if (to.getValue().isBefore(from.getValue())) {
            throw new IllegalArgumentException("the first day (" + from.getValue() + ") is after the last day (" + to.getValue() + ")");
        }
        if (destination.getText().isBlank()) {
            throw new IllegalArgumentException("choose a destination folder");
        }
        URI cmr;
        URI login;
        try {
            cmr = URI.create(cmrUrl.getText().strip());
            login = URI.create(loginUrl.getText().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a CMR or Earthdata Login address is not a web address");
        }
        return DownloadRequest.of(product.getValue(), from.getValue(), to.getValue(), Path.of(destination.getText().strip()))
                .withCmrUrl(cmr).withLoginUrl(login);
    }

    private EarthdataCredentials credentials(DownloadRequest request) {
        if (useToken.isSelected()) {
            return EarthdataCredentials.token(token.getText());
        }
        return EarthdataCredentials.fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")),
                request.loginUrl());
    }

    private void chooseFolder() {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("Folder for the fetched grids");
        File current = new File(destination.getText());
        if (current.isDirectory()) {
            c.setInitialDirectory(current);
        }
        File dir = c.showDialog(stage);
        if (dir != null) {
            destination.setText(dir.getPath());
        }
    }

    /** Starts the download in the background. */
    void fetch() {
        if (running.get() != null || !invalid.get().isEmpty()) {
            return;
        }
        DownloadRequest request;
        EarthdataCredentials credentials;
        try {
            request = request();
            credentials = credentials(request);
        } catch (RuntimeException e) {
            error.setText(capitalise(message(e)));
            return;
        }
        rows.clear();
        summary.setText("");
        error.setText("");
        openFolder.setVisible(false);
        fetchedInto = null;
        Listener listener = new Listener();
        EarthdataDownloader downloader = new EarthdataDownloader(credentials);
        MonitoredTask<DownloadReport> task = new MonitoredTask<>("Fetching " + request.product(),
                m -> downloader.download(request, m, listener));
        progress.progressProperty().bind(task.progressProperty());
        progressText.textProperty().bind(task.messageProperty());
        task.setOnSucceeded(e -> {
            listener.flush();
            DownloadReport report = task.getValue();
            finished();
            summary.setText(report.summary());
            List<FileOutcome> failed = report.failed();
            if (!failed.isEmpty()) {
                error.setText(failed.size() + (failed.size() == 1 ? " file" : " files") + " failed; first: "
                        + failed.get(0).granule().fileName() + ": " + failed.get(0).problem());
            }
            if (!report.fetched().isEmpty() || !report.skipped().isEmpty()) {
                fetchedInto = request.destination();
                openFolder.setVisible(true);
            }
        });
        task.setOnFailed(e -> {
            listener.flush();
            finished();
            Throwable t = task.getException();
            if (t instanceof CancelledException) {
                summary.setText("Cancelled");
            } else {
                error.setText(describe(t));
            }
        });
        task.setOnCancelled(e -> {
            listener.flush();
            finished();
            summary.setText("Cancelled");
        });
        running.set(task);
        Thread thread = new Thread(task, "iceising-download");
        thread.setDaemon(true);
        thread.start();
    }

    private void finished() {
        progress.progressProperty().unbind();
        progressText.textProperty().unbind();
        if (progress.getProgress() < 0) {
            progress.setProgress(0);
        }
        running.set(null);
    }

    /** One clear line for the user: what went wrong, no stack trace. */
    static String describe(Throwable t) {
        if (t instanceof EarthdataAuthException) {
            return "Earthdata refused the credentials: " + message(t);
        }
        if (t instanceof NoGranulesException) {
            return "Nothing to fetch: " + message(t);
        }
        return "The download failed: " + message(t);
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        return (m == null || m.isBlank() ? t.getClass().getSimpleName() : m).lines().findFirst().orElse("").strip();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The rows' statuses, in order (for tests). */
    List<String> statuses() {
        return rows.stream().map(r -> r.name + ": " + r.status.get()).toList();
    }

    /**
     * Takes the downloader's news on the download thread and hands it to the FX thread in batches: the
     * latest status per file, at most one pending {@link Platform#runLater} at a time.
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
                Platform.runLater(this::flush);
            }
        }

        /** On the FX thread: applies what is pending. */
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
