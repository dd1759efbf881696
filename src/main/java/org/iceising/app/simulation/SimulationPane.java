package org.iceising.app.simulation;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Slider;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.SVGPath;
import javafx.util.StringConverter;
import org.iceising.model.Lattice;
import org.iceising.app.controls.Figure;
import org.iceising.app.controls.ExportScale;
import org.iceising.app.controls.FigureView;
import org.iceising.learn.report.ColourScale;
import org.iceising.app.colours.ColoursViewModel;
import org.iceising.app.colours.ColoursViewModel.Role;
import org.iceising.app.map.Raster;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.app.controls.Exports;

/**
 * The live simulation beside the observations: observed start, simulated now and observed end in
 * the first row; the observation of the simulated day and the two difference maps (the study's
 * Figure 5) in the second. Play / Pause / Step day / Reset and the speed sit above.
 */
public final class SimulationPane extends VBox {
    private static final List<Double> SPEEDS = List.of(0.5, 1.0, 2.0, 4.0, 8.0, 15.0, 30.0, 60.0);

    private final SimulationViewModel vm;
    private Lattice shownToday;
    private LocalDate shownTodayDate;
    final FigureView observedStart = figure("figure-observed-start");
    private final ColoursViewModel colours;
    public final FigureView simulated = figure("figure-simulated");
    public final FigureView observedEnd = figure("figure-observed-end");
    final FigureView observedToday = figure("figure-observed-today");
    final FigureView difference = figure("figure-difference");
    public final FigureView absoluteDifference = figure("figure-absolute-difference");

    public SimulationPane(SimulationViewModel vm, Exports exports, ColoursViewModel colours) {
        this.vm = vm;
        this.colours = colours;
        setSpacing(6);
        setPadding(new Insets(6));

        Button play = new Button("_Play", icon("M0,0 L10,6 L0,12 Z"));
        play.setId("play");
        play.setOnAction(e -> vm.play());
        play.disableProperty().bind(vm.readyProperty().not().or(vm.playingProperty()));
        play.setTooltip(new Tooltip("Play from the day shown; at the period's end, from its start again (Space, Ctrl+P, Alt+P)"));
        Button pause = new Button("Pa_use", icon("M0,0 H3.5 V12 H0 Z M6.5,0 H10 V12 H6.5 Z"));
        pause.setId("pause");
        pause.setOnAction(e -> vm.pause());
        pause.disableProperty().bind(vm.playingProperty().not());
        pause.setTooltip(new Tooltip("Pause where it is (Space, Ctrl+P, Alt+U)"));
        Button back = new Button("Step _back", icon("M3,0 L11,6 L3,12 Z M0,0 H2.5 V12 H0 Z"));
        back.setId("step-back");
        back.setOnAction(e -> vm.stepBack());
        back.disableProperty().bind(vm.readyProperty().not().or(vm.stepsDoneProperty().isEqualTo(0)));
        back.setTooltip(new Tooltip("Back one day: the kept lattice of that day, at once (Ctrl+B, Alt+B)"));
        Button step = new Button("Step _day", icon("M0,0 L8,6 L0,12 Z M8.5,0 H11 V12 H8.5 Z"));
        step.setId("step");
        step.setOnAction(e -> vm.stepDay());
        step.disableProperty().bind(vm.readyProperty().not().or(vm.finishedProperty()));
        step.setTooltip(new Tooltip("On one day: a kept day at once, else the chain runs to the day's end (Ctrl+D, Alt+D)"));
        Button reset = new Button("_Reset", icon("M0,0 H2.5 V12 H0 Z M11,0 L3,6 L11,12 Z"));
        reset.setId("reset");
        reset.setOnAction(e -> vm.reset());
        reset.disableProperty().bind(vm.readyProperty().not());
        reset.setTooltip(new Tooltip("Back to the observed start with the current parameters; the kept days are dropped (Ctrl+R, Alt+R)"));
        ComboBox<Double> speed = new ComboBox<>();
        speed.setId("speed");
        speed.getItems().setAll(SPEEDS);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double d) {
                return d == null ? "" : Figure.tickLabel(d) + (d == 1 ? " day/s" : " days/s");
            }

            @Override
            public Double fromString(String s) {
                return Double.parseDouble(s.replaceAll("[^0-9.]", ""));
            }
        });
        speed.setValue(vm.speedProperty().get());
        speed.valueProperty().addListener((o, a, b) -> vm.speedProperty().set(b));
        speed.setTooltip(new Tooltip("Simulated days per second while playing"));
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(160);
        progress.progressProperty().bind(Bindings.createDoubleBinding(
                () -> vm.totalStepsProperty().get() == 0 ? 0 : (double) vm.stepsDoneProperty().get() / vm.totalStepsProperty().get(),
                vm.stepsDoneProperty(), vm.totalStepsProperty()));
        Label status = new Label();
        status.setId("simulation-status");
        status.textProperty().bind(vm.statusProperty());
        Label speedLabel = new Label("Speed");
        HBox speedBox = new HBox(6, speedLabel, speed, progress);
        speedBox.setAlignment(Pos.CENTER_LEFT);
        // in a narrow pane the buttons wrap onto a second line rather than pushing the panels out of view
        FlowPane buttons = new FlowPane(6, 4, play, pause, back, step, reset, speedBox);
        buttons.setAlignment(Pos.CENTER_LEFT);
        for (Region r : List.of(play, pause, back, step, reset, speedLabel, speed, progress)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        VBox controls = new VBox(4, buttons, tape(), status);

        GridPane grid = new GridPane();
        grid.setHgap(4);
        grid.setVgap(4);
        for (int k = 0; k < 3; k++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100 / 3.0);
            grid.getColumnConstraints().add(c);
        }
        for (int k = 0; k < 2; k++) {
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            grid.getRowConstraints().add(r);
        }
        grid.addRow(0, observedStart, simulated, observedEnd);
        grid.addRow(1, observedToday, difference, absoluteDifference);
        VBox.setVgrow(grid, Priority.ALWAYS);
        StackPane chartSlot = new StackPane();
        chartSlot.setPrefHeight(220);
        chartSlot.setMinHeight(160);
        getChildren().addAll(controls, grid, chartSlot);
        // JFreeChart brings up Java2D's fonts: build the chart just after the window first shows
        Platform.runLater(() -> {
            TrajectoryChart chart = new TrajectoryChart(vm);
            chart.setId("trajectory-chart");
            chartSlot.getChildren().add(chart);
        });

        menu(observedStart, exports, () -> data() == null ? null : data().start());
        menu(simulated, exports, () -> vm.simulatedProperty().get());
        menu(observedEnd, exports, () -> data() == null ? null : data().end());
        menu(observedToday, exports, () -> vm.observedTodayProperty().get());
        menu(difference, exports, null);
        menu(absoluteDifference, exports, null);

        vm.periodDataProperty().addListener((o, a, b) -> showObserved());
        vm.frameProperty().addListener((o, a, b) -> showSimulated());
        colours.observables()[0].addListener(o -> showObserved());
        for (javafx.beans.Observable o : colours.observables()) {
            o.addListener(x -> showSimulated());
        }
        showObserved();
        showSimulated();
    }

    /** The scrub bar over the period's days, with loop and play-through-the-season below it. */
    private VBox tape() {
        Slider scrub = new Slider(0, 15, 0);
        scrub.setId("scrub");
        scrub.setMajorTickUnit(5);
        scrub.setMinorTickCount(4);
        scrub.setBlockIncrement(1);
        scrub.setSnapToTicks(true);
        scrub.setShowTickMarks(true);
        scrub.setShowTickLabels(true);
        scrub.setPrefWidth(300);
        scrub.disableProperty().bind(vm.readyProperty().not());
        scrub.setTooltip(new Tooltip("The day shown: drag, or focus it and use ← →, Home, End. Days the chain has run show at once;"
                + " a later day is run to"));
        // the bar follows the view-model; only the user's moves seek
        boolean[] following = new boolean[1];
        vm.periodDaysProperty().addListener((o, a, d) -> {
            following[0] = true;
            scrub.setMax(Math.max(1, d.intValue()));
            following[0] = false;
        });
        vm.daysDoneProperty().addListener((o, a, d) -> {
            following[0] = true;
            scrub.setValue(d.intValue());
            following[0] = false;
        });
        scrub.valueProperty().addListener((o, a, v) -> {
            if (!following[0] && Math.round(v.doubleValue()) != vm.daysDoneProperty().get()) {
                vm.seek((int) Math.round(v.doubleValue()));
            }
        });
        Label day = new Label();
        day.setId("scrub-label");
        day.setMinWidth(Region.USE_PREF_SIZE);
        day.textProperty().bind(Bindings.createStringBinding(() -> "Day " + vm.daysDoneProperty().get() + " of " + vm.periodDaysProperty().get()
                        + " · 0–" + vm.recordedDaysProperty().get() + " kept",
                vm.daysDoneProperty(), vm.periodDaysProperty(), vm.recordedDaysProperty()));
        CheckBox loop = new CheckBox("_Loop");
        loop.setId("loop");
        loop.selectedProperty().bindBidirectional(vm.loopProperty());
        loop.setTooltip(new Tooltip("At the period's end, play it again from its start (Ctrl+L, Alt+L)"));
        CheckBox through = new CheckBox("On through the _season");
        through.setId("through-season");
        through.selectedProperty().bindBidirectional(vm.throughSeasonProperty());
        through.setTooltip(new Tooltip("At the period's end, go on to the next period, each with its own parameters as Run season gives them:"
                + " its predicted ones, else the knobs' for its regime, else its regime's centre (Ctrl+T, Alt+S)"));
        for (CheckBox c : new CheckBox[] {loop, through}) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox.setHgrow(scrub, Priority.ALWAYS);
        scrub.setMinWidth(120);
        // the bar and its day on one line, the two ways to go on below: both fit the narrow pane of a 1280-wide window
        HBox bar = new HBox(8, scrub, day);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox onward = new HBox(12, loop, through);
        onward.setAlignment(Pos.CENTER_LEFT);
        return new VBox(2, bar, onward);
    }

    /** The six lattice panels, all of the period's focus area. */
    public List<FigureView> lattices() {
        return List.of(observedStart, simulated, observedEnd, observedToday, difference, absoluteDifference);
    }

    private static SVGPath icon(String path) {
        SVGPath p = new SVGPath();
        p.setContent(path);
        p.setFill(Color.gray(0.2));
        return p;
    }

    private SeasonViewModel.PeriodData data() {
        return vm.periodDataProperty().get();
    }

    private static FigureView figure(String id) {
        FigureView f = new FigureView(250, 230);
        f.setId(id);
        return f;
    }

    private static void menu(FigureView f, Exports exports, Supplier<Lattice> lattice) {
        ContextMenu menu = new ContextMenu();
        menu.getItems().setAll(ExportScale.menuItems("Export PNG", scale -> exports.png(f.getContent(), scale, f.overlayProperty().get())));
        if (lattice != null) {
            MenuItem csv = new MenuItem("Export lattice CSV…");
            csv.setOnAction(e -> exports.latticeCsv(lattice.get(), f.getContent().title()));
            menu.getItems().add(csv);
        }
        f.setOnContextMenuRequested(e -> menu.show(f, e.getScreenX(), e.getScreenY()));
    }

    private void showObserved() {
        SeasonViewModel.PeriodData d = data();
        if (d == null) {
            observedStart.setContent(lattice("Observed start", null, "No period loaded"));
            observedEnd.setContent(lattice("Observed end", null, "No period loaded"));
            return;
        }
        LocalDate s = d.period().start();
        LocalDate e = d.period().end();
        observedStart.setContent(lattice("Observed start · " + s, d.start(), missing(s)));
        observedEnd.setContent(lattice("Observed end · " + e, d.end(), missing(e)));
    }

    private static String missing(LocalDate d) {
        return "No observation on " + d + ": no file in the data folder";
    }

    private void showSimulated() {
        SeasonViewModel.PeriodData d = data();
        Lattice sim = vm.simulatedProperty().get();
        LocalDate date = vm.simulatedDate();
        int days = d == null ? 0 : d.period().days();
        simulated.setContent(lattice(date == null ? "Simulated" : "Simulated · " + date + " (day " + vm.daysDoneProperty().get() + " of " + days + ")",
                sim, vm.statusProperty().get()));
        Lattice today = vm.observedTodayProperty().get();
        if (today != shownToday || date == null || !date.equals(shownTodayDate)) {
            shownToday = today;
            shownTodayDate = date;
            observedToday.setContent(lattice(date == null ? "Observed on the simulated day" : "Observed · " + date,
                    today, date == null ? "" : missing(date)));
        }
        double[] diff = vm.differenceProperty().get();
        String why = d == null ? "" : d.end() == null ? "No observed end (" + d.period().end() + " has no file): nothing to compare" : vm.statusProperty().get();
        if (diff == null || sim == null) {
            difference.setContent(new Figure.Content("Simulated − observed end", null, colours.scale(Role.DIFFERENCE, null), Raster.LATTICE_LEGEND, why));
            absoluteDifference.setContent(new Figure.Content("|Simulated − observed end|", null, colours.scale(Role.ABSOLUTE_DIFFERENCE, null),
                    Raster.LATTICE_LEGEND, why));
            return;
        }
        double[] abs = new double[diff.length];
        for (int i = 0; i < diff.length; i++) {
            abs[i] = Math.abs(diff[i]);
        }
        ColourScale signed = colours.scale(Role.DIFFERENCE, diff);
        ColourScale absolute = colours.scale(Role.ABSOLUTE_DIFFERENCE, abs);
        difference.setContent(new Figure.Content("Simulated − observed end (water fraction)",
                Raster.image(diff, sim.rows(), sim.cols(), signed), signed, Raster.LATTICE_LEGEND, ""));
        absoluteDifference.setContent(new Figure.Content(
                String.format(Locale.ROOT, "|Simulated − observed end| · distance %.4f", vm.distanceProperty().get()),
                Raster.image(abs, sim.rows(), sim.cols(), absolute), absolute, Raster.LATTICE_LEGEND, ""));
    }

    private Figure.Content lattice(String title, Lattice l, String message) {
        double[] c = l == null ? null : l.concentrations();
        ColourScale scale = colours.scale(Role.CONCENTRATION, c);
        return new Figure.Content(title, l == null ? null : Raster.image(c, l.rows(), l.cols(), scale), scale, Raster.LATTICE_LEGEND, message);
    }
}
