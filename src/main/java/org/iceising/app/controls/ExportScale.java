package org.iceising.app.controls;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.MenuItem;

/** How large an exported figure is drawn: as on screen, or two or four times that for print. */
public enum ExportScale {
    SCREEN(1, "1× (as on screen)"),
    DOUBLE(2, "2×"),
    PRINT(4, "4× (print)");

    private final int factor;
    private final String label;

    ExportScale(int factor, String label) {
        this.factor = factor;
        this.label = label;
    }

    /** Pixels of the export per pixel of the figure drawn at 1×. */
    public int factor() {
        return factor;
    }

    @Override
    public String toString() {
        return label;
    }

    /** One menu item per scale, "PNG 2×…", each handing its scale to {@code export}. */
    public static List<MenuItem> menuItems(String prefix, Consumer<ExportScale> export) {
        return Arrays.stream(values()).map(s -> {
            MenuItem m = new MenuItem(prefix + " " + s + "…");
            m.setId("export-png-" + s.factor + "x");
            m.setOnAction(e -> export.accept(s));
            return m;
        }).toList();
    }
}
