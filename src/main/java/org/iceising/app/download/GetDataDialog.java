package org.iceising.app.download;

import java.io.File;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
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
import org.iceising.data.download.NsidcProduct;

/**
 * File → Get data from NASA Earthdata: the window over a {@link GetDataViewModel} — a product, a date
 * range, the credentials, a destination (the folder the workbench has open), the mirrors; a total
 * progress bar, one row per file, a one-line summary and one red error line.
 */
public final class GetDataDialog {
    private final Stage stage = new Stage();
    private final GetDataViewModel vm;
    final ComboBox<NsidcProduct> product = new ComboBox<>(FXCollections.observableArrayList(NsidcProduct.values()));
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final RadioButton useToken = new RadioButton("Token");
    final RadioButton useEnvironment = new RadioButton("Use ~/.netrc or EARTHDATA_TOKEN");
    final PasswordField token = new PasswordField();
    final TextField destination = new TextField();
    final TextField cmrUrl = new TextField();
    final TextField loginUrl = new TextField();
    final Button fetch = new Button("Fetch");
    final Button cancel = new Button("Cancel");
    final ProgressBar progress = new ProgressBar(0);
    final Label progressText = new Label();
    final TableView<GetDataViewModel.Row> table = new TableView<>();
    final Label summary = new Label();
    final Label error = new Label();

    /**
     * @param owner the workbench window
     * @param vm    the form's state and the download
     */
    public GetDataDialog(Window owner, GetDataViewModel vm) {
        this.vm = vm;
        stage.initOwner(owner);
        stage.setTitle("Get data from NASA Earthdata");

        product.setId("getdata-product");
        product.valueProperty().bindBidirectional(vm.productProperty());
        from.setId("getdata-from");
        to.setId("getdata-to");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        to.valueProperty().bindBidirectional(vm.toProperty());
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
        useToken.setSelected(vm.useTokenProperty().get());
        useEnvironment.setSelected(!vm.useTokenProperty().get());
        useToken.selectedProperty().bindBidirectional(vm.useTokenProperty());
        token.setId("getdata-token");
        token.setPromptText("Earthdata Login bearer token");
        token.textProperty().bindBidirectional(vm.tokenProperty());
        token.disableProperty().bind(useToken.selectedProperty().not());
        // typing a token chooses it
        token.setOnKeyTyped(e -> useToken.setSelected(true));
        destination.setId("getdata-destination");
        destination.textProperty().bindBidirectional(vm.destinationProperty());
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> chooseFolder());
        cmrUrl.setId("getdata-cmr");
        loginUrl.setId("getdata-login");
        cmrUrl.textProperty().bindBidirectional(vm.cmrUrlProperty());
        loginUrl.textProperty().bindBidirectional(vm.loginUrlProperty());

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
        fetch.setOnAction(e -> vm.fetch());
        fetch.disableProperty().bind(vm.invalidProperty().isNotEmpty().or(vm.busyProperty()));
        cancel.setId("getdata-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.busyProperty().not());
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, fetch, cancel, gap, close);

        progress.setId("getdata-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.progressProperty());
        progressText.setId("getdata-progress-text");
        progressText.textProperty().bind(vm.progressTextProperty());
        // a retry's line names the server's answer: it wraps rather than being cut
        progressText.setWrapText(true);
        table.setId("getdata-files");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("No files yet"));
        TableColumn<GetDataViewModel.Row, String> name = new TableColumn<>("File");
        name.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().name()));
        name.setPrefWidth(330);
        TableColumn<GetDataViewModel.Row, String> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> c.getValue().statusProperty());
        status.setPrefWidth(260);
        table.getColumns().add(name);
        table.getColumns().add(status);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(220);
        // the table gives way when "Advanced" opens; the bar and the lines under it keep their height
        table.setMinHeight(90);
        VBox.setVgrow(table, Priority.ALWAYS);
        summary.setId("getdata-summary");
        summary.textProperty().bind(vm.summaryProperty());
        summary.setWrapText(true);
        error.setId("getdata-error");
        error.textProperty().bind(vm.errorProperty());
        error.setStyle("-fx-text-fill: #c62828;");
        error.setWrapText(true);
        for (Region r : new Region[] {form, advanced, buttons, progress, progressText, summary, error}) {
            r.setMinHeight(Region.USE_PREF_SIZE);
        }

        VBox root = new VBox(10, form, advanced, buttons, progress, progressText, table, summary, error);
        root.setPadding(new Insets(12));
        stage.setScene(new Scene(root, 680, 620));
    }

    public Stage stage() {
        return stage;
    }

    public GetDataViewModel viewModel() {
        return vm;
    }

    public void show() {
        stage.show();
        stage.toFront();
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
}
