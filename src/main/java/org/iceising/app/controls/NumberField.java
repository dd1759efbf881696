package org.iceising.app.controls;

import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

/**
 * A text field for a number that a view-model may adjust (clamp to a range, round): it always
 * shows the value in use, and when that is not what was typed — text that is not a number, a value
 * out of range — it says why in {@link #noteProperty()}. Typing commits on Enter or when the field
 * loses focus.
 */
public final class NumberField extends TextField {
    private final String name;
    private final String range;
    private final StringConverter<Number> converter;
    private final Property<Number> value;
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");

    /**
     * @param id        the node id
     * @param name      the quantity, for the note ("J", "Steps"), or "" where the field's label says it
     * @param range     the values allowed, in words ("0 … 5"), or null if any number goes
     * @param converter text ↔ number
     * @param value     the view-model's property; it may change what it is given
     */
    public NumberField(String id, String name, String range, StringConverter<Number> converter, Property<Number> value) {
        this.name = name;
        this.range = range;
        this.converter = converter;
        this.value = value;
        setId(id);
        show();
        value.addListener((o, a, b) -> show());
        setOnAction(e -> commit());
        focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commit();
            }
        });
    }

    /** Why the field shows something other than what was last typed, or "". */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    private void show() {
        setText(converter.toString(value.getValue()));
    }

    /** Reads what was typed into the value, then shows the value in use and says why if it differs. */
    public void commit() {
        String typed = getText();
        if (typed.equals(converter.toString(value.getValue()))) {
            return;
        }
        Number parsed;
        try {
            parsed = converter.fromString(typed);
        } catch (RuntimeException notANumber) {
            show();
            note.set(Numbers.adjusted(name, typed, null, converter.toString(value.getValue()), range));
            return;
        }
        value.setValue(parsed);
        show();
        String inUse = converter.toString(value.getValue());
        note.set(inUse.equals(converter.toString(parsed)) ? "" : Numbers.adjusted(name, typed, parsed, inUse, range));
    }
}
