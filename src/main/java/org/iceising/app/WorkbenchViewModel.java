package org.iceising.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Task;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.iceising.data.AtomicFiles;
import org.iceising.data.DataCatalogue;
import org.iceising.model.Lattice;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.app.controls.Figure;
import org.iceising.app.charts.SeasonChartsViewModel;
import org.iceising.app.charts.CsvExport;
import org.iceising.app.simulation.SimulationViewModel;
import org.iceising.app.map.MapViewModel;
import org.iceising.app.parameters.ParametersViewModel;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.app.learn.LearnViewModel;
import org.iceising.app.task.MonitoredTask;
import org.iceising.app.classroom.ClassroomViewModel;
import org.iceising.app.export.Export;

/**
 * The workbench's state: where in the data it stands, the parameters, the live simulation, the
 * map, the season's charts and the inverse problem, plus the background executor that reading,
 * season runs and exports run on (the inverse problem's jobs have a thread of their own).
 */
public final class WorkbenchViewModel implements AutoCloseable {
    private final ExecutorService background;
    private final SeasonViewModel season;
    private final ParametersViewModel parameters;
    private final SimulationViewModel simulation;
    private final MapViewModel map;
    private final SeasonChartsViewModel charts;
    private LearnViewModel learn;
    private ClassroomViewModel classroom;

    public WorkbenchViewModel() {
        AtomicInteger n = new AtomicInteger();
        background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "iceising-background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        season = new SeasonViewModel(background);
        parameters = new ParametersViewModel();
        simulation = new SimulationViewModel(parameters);
        map = new MapViewModel();
        charts = new SeasonChartsViewModel(season, parameters, background);
        season.periodProperty().addListener((o, a, p) -> parameters.periodChosen(p));
        // per-period parameters belong to one season and focus area
        season.yearProperty().addListener((o, a, b) -> parameters.perPeriod().clear());
        season.focusAreaProperty().addListener((o, a, b) -> parameters.perPeriod().clear());
        simulation.periodDataProperty().bind(season.periodDataProperty());
        map.gridProperty().bind(season.dayGridProperty());
        map.geometryProperty().bind(season.geometryProperty());
    }

    public SeasonViewModel season() {
        return season;
    }

    public ParametersViewModel parameters() {
        return parameters;
    }

    public SimulationViewModel simulation() {
        return simulation;
    }

    public MapViewModel map() {
        return map;
    }

    public SeasonChartsViewModel charts() {
        return charts;
    }

    /**
     * The inverse problem: training sets, the CNN, prediction and direct fitting. Made when first
     * asked for (the Learn tab opens), so that start-up loads none of it.
     */
    public LearnViewModel learn() {
        if (learn == null) {
            learn = new LearnViewModel(season, parameters, simulation, charts);
        }
        return learn;
    }

    /** The classroom Ising model, made when its tab first opens. */
    public ClassroomViewModel classroom() {
        if (classroom == null) {
            classroom = new ClassroomViewModel(background);
        }
        return classroom;
    }

    /** Writes an export to {@code file} atomically in the background. */
    public Task<Path> save(Export export, Path file) {
        return submit("Exporting " + file.getFileName(), () -> {
            AtomicFiles.write(file, export.body());
            return file;
        });
    }

    /**
     * Renders a figure (on the FX thread) with a footnote saying what it shows — focus area,
     * period, parameters, steps, seed and data folder — and writes it as PNG in the background.
     */
    public Task<Path> exportPng(Figure.Content figure, Path file) {
        WritableImage image = Figure.render(figure, footnote(), 720);
        return submit("Exporting " + file.getFileName(), () -> {
            BufferedImage b = SwingFXUtils.fromFXImage(image, null);
            AtomicFiles.write(file, out -> {
                if (!ImageIO.write(b, "png", out)) {
                    throw new IOException("no PNG writer available");
                }
            });
            return file;
        });
    }

    /** What the workbench shows now, in one line for exported figures. */
    String footnote() {
        StringBuilder sb = new StringBuilder("Focus area " + season.focusAreaProperty().get());
        SemiMonthlyPeriod p = season.periodProperty().get();
        if (p != null) {
            sb.append(" · period ").append(p);
        }
        sb.append(" · ").append(ParametersViewModel.describe(parameters.params(), parameters.settings()))
                .append(" · ").append(String.format(Locale.ROOT, "%,d", parameters.stepsPer3600Property().get()))
                .append(" steps per 3,600 cells, seed ").append(parameters.seedProperty().get());
        DataCatalogue c = season.catalogueProperty().get();
        if (c != null) {
            sb.append(" · NSIDC sea-ice concentration from ").append(c.directory().getFileName());
        }
        return sb.toString();
    }

    /** Writes the season's coverage and extent as CSV in the background. */
    public Task<Path> exportSeriesCsv(Path file) {
        String text = charts.csv();
        return submit("Exporting " + file.getFileName(), () -> {
            CsvExport.write(file, text);
            return file;
        });
    }

    /** Writes a lattice's concentrations as CSV in the background. */
    public Task<Path> exportLatticeCsv(Lattice lattice, Path file) {
        return submit("Exporting " + file.getFileName(), () -> {
            CsvExport.write(file, CsvExport.lattice(lattice));
            return file;
        });
    }

    /** File work that takes no monitor. */
    @FunctionalInterface
    private interface FileWork {
        Path run() throws IOException;
    }

    private Task<Path> submit(String title, FileWork work) {
        MonitoredTask<Path> task = new MonitoredTask<>(title, m -> work.run());
        background.execute(task);
        return task;
    }

    @Override
    public void close() {
        charts.cancel();
        if (classroom != null) {
            classroom.close();
        }
        if (learn != null) {
            learn.close();
        }
        simulation.close();
        background.shutdownNow();
    }
}
