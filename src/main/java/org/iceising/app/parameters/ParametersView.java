package org.iceising.app.parameters;

import java.io.File;
import java.io.IOException;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.Property;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.app.controls.NumberField;
import org.iceising.app.controls.Numbers;
import org.iceising.app.controls.Figure;

/** Sliders with numeric fields for the model's knobs, presets and reset; all state lives in the view-model. */
public final class ParametersView extends VBox {
    private final ParametersViewModel vm;
    private final Supplier<SemiMonthlyPeriod> period;
    /** Why a field shows other than what was typed: the last field's word. */
    private final Label fieldNote = new Label();

    public ParametersView(ParametersViewModel vm, Supplier<SemiMonthlyPeriod> period) {
        this.vm = vm;
        this.period = period;
        setSpacing(6);
        setPadding(new Insets(6));
        setPrefWidth(330);

        GridPane model = grid();
        int row = 0;
        for (ParametersViewModel.Knob k : ParametersViewModel.MODEL_KNOBS) {
            knob(model, row++, k, vm.property(k));
        }
        TitledPane modelPane = new TitledPane("Ising parameters", new VBox(6, model, perPeriod()));
        modelPane.setCollapsible(false);

        GridPane run = grid();
        knob(run, 0, ParametersViewModel.T, vm.temperatureProperty());
        steps(run, 1, vm.stepsPer3600Property());
        seed(run, 2, vm.seedProperty());
        fieldNote.setId("field-note");
        fieldNote.setWrapText(true);
        fieldNote.setStyle("-fx-text-fill: #b35c00; -fx-font-size: 11px;");
        fieldNote.setMinHeight(Region.USE_PREF_SIZE);
        fieldNote.managedProperty().bind(fieldNote.textProperty().isNotEmpty());
        TitledPane runPane = new TitledPane("Simulation", new VBox(6, run, fieldNote));
        runPane.setCollapsible(false);

        getChildren().addAll(modelPane, runPane, presets(), bounds());
    }

    /** A line shown while periods have their own (predicted) parameters, with a button to forget them. */
    private HBox perPeriod() {
        Label text = new Label();
        text.setId("per-period-note");
        text.setWrapText(true);
        text.setStyle("-fx-font-size: 11px;");
        text.textProperty().bind(Bindings.createStringBinding(() -> vm.perPeriod().size()
                + " periods have predicted parameters: choosing one puts its own here, and Run season uses them.", vm.perPeriod()));
        Button forget = new Button("Forget");
        forget.setTooltip(new Tooltip("Simulate every period with the values above again"));
        forget.setOnAction(e -> vm.perPeriod().clear());
        forget.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(6, text, forget);
        box.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(text, Priority.ALWAYS);
        box.visibleProperty().bind(Bindings.isNotEmpty(vm.perPeriod()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(4);
        ColumnConstraints label = new ColumnConstraints(34);
        ColumnConstraints slider = new ColumnConstraints(120, 170, Double.MAX_VALUE);
        slider.setHgrow(Priority.ALWAYS);
        ColumnConstraints field = new ColumnConstraints(78);
        g.getColumnConstraints().addAll(label, slider, field);
        return g;
    }

    private void knob(GridPane g, int row, ParametersViewModel.Knob k, DoubleProperty p) {
        Label label = new Label(k.symbol());
        Slider slider = new Slider(k.min(), k.max(), p.get());
        slider.setId("slider-" + k.symbol());
        slider.valueProperty().bindBidirectional(p);
        TextField field = numberField("field-" + k.symbol(), k.symbol(), Figure.tickLabel(k.min()) + " … " + Figure.tickLabel(k.max()),
                Numbers.decimal(), p);
        tooltip(k.symbol() + ": " + k.description() + " (" + Figure.tickLabel(k.min()) + " … " + Figure.tickLabel(k.max()) + ")",
                label, slider, field);
        g.addRow(row, label, slider, field);
    }

    private void steps(GridPane g, int row, LongProperty steps) {
        Label label = new Label("Steps");
        // a logarithmic slider: 10^3 … 10^6 steps per 3,600 cells
        Slider slider = new Slider(Math.log10(ParametersViewModel.MIN_STEPS), Math.log10(ParametersViewModel.MAX_STEPS), Math.log10(steps.get()));
        slider.setId("slider-steps");
        boolean[] guard = {false};
        slider.valueProperty().addListener((o, a, b) -> {
            if (!guard[0]) {
                guard[0] = true;
                steps.set(Math.round(Math.pow(10, b.doubleValue()) / 100.0) * 100);
                guard[0] = false;
            }
        });
        steps.addListener((o, a, b) -> {
            if (!guard[0]) {
                guard[0] = true;
                slider.setValue(Math.log10(b.longValue()));
                guard[0] = false;
            }
        });
        TextField field = numberField("field-steps", "Steps", String.format(Locale.ROOT, "%,d … %,d", ParametersViewModel.MIN_STEPS,
                ParametersViewModel.MAX_STEPS), Numbers.integer(), steps);
        tooltip("Metropolis steps per period for 3,600 active cells (the study: 50,000 for its 60 × 60 area),"
                + " scaled by the focus area's active cells. Changing it restarts the period.", label, slider, field);
        g.addRow(row, label, slider, field);
    }

    /** A field that edits {@code value} and shows the value in use; why it differs from what was typed goes under the knobs. */
    private TextField numberField(String id, String name, String range, StringConverter<Number> converter, Property<Number> value) {
        NumberField field = new NumberField(id, name, range, converter, value);
        field.noteProperty().addListener((o, a, b) -> fieldNote.setText(b));
        return field;
    }

    /** One tooltip shared by the controls of a row. */
    private static void tooltip(String text, Control... controls) {
        Tooltip tip = new Tooltip(text);
        for (Control c : controls) {
            c.setTooltip(tip);
        }
    }

    private void seed(GridPane g, int row, LongProperty seed) {
        Label label = new Label("Seed");
        TextField field = numberField("field-seed", "Seed", null, Numbers.integer(), seed);
        Button dice = new Button("New seed");
        dice.setMaxWidth(Double.MAX_VALUE);
        SplittableRandom random = new SplittableRandom();
        dice.setOnAction(e -> seed.set(random.nextInt(1, 1_000_000)));
        tooltip("Master seed of the random numbers; the same seed and settings give the same simulation."
                + " Changing it restarts the period.", label, field);
        g.addRow(row, label, dice, field);
    }

    private TitledPane presets() {
        ComboBox<Preset> box = new ComboBox<>(vm.presets());
        box.setId("presets");
        box.setMaxWidth(Double.MAX_VALUE);
        box.valueProperty().bindBidirectional(vm.selectedPresetProperty());
        box.setOnAction(e -> {
            if (box.getValue() != null) {
                vm.apply(box.getValue());
            }
        });
        Button save = new Button("Save…");
        save.setOnAction(e -> save());
        Button load = new Button("Load…");
        load.setOnAction(e -> load());
        Button reset = new Button("Reset");
        reset.setId("reset-parameters");
        reset.setTooltip(new Tooltip("T = 1, 50,000 steps, seed 1 and the centre of the study's bounds for this period's regime"));
        reset.setOnAction(e -> vm.reset(period.get()));
        HBox buttons = new HBox(6, save, load, reset);
        Label note = new Label();
        note.setId("preset-note");
        note.setWrapText(true);
        note.textProperty().bind(vm.presetNoteProperty());
        TitledPane pane = new TitledPane("Presets", new VBox(6, box, buttons, note));
        pane.setCollapsible(false);
        return pane;
    }

    private static TitledPane bounds() {
        Label text = new Label("""
                Study's sampling bounds (MODEL.md §6):
                melting periods (start before 15 Sep):
                  J 2.25 to 2.75, B0 2 to 9, Bx −10 to 0,
                  By −10 to 10, I 9 to 11
                freezing periods (from 15 Sep):
                  J 2.25 to 2.75, B0 −15 to −9, Bx −10 to −1,
                  By −10 to 10, I 9 to 11
                B0 > 0 pushes cells towards water, B0 < 0 towards ice.""");
        text.setWrapText(true);
        text.setStyle("-fx-font-size: 11px;");
        TitledPane pane = new TitledPane("Study bounds", text);
        pane.setExpanded(true);
        return pane;
    }

    private FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Parameter preset (*.json)", "*.json"));
        return c;
    }

    private void save() {
        File f = chooser("Save parameters as a preset").showSaveDialog(getScene().getWindow());
        if (f != null) {
            vm.savePreset(f.toPath());
        }
    }

    private void load() {
        File f = chooser("Load a preset").showOpenDialog(getScene().getWindow());
        if (f != null) {
            vm.loadPreset(f.toPath());
        }
    }
}
