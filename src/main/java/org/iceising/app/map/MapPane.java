package org.iceising.app.map;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.MenuButton;
import org.iceising.app.cells.CellMarks;
import org.iceising.app.cells.CellSeriesPane;
import org.iceising.app.cells.CellSeriesViewModel;
import org.iceising.app.colours.ColoursViewModel;
import org.iceising.app.controls.ExportScale;
import org.iceising.app.export.Export;
import org.iceising.data.FocusArea;
import org.iceising.app.controls.Exports;
import org.iceising.app.controls.Figure;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.data.SeaIceGrid;
import org.iceising.learn.report.ColourScale;

/** The map of the chosen day with its title, colour bar, legend, the value under the cursor and the chosen cells' time series. */
public final class MapPane extends VBox {
    private static final double KEY_HEIGHT = 62;
    /** What the map answers to, shown while the cursor is off the grid. */
    static final String HINT = "Scroll: zoom · drag: pan · double-click: fit · click a cell: its time series (Shift-click adds one)"
            + " · yellow box: drag inside to move, edges to resize the focus area";

    public final MapView map;
    private final Canvas key = new Canvas(100, KEY_HEIGHT);

    public final CellSeriesPane cellSeries;
    private final MapViewModel vm;
    private final SeasonViewModel season;
    private final ColoursViewModel colours;
    private Label title;
    private final Label cursor = new Label();

    /**
     * @param cells the cells chosen for their time series: a click on the map chooses one, Shift-click adds
     * @param save  asks where to save an export (the time series') and writes it
     */
    public MapPane(MapViewModel vm, SeasonViewModel season, Exports exports, ColoursViewModel colours,
                   CellSeriesViewModel cells, Consumer<Export> save) {
        setSpacing(4);
        setPadding(new Insets(6));
        map = new MapView(vm, () -> colours.scale(ColoursViewModel.Role.CONCENTRATION, null));
        map.setId("map");
        map.focusAreaProperty().bindBidirectional(season.focusAreaProperty());
        map.messageProperty().bind(season.dayMessageProperty());
        map.setOnCellClicked((row, col, shift) -> {
            if (shift) {
                cells.add(row, col);
            } else {
                cells.choose(row, col);
            }
        });
        cells.cells().addListener((ListChangeListener<CellSeriesViewModel.Cell>) c -> map.marksProperty().set(CellMarks.onGrid(cells)));

        this.vm = vm;
        this.season = season;
        this.colours = colours;
        title = new Label();
        title.setId("map-title");
        title.setStyle("-fx-font-weight: bold;");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            SeaIceGrid g = vm.gridProperty().get();
            return g != null ? MapViewModel.title(g) : map.messageProperty().get();
        }, vm.gridProperty(), map.messageProperty()));

        Pane keyBox = new Pane(key);
        keyBox.setMinHeight(KEY_HEIGHT);
        keyBox.setPrefHeight(KEY_HEIGHT);
        Runnable drawKey = () -> {
            key.setWidth(keyBox.getWidth());
            key.getGraphicsContext2D().clearRect(0, 0, key.getWidth(), key.getHeight());
            Figure.drawHorizontalKey(key.getGraphicsContext2D(), 4, 2, keyBox.getWidth() - 8,
                    colours.scale(ColoursViewModel.Role.CONCENTRATION, null), Raster.GRID_LEGEND);
        };
        keyBox.widthProperty().addListener((o, a, w) -> drawKey.run());
        colours.choiceProperty(ColoursViewModel.Role.CONCENTRATION).addListener((o, a, b) -> {
            drawKey.run();
            map.recolour();
        });
        VBox.setVgrow(map, Priority.ALWAYS);

        cursor.setId("map-cursor");
        cursor.textProperty().bind(Bindings.when(vm.cursorProperty().isEmpty())
                .then(HINT)
                .otherwise(vm.cursorProperty()));
        cursor.setTextFill(Color.gray(0.15));
        // the read-out has the pane's whole width and wraps rather than being cut off; its height is
        // fixed at three lines (the hint's length in a narrow pane), so that hovering never resizes (and refits) the map
        cursor.setWrapText(true);
        cursor.setMinWidth(0);
        cursor.setMaxWidth(Double.MAX_VALUE);
        cursor.setStyle("-fx-font-size: 11px; -fx-min-height: 3.9em; -fx-pref-height: 3.9em; -fx-max-height: 3.9em;");
        Button fit = new Button("Fit");
        fit.setOnAction(e -> map.fit());
        MenuButton png = new MenuButton("Export PNG");
        png.setId("map-export-png");
        png.getItems().setAll(ExportScale.menuItems("PNG", scale -> exports.png(figure(), scale, exportOverlay())));
        fit.setMinWidth(Region.USE_PREF_SIZE);
        png.setMinWidth(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(6, fit, png);
        buttons.setAlignment(Pos.CENTER_LEFT);
        cellSeries = new CellSeriesPane(cells, save);
        cellSeries.setMinHeight(Region.USE_PREF_SIZE);
        // its long title gives way (ends in "…") rather than holding the map side wider than a 1280-pixel window allows
        cellSeries.setMinWidth(0);
        getChildren().addAll(title, map, keyBox, buttons, cursor, cellSeries);
    }

    /** Never so narrow that the hint under the map needs more than its three lines (a fifth more for where the lines break). */
    @Override
    protected double computeMinWidth(double height) {
        Text hint = new Text(HINT);
        hint.setFont(cursor.getFont());
        return Math.max(super.computeMinWidth(height), hint.getLayoutBounds().getWidth() / 3 * 1.2 + snappedLeftInset() + snappedRightInset());
    }

    /** The map as a figure, as exported: title, the day's grid on the chosen colour table, bar and legend. */
    public Figure.Content figure() {
        ColourScale colourScale = colours.scale(ColoursViewModel.Role.CONCENTRATION, null);
        SeaIceGrid g = vm.gridProperty().get();
        return new Figure.Content(title.getText(), g == null ? null : Raster.image(g, colourScale), colourScale, Raster.GRID_LEGEND,
                map.messageProperty().get());
    }

    /** What the map's export draws over the grid, as the map does: the focus box and the chosen cells. */
    public Figure.Overlay exportOverlay() {
        FocusArea area = season.focusAreaProperty().get();
        Figure.Overlay marks = map.marksProperty().get();
        return (g, x, y, cell) -> {
            MapView.drawFocus(g, area, x, y, cell);
            marks.draw(g, x, y, cell);
        };
    }
}
