package org.iceising.app;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Orientation;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.controlsfx.control.StatusBar;
import org.iceising.data.FocusArea;
import org.iceising.model.Lattice;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.app.controls.Figure;
import org.iceising.app.charts.ChartsPane;
import org.iceising.app.simulation.SimulationPane;
import org.iceising.app.simulation.SimulationViewModel;
import org.iceising.app.map.MapPane;
import org.iceising.app.parameters.ParametersView;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.app.season.DataOnDisk;
import org.iceising.app.learn.LearnPane;
import org.iceising.app.download.GetDataDialog;
import org.iceising.app.controls.Exports;
import org.iceising.app.controls.ExportScale;
import org.iceising.app.controls.FigureView;
import org.iceising.app.controls.JobBar;
import org.iceising.app.cells.CellMarks;
import org.iceising.app.classroom.ClassroomPane;
import org.iceising.app.export.Animation;
import org.iceising.app.export.Export;
import org.iceising.app.export.ProgressWindow;
import org.iceising.app.task.Job;
import org.iceising.app.years.YearsPane;
import org.iceising.app.forecast.ForecastPane;
import org.iceising.app.colours.ColoursPane;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The workbench window's content: menus, the period navigator, parameters, the tabs and the status bar. */
public final class WorkbenchView extends BorderPane implements Exports {
    private static final KeyCombination PREVIOUS_PERIOD = new KeyCodeCombination(KeyCode.PAGE_UP);
    private static final KeyCombination NEXT_PERIOD = new KeyCodeCombination(KeyCode.PAGE_DOWN);
    private static final KeyCombination PREVIOUS_DAY = new KeyCodeCombination(KeyCode.LEFT, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination NEXT_DAY = new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination PLAY = new KeyCodeCombination(KeyCode.SPACE);

    private final WorkbenchViewModel vm;
    private final StatusBar status = new StatusBar();
    /** An export's progress and Cancel. */
    final JobBar jobBar = new JobBar();
    final TabPane tabs = new TabPane();
    final Tab workbenchTab;
    public final MapPane mapPane;
    public final SimulationPane simulationPane;
    final Tab chartsTab = new Tab("Season charts");
    final Tab learnTab = new Tab("Learn");
    final Tab classroomTab = new Tab("Classroom");
    final Tab yearsTab = new Tab("Years");
    final Tab forecastTab = new Tab("Forecast");
    final ParametersView parametersView;

    WorkbenchView(WorkbenchViewModel vm) {
        this.vm = vm;
        SeasonViewModel season = vm.season();
        mapPane = new MapPane(vm.map(), season, this, vm.colours(), vm.cells(), this::save);
        simulationPane = new SimulationPane(vm.simulation(), this, vm.colours());
        for (FigureView f : simulationPane.lattices()) {
            CellMarks.attach(f, vm.cells(), () -> vm.simulation().periodDataProperty().get() == null ? null
                    : vm.simulation().periodDataProperty().get().area());
        }
        parametersView = new ParametersView(vm.parameters(), () -> season.periodProperty().get());

        SplitPane split = new SplitPane(mapPane, scrolling(simulationPane));
        split.setDividerPositions(0.34);
        workbenchTab = new Tab("Map & simulation", split);
        // the charts and the Learn view are built when first shown, so that start-up does not wait for them
        chartsTab.setOnSelectionChanged(e -> {
            if (chartsTab.isSelected() && chartsTab.getContent() == null) {
                chartsTab.setContent(scrolling(new ChartsPane(vm.charts(), this::openPeriod, this::exportSeriesCsv)));
            }
        });
        learnTab.setId("tab-learn");
        learnTab.setOnSelectionChanged(e -> {
            if (learnTab.isSelected() && learnTab.getContent() == null) {
                learnTab.setContent(scrolling(new LearnPane(vm.learn(), this::openPeriod)));
            }
        });
        classroomTab.setId("tab-classroom");
        classroomTab.setOnSelectionChanged(e -> {
            if (classroomTab.isSelected() && classroomTab.getContent() == null) {
                classroomTab.setContent(new ClassroomPane(vm.classroom(), this::save));
            }
        });
        yearsTab.setId("tab-years");
        yearsTab.setOnSelectionChanged(e -> {
            if (yearsTab.isSelected() && yearsTab.getContent() == null) {
                yearsTab.setContent(new YearsPane(vm.years(), () -> tabs.getSelectionModel().select(workbenchTab), this::save));
            }
        });
        forecastTab.setId("tab-forecast");
        forecastTab.setOnSelectionChanged(e -> {
            if (forecastTab.isSelected() && forecastTab.getContent() == null) {
                forecastTab.setContent(new ForecastPane(vm.forecast(), this));
            }
        });
        tabs.getTabs().addAll(workbenchTab, chartsTab, forecastTab, yearsTab, learnTab, classroomTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        trackTabs();

        ScrollPane left = new ScrollPane(parametersView);
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.setPrefWidth(350);

        setTop(new VBox(menus(), navigator()));
        setLeft(left);
        // the classroom model has knobs of its own: the study's parameters step aside there
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> setLeft(t == classroomTab ? null : left));
        setCenter(tabs);
        setBottom(status);

        status.setId("status");
        status.textProperty().bind(Bindings.createStringBinding(this::statusText,
                season.errorProperty(), season.catalogueProperty(), season.yearProperty(), vm.map().cursorProperty(), vm.noticeProperty()));
        Tooltip folder = new Tooltip();
        folder.textProperty().bind(Bindings.createStringBinding(() -> season.catalogueProperty().get() == null ? "No data folder open"
                : "Data folder: " + season.catalogueProperty().get().directory().toAbsolutePath(), season.catalogueProperty()));
        status.setTooltip(folder);
        status.progressProperty().bind(Bindings.when(season.loadingProperty()).then(-1.0).otherwise(0.0));
        status.getRightItems().add(jobBar);

        addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
    }

    private String statusText() {
        SeasonViewModel season = vm.season();
        if (!season.errorProperty().get().isEmpty()) {
            return "Error: " + season.errorProperty().get();
        }
        if (!vm.map().cursorProperty().get().isEmpty()) {
            return vm.map().cursorProperty().get();
        }
        if (!vm.noticeProperty().get().isEmpty()) {
            return vm.noticeProperty().get();
        }
        if (season.catalogueProperty().get() == null) {
            return "No data folder open";
        }
        long present = season.seasonDates().stream().filter(season::isPresent).count();
        return "Data folder " + season.catalogueProperty().get().directory().getFileName() + " · " + season.catalogueProperty().get().dates().size()
                + " days with grids · season " + season.yearProperty().get() + ": " + present + " of " + season.seasonDates().size()
                + " period boundaries observed";
    }

    /**
     * Period and day keys work everywhere except where a text field needs the keys itself; Space
     * plays and pauses the simulation on its tab, unless a button or check box has the focus (Space
     * presses it) or a list is open (Space picks in it; a closed list opens with Alt+Down or F4).
     */
    private void keys(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl) {
            return;
        }
        SeasonViewModel season = vm.season();
        if (PLAY.match(e) && tabs.getSelectionModel().getSelectedItem() == workbenchTab
                && !(e.getTarget() instanceof ButtonBase) && !(e.getTarget() instanceof ComboBoxBase<?> c && c.isShowing())) {
            vm.simulation().togglePlay();
        } else if (e.getCode() == KeyCode.ESCAPE && !vm.cells().cells().isEmpty()) {
            vm.cells().clear();
        } else if (PREVIOUS_PERIOD.match(e)) {
            season.previousPeriod();
        } else if (NEXT_PERIOD.match(e)) {
            season.nextPeriod();
        } else if (PREVIOUS_DAY.match(e)) {
            season.previousDay();
        } else if (NEXT_DAY.match(e)) {
            season.nextDay();
        } else {
            return;
        }
        e.consume();
    }

    private MenuBar menus() {
        MenuItem open = new MenuItem("Open data folder…");
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> openFolder());
        MenuItem series = new MenuItem("Export season CSV…");
        series.setOnAction(e -> exportSeriesCsv());
        MenuItem simulated = new MenuItem("Export simulated lattice CSV…");
        simulated.setOnAction(e -> latticeCsv(vm.simulation().simulatedProperty().get(), "simulated lattice"));
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> getScene().getWindow().hide());
        MenuItem getData = new MenuItem("Get data from NASA Earthdata…");
        getData.setOnAction(e -> getData());
        MenuItem onDisk = new MenuItem("Data on disk…");
        onDisk.setOnAction(e -> DataOnDisk.show(window(), DataOnDisk.describe(vm.season().catalogueProperty().get(),
                vm.season().yearProperty().get(), LocalDate.now())));
        MenuItem saveSession = item("Save session…", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                this::saveSession);
        MenuItem openSession = item("Open session…", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                this::openSession);
        Menu animation = new Menu("Export animation", null,
                item("Period as animated GIF…", null, () -> exportAnimation(false, Animation.Format.GIF)),
                item("Period as PNG frames…", null, () -> exportAnimation(false, Animation.Format.PNG_FRAMES)),
                item("Season as animated GIF…", null, () -> exportAnimation(true, Animation.Format.GIF)),
                item("Season as PNG frames…", null, () -> exportAnimation(true, Animation.Format.PNG_FRAMES)));
        animation.setId("menu-export-animation");
        Menu file = new Menu("File", null, open, getData, onDisk, new SeparatorMenuItem(), openSession, saveSession,
                new SeparatorMenuItem(), series, simulated, animation, new SeparatorMenuItem(), quit);

        Menu navigate = new Menu("Navigate", null,
                item("Previous period", PREVIOUS_PERIOD, () -> vm.season().previousPeriod()),
                item("Next period", NEXT_PERIOD, () -> vm.season().nextPeriod()),
                item("Previous day with data", PREVIOUS_DAY, () -> vm.season().previousDay()),
                item("Next day with data", NEXT_DAY, () -> vm.season().nextDay()),
                item("Study focus area", null, () -> vm.season().focusAreaProperty().set(FocusArea.STUDY)));

        SimulationViewModel sim = vm.simulation();
        CheckMenuItem loop = new CheckMenuItem("Loop the period");
        loop.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
        loop.selectedProperty().bindBidirectional(sim.loopProperty());
        CheckMenuItem through = new CheckMenuItem("Play on through the season");
        through.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN));
        through.selectedProperty().bindBidirectional(sim.throughSeasonProperty());
        Menu simulation = new Menu("Simulation", null,
                item("Play / Pause", new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), sim::togglePlay),
                item("Step one day", new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), sim::stepDay),
                item("Step back one day", new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN), sim::stepBack),
                item("Reset to the observed start", new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), sim::reset),
                loop, through, new SeparatorMenuItem(),
                item("Run season", null, () -> vm.charts().runSeason()));
        Menu view = new Menu("View", null, item("Colour tables…", new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), this::colourTables));
        return new MenuBar(file, navigate, simulation, view);
    }

    private static MenuItem item(String text, KeyCombination keys, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (keys != null) {
            m.setAccelerator(keys);
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private ToolBar navigator() {
        SeasonViewModel season = vm.season();
        ComboBox<Integer> years = new ComboBox<>(season.years());
        years.setId("years");
        years.valueProperty().bindBidirectional(season.yearProperty());
        years.setTooltip(new Tooltip("The study's season of a year: 16 June to 1 January"));

        ComboBox<SemiMonthlyPeriod> periods = new ComboBox<>(season.periods());
        periods.setId("periods");
        periods.valueProperty().bindBidirectional(season.periodProperty());
        periods.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(SemiMonthlyPeriod p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : season.describe(p));
                setStyle(!empty && p != null && !(season.isPresent(p.start()) && season.isPresent(p.end())) ? "-fx-text-fill: #8a4b00;" : "");
            }
        });
        periods.setButtonCell(periods.getCellFactory().call(null));
        periods.setPrefWidth(250);
        Button prevPeriod = button("◀", "Previous period (Page Up)", season::previousPeriod);
        prevPeriod.setId("previous-period");
        Button nextPeriod = button("▶", "Next period (Page Down)", season::nextPeriod);
        nextPeriod.setId("next-period");

        ComboBox<LocalDate> days = new ComboBox<>(season.days());
        days.setId("days");
        days.valueProperty().bindBidirectional(season.dayProperty());
        days.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(LocalDate d, boolean empty) {
                super.updateItem(d, empty);
                boolean missing = !empty && d != null && !season.isPresent(d);
                setText(empty || d == null ? null : d + (missing ? "  (missing)" : ""));
                setDisable(missing);
                setStyle(missing ? "-fx-text-fill: #999999; -fx-font-style: italic;" : "");
            }
        });
        days.setButtonCell(days.getCellFactory().call(null));
        days.setPrefWidth(170);
        Button prevDay = button("◀", "Previous day with data (Ctrl+Left)", season::previousDay);
        Button nextDay = button("▶", "Next day with data (Ctrl+Right)", season::nextDay);

        Label focus = new Label();
        focus.setId("focus-label");
        focus.textProperty().bind(Bindings.createStringBinding(() -> {
            FocusArea a = season.focusAreaProperty().get();
            SeasonViewModel.PeriodData d = season.periodDataProperty().get();
            String active = d == null || d.start() == null ? "" : ", " + d.start().activeCount() + " ocean";
            return "Focus " + a + " (" + a.rows() + " × " + a.cols() + active + ")";
        }, season.focusAreaProperty(), season.periodDataProperty()));
        // the focus text takes the room left and gives way first when the window is narrow (its tooltip keeps it whole);
        // a small preferred width keeps the tool bar from moving items into its overflow menu
        focus.setMinWidth(60);
        focus.setPrefWidth(150);
        focus.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(focus, Priority.ALWAYS);
        Tooltip focusTip = new Tooltip();
        focusTip.textProperty().bind(focus.textProperty());
        focus.setTooltip(focusTip);
        Button study = button("Study area", "Back to the study's 60 × 60 area (rows 180..239, columns 80..139)",
                () -> season.focusAreaProperty().set(FocusArea.STUDY));

        ToolBar bar = new ToolBar(new Label("Season"), years, new Separator(Orientation.VERTICAL),
                new Label("Period"), prevPeriod, periods, nextPeriod, new Separator(Orientation.VERTICAL),
                new Label("Day"), prevDay, days, nextDay, new Separator(Orientation.VERTICAL), focus, study);
        bar.getItems().forEach(n -> {
            n.setFocusTraversable(n instanceof ComboBox);
            if (n instanceof Region r && n != focus) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        });
        return bar;
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Opens a period from the charts and shows the map and simulation. */
    private void openPeriod(SemiMonthlyPeriod p) {
        vm.season().periodProperty().set(p);
        tabs.getSelectionModel().select(workbenchTab);
    }

    /** A pane that fills the space it is given and scrolls, rather than being cut off, when that is less than it needs. */
    private static ScrollPane scrolling(Region content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        s.setFitToHeight(true);
        return s;
    }

    private Window window() {
        return getScene().getWindow();
    }

    private GetDataDialog getDataDialog;

    /** Shows the Get Data dialog, made when first asked for and kept (with what it last fetched) while the window lives. */
    public GetDataDialog getData() {
        if (getDataDialog == null) {
            getDataDialog = new GetDataDialog(window(), vm.getData());
        }
        getDataDialog.show();
        return getDataDialog;
    }

    private void openFolder() {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("Open a folder of NSIDC daily grids");
        File dir = c.showDialog(window());
        if (dir != null) {
            vm.openFolder(dir.toPath());
        }
    }

    private Path choose(String title, String fileName, String description, String pattern) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.setInitialFileName(fileName);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        File f = c.showSaveDialog(window());
        return f == null ? null : f.toPath();
    }

    /** A file name from a figure's title: letters, digits, dots and dashes. */
    public static String fileName(String title, String extension) {
        String base = title.replaceAll("[^A-Za-z0-9.-]+", "_").replaceAll("^_+|_+$", "");
        return (base.isEmpty() ? "iceising" : base) + "." + extension;
    }

    @Override
    public void png(Figure.Content figure, ExportScale scale, Figure.Overlay overlay) {
        String suffix = scale == ExportScale.SCREEN ? "" : "-" + scale.factor() + "x";
        Path file = choose("Export figure as PNG (" + scale + ")", fileName(figure.title() + suffix, "png"), "PNG image (*.png)", "*.png");
        if (file != null) {
            jobBar.show(vm.exportPng(figure, file, scale, overlay));
        }
    }

    @Override
    public void latticeCsv(Lattice lattice, String what) {
        if (lattice == null) {
            new Alert(Alert.AlertType.INFORMATION, "There is no lattice to export: " + what + " has no data.").showAndWait();
            return;
        }
        Path file = choose("Export " + what + " as CSV", fileName(what, "csv"), "CSV (*.csv)", "*.csv");
        if (file != null) {
            vm.exportLatticeCsv(lattice, file);
        }
    }

    private void exportSeriesCsv() {
        Path file = choose("Export the season's coverage and extent", "season-" + vm.season().yearProperty().get() + ".csv", "CSV (*.csv)", "*.csv");
        if (file != null) {
            vm.exportSeriesCsv(file);
        }
    }

    private Stage colourTables;

    /** Shows the colour table picker, one window kept while the workbench lives, and returns it. */
    Stage colourTables() {
        if (colourTables == null) {
            colourTables = new Stage();
            colourTables.initOwner(window());
            colourTables.setTitle("Colour tables");
            colourTables.setScene(new Scene(new ColoursPane(vm.colours())));
        }
        colourTables.show();
        colourTables.toFront();
        return colourTables;
    }

    private void saveSession() {
        Path file = choose("Save the session", "iceising-session.json", "Session (*.json)", "*.json");
        if (file != null) {
            vm.session().save(file);
        }
    }

    private void openSession() {
        FileChooser c = new FileChooser();
        c.setTitle("Open a session");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Session (*.json)", "*.json"));
        File f = c.showOpenDialog(window());
        if (f != null) {
            vm.session().open(f.toPath());
        }
    }

    /** The session follows the tab shown, and a reopened session shows its tab. */
    private void trackTabs() {
        StringProperty tab = vm.session().tabProperty();
        tab.set(tabs.getSelectionModel().getSelectedItem().getText());
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> tab.set(t == null ? null : t.getText()));
        tab.addListener((o, a, title) -> tabs.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t)));
    }

    /**
     * Asks where to write the animation of the period shown or of the season, then exports it in
     * the background with a progress window (Cancel stops it and leaves nothing written).
     */
    private void exportAnimation(boolean season, Animation.Format format) {
        if (!vm.animation().canExport()) {
            new Alert(Alert.AlertType.INFORMATION, "There is nothing to animate: open a data folder with a season first.").showAndWait();
            return;
        }
        SemiMonthlyPeriod p = vm.season().periodProperty().get();
        String base = season ? "season-" + vm.season().yearProperty().get() : "period-" + p.start();
        Path file = format == Animation.Format.GIF
                ? choose("Export the animation as GIF", base + ".gif", "Animated GIF (*.gif)", "*.gif")
                : choose("Export the animation as PNG frames: the name of a new folder", base + "-frames",
                        "Folder of numbered PNG frames", "*");
        if (file != null) {
            exportAnimation(season, format, file);
        }
    }

    /** Exports the animation to {@code file} and shows its progress; returns the job, or null if none started. */
    Job<Integer> exportAnimation(boolean season, Animation.Format format, Path file) {
        Job<Integer> job = vm.animation().start(season, format, file);
        if (job != null) {
            ProgressWindow.show(window(), job);
        }
        return job;
    }

    /** Asks where to write an export and writes it in the background. */
    @Override
    public void save(Export export) {
        Path file = choose(export.title(), export.fileName(), export.description(), export.pattern());
        if (file != null) {
            vm.save(export, file);
        }
    }
}
