package org.iceising.app.colours;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.iceising.app.task.Failures;

/**
 * The colour table picker: for each kind of quantity a table, invert, and a fixed range or the
 * range of the data. Changes apply at once to the maps, the panels and what is exported from them.
 */
public final class ColoursPane extends VBox {
    private final Label note = new Label();

    public ColoursPane(ColoursViewModel vm) {
        setId("colours-pane");
        setSpacing(8);
        setPadding(new Insets(10));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(""), new Label("Table"), new Label(""), new Label(""), new Label("From"), new Label("To"));
        int row = 1;
        for (ColoursViewModel.Role role : ColoursViewModel.Role.values()) {
            var choice = vm.choiceProperty(role);
            String id = role.name().toLowerCase(Locale.ROOT).replace('_', '-');
            ComboBox<ColourTable> table = new ComboBox<>();
            table.setId("colours-table-" + id);
            for (ColourTable t : ColourTable.values()) {
                if (t.diverging() == (role == ColoursViewModel.Role.DIFFERENCE)) {
                    table.getItems().add(t);
                }
            }
            CheckBox invert = new CheckBox("Invert");
            invert.setId("colours-invert-" + id);
            CheckBox data = new CheckBox("Range of the data");
            data.setId("colours-data-" + id);
            TextField min = new TextField();
            min.setId("colours-min-" + id);
            TextField max = new TextField();
            max.setId("colours-max-" + id);
            min.setPrefColumnCount(5);
            max.setPrefColumnCount(5);
            Runnable show = () -> {
                ColourChoice c = choice.get();
                table.setValue(c.table());
                invert.setSelected(c.inverted());
                data.setSelected(c.dataRange());
                min.setText(number(c.min()));
                max.setText(number(c.max()));
                min.setDisable(c.dataRange());
                max.setDisable(c.dataRange());
            };
            show.run();
            choice.addListener((o, a, b) -> show.run());
            table.setOnAction(e -> {
                if (table.getValue() != null) {
                    choice.set(choice.get().withTable(table.getValue()));
                }
            });
            invert.setOnAction(e -> choice.set(choice.get().withInverted(invert.isSelected())));
            data.setOnAction(e -> choice.set(choice.get().withDataRange(data.isSelected())));
            Runnable range = () -> {
                try {
                    choice.set(choice.get().withRange(Double.parseDouble(min.getText().trim().replace('−', '-')),
                            Double.parseDouble(max.getText().trim().replace('−', '-'))));
                    note.setText("");
                } catch (IllegalArgumentException ex) {
                    note.setText(role.title() + ": " + (ex instanceof NumberFormatException ? "the range needs two numbers" : Failures.describe(ex))
                            + "; kept " + number(choice.get().min()) + " to " + number(choice.get().max()));
                    show.run();
                }
            };
            min.setOnAction(e -> range.run());
            max.setOnAction(e -> range.run());
            min.focusedProperty().addListener((o, a, f) -> {
                if (!f) {
                    range.run();
                }
            });
            max.focusedProperty().addListener((o, a, f) -> {
                if (!f) {
                    range.run();
                }
            });
            grid.addRow(row++, new Label(role.title()), table, invert, data, min, max);
        }
        Button reset = new Button("_Workbench defaults");
        reset.setOnAction(e -> vm.reset());
        note.setId("colours-note");
        note.setWrapText(true);
        getChildren().addAll(grid, reset, note);
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%s", v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v));
    }
}
