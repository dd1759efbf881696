package org.iceising.app.colours;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.iceising.learn.report.ColourScale;

/** The colour table chosen for each kind of quantity the workbench draws; maps, panels and exports take their scales here. */
public final class ColoursViewModel {
    /** What is coloured. */
    public enum Role {
        CONCENTRATION("Ice concentration", "Ice concentration (fraction)", ColourTable.ICE, 0, 1),
        DIFFERENCE("Signed difference", "Simulated − observed water fraction", ColourTable.RED_BLUE, -1, 1),
        ABSOLUTE_DIFFERENCE("Absolute difference", "|Simulated − observed| water fraction", ColourTable.REDS, 0, 1);

        private final String title;
        private final String label;
        private final ColourChoice standard;

        Role(String title, String label, ColourTable table, double min, double max) {
            this.title = title;
            this.label = label;
            this.standard = new ColourChoice(table, false, false, min, max);
        }

        /** The role's name in the picker. */
        public String title() {
            return title;
        }

        /** The colour bar's caption. */
        public String label() {
            return label;
        }

        /** The workbench's own choice: the table and range it starts with. */
        public ColourChoice standard() {
            return standard;
        }
    }

    private final Map<Role, ObjectProperty<ColourChoice>> choices = new EnumMap<>(Role.class);

    public ColoursViewModel() {
        for (Role r : Role.values()) {
            choices.put(r, new SimpleObjectProperty<>(this, r.name(), r.standard()));
        }
    }

    public ObjectProperty<ColourChoice> choiceProperty(Role role) {
        return choices.get(role);
    }

    /** The scale for {@code values} of a role (the values matter only for a data range). */
    public ColourScale scale(Role role, double[] values) {
        return choices.get(role).get().scale(role.label(), values);
    }

    /** Every choice, to listen to them all. */
    public Observable[] observables() {
        return choices.values().toArray(new Observable[0]);
    }

    /** Back to the workbench's own tables and ranges. */
    public void reset() {
        choices.forEach((r, p) -> p.set(r.standard()));
    }
}
