package org.iceising.app.map;

import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.iceising.data.CellFlag;
import org.iceising.data.GridGeometry;
import org.iceising.data.SeaIceGrid;

/**
 * What the map shows and says: the chosen day's grid, its title, and a status line for the cell
 * under the cursor (row, column, latitude/longitude, concentration or flag), as ncview and Panoply
 * show the value under the cursor.
 */
public final class MapViewModel {
    private final ObjectProperty<SeaIceGrid> grid = new SimpleObjectProperty<>(this, "grid");
    private final ObjectProperty<GridGeometry> geometry = new SimpleObjectProperty<>(this, "geometry");
    private final ReadOnlyStringWrapper cursor = new ReadOnlyStringWrapper(this, "cursor", "");
    private int row = -1;
    private int col = -1;

    public MapViewModel() {
        grid.addListener((o, a, b) -> update());
        geometry.addListener((o, a, b) -> update());
    }

    /** The grid shown; null when the chosen day has no file. */
    public ObjectProperty<SeaIceGrid> gridProperty() {
        return grid;
    }

    public ObjectProperty<GridGeometry> geometryProperty() {
        return geometry;
    }

    /** The status line for the cell under the cursor, "" when the cursor is off the grid. */
    public ReadOnlyStringProperty cursorProperty() {
        return cursor.getReadOnlyProperty();
    }

    /** The cursor is over cell (row, col); anything outside the grid clears the status line. */
    public void hover(int r, int c) {
        boolean inside = r >= 0 && r < SeaIceGrid.ROWS && c >= 0 && c < SeaIceGrid.COLS;
        row = inside ? r : -1;
        col = inside ? c : -1;
        update();
    }

    private void update() {
        if (row < 0) {
            cursor.set("");
            return;
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "row %d, column %d", row, col));
        GridGeometry g = geometry.get();
        if (g != null) {
            sb.append(" · ").append(latLon(g.lat(row, col), g.lon(row, col)));
        }
        SeaIceGrid d = grid.get();
        if (d != null) {
            CellFlag f = d.flag(row, col);
            sb.append(" · ").append(f == CellFlag.VALID
                    ? String.format(Locale.ROOT, "ice %.1f %%", 100 * d.concentration(row, col))
                    : flagName(f));
        }
        cursor.set(sb.toString());
    }

    /** "78.12° N, 160.50° W" (longitudes in −180..180, east positive). */
    static String latLon(double lat, double lon) {
        double l = ((lon + 180) % 360 + 360) % 360 - 180;
        return String.format(Locale.ROOT, "%.2f° %s, %.2f° %s", Math.abs(lat), lat >= 0 ? "N" : "S",
                Math.abs(l), l >= 0 ? "E" : "W");
    }

    static String flagName(CellFlag f) {
        return switch (f) {
            case VALID -> "valid";
            case POLE_HOLE -> "pole hole (not seen by the sensor)";
            case UNUSED -> "unused cell";
            case COAST -> "coast";
            case LAND -> "land";
            case MISSING -> "missing data";
        };
    }

    /** The map's title: date, product, sensor and file; or why there is nothing. */
    public static String title(SeaIceGrid g) {
        String sensor = g.sensor().isEmpty() ? "" : " " + g.sensor();
        String variable = g.variable().isEmpty() ? "" : " " + g.variable();
        return g.date() + " · " + g.product() + sensor + variable + " · " + g.source().getFileName();
    }
}
