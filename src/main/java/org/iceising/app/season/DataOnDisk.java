package org.iceising.app.season;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.iceising.data.DataCatalogue;
import org.iceising.data.DateRuns;
import org.iceising.model.Season;

/** File → Data on disk: what the open data folder holds, and the days missing from the current season. */
public final class DataOnDisk {

    private DataOnDisk() {
    }

    /**
     * Plain text: the folder, the number of days with grids (first..last), and the gaps of the study
     * season of {@code year} up to {@code today}, runs of consecutive days written as ranges.
     */
    public static String describe(DataCatalogue catalogue, Integer year, LocalDate today) {
        if (catalogue == null) {
            return "No data folder is open.";
        }
        StringBuilder b = new StringBuilder("Data folder: ").append(catalogue.directory().toAbsolutePath()).append('\n');
        SortedSet<LocalDate> dates = catalogue.dates();
        if (dates.isEmpty()) {
            b.append("No NSIDC daily grids in it.\n");
        } else {
            b.append(dates.size()).append(dates.size() == 1 ? " day" : " days").append(" with grids, ")
                    .append(dates.first()).append(" .. ").append(dates.last()).append('\n');
        }
        if (year == null) {
            return b.toString();
        }
        Season season = Season.study(year);
        LocalDate end = season.end().isAfter(today) ? today : season.end();
        b.append('\n').append("Season ").append(year).append(" (").append(season.start()).append(" .. ")
                .append(season.end()).append(")");
        if (end.isBefore(season.start())) {
            return b.append(": not begun yet\n").toString();
        }
        List<LocalDate> missing = catalogue.missing(season.start(), end);
        long days = season.start().datesUntil(end.plusDays(1)).count();
        b.append(": ").append(days - missing.size()).append(" of ").append(days).append(" days present");
        if (end.isBefore(season.end())) {
            b.append(" (up to ").append(end).append(')');
        }
        b.append('\n');
        if (missing.isEmpty()) {
            return b.append("No gaps.\n").toString();
        }
        b.append("Missing:\n");
        for (String r : ranges(missing)) {
            b.append("  ").append(r).append('\n');
        }
        return b.toString();
    }

    /** Sorted days as runs: "2018-12-31", "2019-01-01 .. 2019-01-03 (3 days)". */
    static List<String> ranges(List<LocalDate> days) {
        return DateRuns.of(days).stream().map(r -> r.days() == 1 ? r.first().toString()
                : r.first() + " .. " + r.last() + " (" + r.days() + " days)").toList();
    }

    /** A small window with the text. */
    public static Stage show(Window owner, String text) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Data on disk");
        TextArea area = new TextArea(text);
        area.setId("data-on-disk");
        area.setEditable(false);
        area.setWrapText(true);
        VBox.setVgrow(area, Priority.ALWAYS);
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setDefaultButton(true);
        close.setOnAction(e -> stage.close());
        VBox root = new VBox(8, area, new HBox(close));
        root.setPadding(new Insets(10));
        stage.setScene(new Scene(root, 560, 400));
        stage.show();
        return stage;
    }
}
