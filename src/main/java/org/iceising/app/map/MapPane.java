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
import org.iceising.app.colours.ColoursViewModel;
import org.iceising.app.controls.Exports;
import org.iceising.app.controls.Figure;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.data.SeaIceGrid;
import org.iceising.learn.report.ColourScale;

/** The map of the chosen day with its title, colour bar, legend and the value under the cursor. */
public final class MapPane extends VBox {
    private static final double KEY_HEIGHT = 62;

    public final MapView map;
    private final Canvas key = new Canvas(100, KEY_HEIGHT);

    public MapPane(MapViewModel vm, SeasonViewModel season, Exports exports, ColoursViewModel colours) {
        setSpacing(4);
        setPadding(new Insets(6));
        map = new MapView(vm, () -> colours.scale(ColoursViewModel.Role.CONCENTRATION, null));
        map.setId("map");
        map.focusAreaProperty().bindBidirectional(season.focusAreaProperty());
        map.messageProperty().bind(season.dayMessageProperty());

        Label title = new Label();
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

        Label cursor = new Label();
        cursor.setId("map-cursor");
        cursor.textProperty().bind(Bindings.when(vm.cursorProperty().isEmpty())
                .then("Scroll: zoom · drag: pan · double-click: fit · drag the yellow box (inside: move, edges: resize) for the focus area")
                .otherwise(vm.cursorProperty()));
        cursor.setTextFill(Color.gray(0.15));
        // the read-out wraps onto a second line rather than being cut off at the window's edge; its
        // height is fixed at two lines, so that hovering never resizes (and refits) the map
        cursor.setWrapText(true);
        cursor.setMinWidth(0);
        cursor.setStyle("-fx-min-height: 2.8em; -fx-pref-height: 2.8em; -fx-max-height: 2.8em;");
        HBox.setHgrow(cursor, Priority.ALWAYS);
        Button fit = new Button("Fit");
        fit.setOnAction(e -> map.fit());
        Button png = new Button("Export PNG…");
        png.setOnAction(e -> {
            ColourScale scale = colours.scale(ColoursViewModel.Role.CONCENTRATION, null);
            exports.png(new Figure.Content(title.getText(), vm.gridProperty().get() == null ? null : Raster.image(vm.gridProperty().get(), scale),
                    scale, Raster.GRID_LEGEND, map.messageProperty().get()));
        });
        fit.setMinWidth(Region.USE_PREF_SIZE);
        png.setMinWidth(Region.USE_PREF_SIZE);
        HBox bottom = new HBox(6, fit, png, cursor);
        bottom.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, map, keyBox, bottom);
    }
}
