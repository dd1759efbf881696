package org.iceising.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import java.io.OutputStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOWriteProgressListener;
import javax.imageio.stream.ImageOutputStream;
import org.iceising.app.cells.CellSeriesViewModel;
import org.iceising.app.controls.ExportScale;
import org.iceising.model.CancelledException;
import org.iceising.model.ProgressMonitor;
import org.iceising.app.task.FxJobRunner;
import org.iceising.app.task.Job;
import org.iceising.app.task.JobRunner;
import org.iceising.data.AtomicFiles;
import org.iceising.data.DataCatalogue;
import org.iceising.data.LatticeCsv;
import org.iceising.data.UserDataFolder;
import org.iceising.app.download.GetDataViewModel;
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
import org.iceising.app.classroom.ClassroomViewModel;
import org.iceising.app.export.AnimationExport;
import org.iceising.app.export.Export;
import org.iceising.app.years.YearsViewModel;
import org.iceising.app.forecast.ForecastViewModel;
import org.iceising.app.session.SessionViewModel;
import org.iceising.app.colours.ColoursViewModel;

/**
 * The workbench's state: where in the data it stands, the parameters, the live simulation, the
 * map, the season's charts and the inverse problem, plus the job runners that reading, season runs
 * and exports run on (the inverse problem's jobs have a runner of their own).
 */
public final class WorkbenchViewModel implements AutoCloseable {
    private final JobRunner background;
    private final JobRunner learnRunner;
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final SeasonViewModel season;
    private final ParametersViewModel parameters;
    private final SimulationViewModel simulation;
    private final MapViewModel map;
    private final SeasonChartsViewModel charts;
    private LearnViewModel learn;
    private ClassroomViewModel classroom;
    private YearsViewModel years;
    private ForecastViewModel forecast;
    private final SessionViewModel session;
    private final ColoursViewModel colours = new ColoursViewModel();
    private final AnimationExport animation;
    private final CellSeriesViewModel cells;

    /** The workbench's view-models on its background threads: two for reading and exports, one for the inverse problem. */
    public WorkbenchViewModel() {
        this(new FxJobRunner("iceising-background", 2), new FxJobRunner("iceising-learn", 1));
    }

    /**
     * @param background  runs reading, season runs and exports
     * @param learnRunner runs the inverse problem's jobs, one at a time
     */
    public WorkbenchViewModel(JobRunner background, JobRunner learnRunner) {
        this.background = background;
        this.learnRunner = learnRunner;
        season = new SeasonViewModel(background);
        parameters = new ParametersViewModel(background);
        simulation = new SimulationViewModel(parameters, season);
        map = new MapViewModel();
        charts = new SeasonChartsViewModel(season, parameters, background);
        cells = new CellSeriesViewModel(season, charts, simulation, background);
        season.periodProperty().addListener((o, a, p) -> parameters.periodChosen(p));
        // per-period parameters belong to one season and focus area
        season.yearProperty().addListener((o, a, b) -> parameters.perPeriod().clear());
        season.focusAreaProperty().addListener((o, a, b) -> parameters.perPeriod().clear());
        simulation.periodDataProperty().bind(season.periodDataProperty());
        map.gridProperty().bind(season.dayGridProperty());
        map.geometryProperty().bind(season.geometryProperty());
        // "Wrote …" belongs to the folder and season it was said in
        session = new SessionViewModel(background, season, parameters, () -> learn, this::learn);
        session.noteProperty().addListener((o, a, b) -> notice.set(b));
        animation = new AnimationExport(season, parameters, colours, simulation, background);
        animation.noteProperty().addListener((o, a, b) -> notice.set(b));
        season.catalogueProperty().addListener((o, a, b) -> notice.set(""));
        season.yearProperty().addListener((o, a, b) -> notice.set(""));
    }

    /** The last thing an export said ("Wrote …", "Export failed: …"); "" once another folder or season is opened. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
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

    /** The cells chosen on the map or a panel, and their time series. */
    public CellSeriesViewModel cells() {
        return cells;
    }

    /**
     * The inverse problem: training sets, the CNN, prediction and direct fitting. Made when first
     * asked for (the Learn tab opens), so that start-up loads none of it.
     */
    public LearnViewModel learn() {
        if (learn == null) {
            learn = new LearnViewModel(season, parameters, simulation, charts, learnRunner);
        }
        return learn;
    }

    /** Opens {@code dir}, keeping the season shown if the folder has it. */
    public void openFolder(Path dir) {
        Integer year = season.yearProperty().get();
        season.open(dir, year == null ? LocalDate.now().getYear() : year);
    }

    /**
     * The Get Data form: it offers the folder open now as destination (else the user data folder),
     * and opens the destination here once files arrived.
     */
    public GetDataViewModel getData() {
        DataCatalogue open = season.catalogueProperty().get();
        return new GetDataViewModel(background, open != null ? open.directory() : UserDataFolder.directory(), LocalDate.now(),
                System.getenv(), Path.of(System.getProperty("user.home")), this::openFolder);
    }

    /**
     * Renders a figure (on the FX thread) with a footnote saying what it shows — focus area,
     * period, parameters, steps, seed and data folder — and writes it as PNG in the background.
     */
    public Job<Path> exportPng(Figure.Content figure, Path file) {
        return exportPng(figure, file, ExportScale.SCREEN, Figure.Overlay.NONE);
    }

    /**
     * As {@link #exportPng(Figure.Content, Path)}, {@code scale} times larger and with {@code overlay}
     * over the image; the job reports how much of the file is written and can be cancelled.
     */
    public Job<Path> exportPng(Figure.Content figure, Path file, ExportScale scale, Figure.Overlay overlay) {
        WritableImage image = Figure.render(figure, footnote(), 720, scale, overlay);
        String title = "Exporting " + file.getFileName() + (scale == ExportScale.SCREEN ? "" : " (" + scale.factor() + "×)");
        return background.run(Job.<Path>of(title, m -> {
            BufferedImage b = SwingFXUtils.fromFXImage(image, null);
            AtomicFiles.write(file, out -> writePng(b, out, m));
            return file;
        }).onSuccess(f -> notice.set("Wrote " + f))
                .onFailure(why -> notice.set("Export failed: " + why))
                .onCancelled(() -> notice.set("Export of " + file.getFileName() + " cancelled")));
    }

    /** Encodes {@code image} as PNG, reporting the rows written to {@code monitor} and stopping when it is cancelled. */
    private static void writePng(BufferedImage image, OutputStream out, ProgressMonitor monitor) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        boolean[] aborted = {false};
        writer.addIIOWriteProgressListener(new IIOWriteProgressAdapter() {
            @Override
            public void imageProgress(ImageWriter source, float percent) {
                monitor.progress(Math.round(percent), 100, "encoding");
                if (monitor.isCancelled()) {
                    source.abort();
                }
            }

            @Override
            public void writeAborted(ImageWriter source) {
                aborted[0] = true;
            }
        });
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(image);
        } finally {
            writer.dispose();
        }
        if (aborted[0] || monitor.isCancelled()) {
            throw new CancelledException();
        }
    }

    /** The write-progress callbacks that {@link #writePng} does not need, as no-ops. */
    private abstract static class IIOWriteProgressAdapter implements IIOWriteProgressListener {
        @Override
        public void imageStarted(ImageWriter source, int imageIndex) {
        }

        @Override
        public void imageComplete(ImageWriter source) {
        }

        @Override
        public void thumbnailStarted(ImageWriter source, int imageIndex, int thumbnailIndex) {
        }

        @Override
        public void thumbnailProgress(ImageWriter source, float percentageDone) {
        }

        @Override
        public void thumbnailComplete(ImageWriter source) {
        }
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

    /** The classroom Ising model, made when its tab first opens, with job threads of its own (its chain runs while the tab plays). */
    public ClassroomViewModel classroom() {
        if (classroom == null) {
            classroom = new ClassroomViewModel(new FxJobRunner("iceising-classroom", 2));
        }
        return classroom;
    }

    /** The colour tables chosen for maps, panels and exports. */
    public ColoursViewModel colours() {
        return colours;
    }

    /** The period or season as an animated GIF or PNG frames. */
    public AnimationExport animation() {
        return animation;
    }

    /** Saving and reopening where the user left the workbench. */
    public SessionViewModel session() {
        return session;
    }

    /** Years in context, made when its tab first opens. */
    public YearsViewModel years() {
        if (years == null) {
            years = new YearsViewModel(background, season);
        }
        return years;
    }

    /** The Forecast view, made when its tab first opens; it forecasts on the background runner. */
    public ForecastViewModel forecast() {
        if (forecast == null) {
            forecast = new ForecastViewModel(season, parameters, background);
        }
        return forecast;
    }

    /** Writes an export to {@code file} atomically in the background. */
    public Job<Path> save(Export export, Path file) {
        return submit("Exporting " + file.getFileName(), () -> {
            AtomicFiles.write(file, export.body());
            return file;
        });
    }

    /** Writes the season's coverage and extent as CSV in the background. */
    public Job<Path> exportSeriesCsv(Path file) {
        String text = charts.csv();
        return submit("Exporting " + file.getFileName(), () -> {
            CsvExport.write(file, text);
            return file;
        });
    }

    /** Writes a lattice's concentrations as CSV in the background. */
    public Job<Path> exportLatticeCsv(Lattice lattice, Path file) {
        return submit("Exporting " + file.getFileName(), () -> {
            LatticeCsv.write(file, List.of(lattice));
            return file;
        });
    }

    /** File work that takes no monitor. */
    @FunctionalInterface
    private interface FileWork {
        Path run() throws IOException;
    }

    private Job<Path> submit(String title, FileWork work) {
        return background.run(Job.<Path>of(title, m -> work.run())
                .onSuccess(file -> notice.set("Wrote " + file))
                .onFailure(why -> notice.set("Export failed: " + why)));
    }

    @Override
    public void close() {
        charts.cancel();
        if (forecast != null) {
            forecast.cancel();
        }
        if (classroom != null) {
            classroom.close();
        }
        if (learn != null) {
            learn.close();
        }
        simulation.close();
        background.close();
        learnRunner.close();
    }
}
