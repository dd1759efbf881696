package org.iceising.app.simulation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import org.iceising.app.WorkbenchFixture;
import org.iceising.app.controls.FigureView;
import org.junit.jupiter.api.Test;

/** The Map & simulation tab at the two window sizes users have: the simulation side fits its width. */
class SimulationLayoutTest extends WorkbenchFixture {
    private static final LocalDate JUNE_16 = LocalDate.of(2018, 6, 16);

    @Test
    void theSimulationSideFitsItsWidthAt1280And1920() {
        waitLoaded(JUNE_16);
        SimulationPane pane = app.view().simulationPane;
        // the headless screen is 1280 × 800: the window's content is laid out in a scene of each size off screen
        for (double[] size : new double[][] {{1280, 800}, {1920, 1080}}) {
            List<String> problems = fx(() -> {
                Scene window = pane.getScene();
                Parent root = window.getRoot();
                window.setRoot(new Group());
                Scene scene = new Scene(root, size[0], size[1]);
                scene.getStylesheets().setAll(window.getStylesheets());
                scene.snapshot(null);
                List<String> found = problems(pane, (int) size[0] + " × " + (int) size[1]);
                scene.setRoot(new Group());
                window.setRoot(root);
                return found;
            });
            assertTrue(problems.isEmpty(), String.join("; ", problems));
        }
    }

    private static List<String> problems(SimulationPane pane, String at) {
        List<String> found = new ArrayList<>();
        ScrollPane scroll = enclosingScrollPane(pane);
        double viewport = scroll.getViewportBounds().getWidth();
        if (pane.getWidth() > viewport + 0.5) {
            found.add(String.format("at %s the simulation side is %.0f px wide in a %.0f px viewport (it needs at least %.0f)",
                    at, pane.getWidth(), viewport, pane.minWidth(-1)));
        }
        Bounds inScroll = scroll.localToScene(scroll.getLayoutBounds());
        for (FigureView f : pane.lattices()) {
            Bounds b = f.localToScene(f.getLayoutBounds());
            if (b.getWidth() < 120 || b.getHeight() < 100) {
                found.add(String.format("at %s panel %s is only %.0f × %.0f", at, f.getId(), b.getWidth(), b.getHeight()));
            }
            if (b.getMaxX() > inScroll.getMaxX() + 0.5 || b.getMinX() < inScroll.getMinX() - 0.5) {
                found.add(String.format("at %s panel %s (x %.0f to %.0f) is outside the visible %.0f to %.0f", at, f.getId(),
                        b.getMinX(), b.getMaxX(), inScroll.getMinX(), inScroll.getMaxX()));
            }
        }
        return found;
    }

    private static ScrollPane enclosingScrollPane(Node n) {
        Node p = n.getParent();
        while (!(p instanceof ScrollPane)) {
            p = p.getParent();
        }
        return (ScrollPane) p;
    }
}
