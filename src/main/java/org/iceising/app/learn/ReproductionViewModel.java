package org.iceising.app.learn;

import java.awt.Desktop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iceising.app.charts.SeasonChartsViewModel;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.app.simulation.SimulationViewModel;
import org.iceising.data.DataCatalogue;
import org.iceising.data.FocusArea;
import org.iceising.data.GridCache;
import org.iceising.data.UserDataFolder;
import org.iceising.learn.ObservedSeason;
import org.iceising.learn.Reproduction;
import org.iceising.learn.SeasonBounds;
import org.iceising.model.Ensemble;
import org.iceising.model.IsingParams;
import org.iceising.model.Season;
import org.iceising.model.SemiMonthlyPeriod;

/**
 * Step 5: the study's whole protocol on the open season, as the {@code reproduce} command runs it
 * ({@link Reproduction}: generate → train → calibrate → predict → refine → re-simulate with K
 * chains → report), at quick or study scale, in a folder of the command's layout, so that a run
 * started on the command line continues here and the other way round. Each stage whose output is
 * complete is skipped; the stages show as they run and what each took; afterwards the table and
 * the report's figures.
 */
public final class ReproductionViewModel {
    /** The folder under the user data folder that holds the default run folders. */
    public static final String REPRODUCTIONS = "reproductions";
    /** K, chains per re-simulated period, by default: the reproduce command's. */
    static final int DEFAULT_CHAINS = 8;

    /** The boxes a run draws, predicts and refines in: the reproduce command's {@code --boxes}. */
    public enum Boxes {
        /** J 0..5, B0 −20..20, Bx and By −15..15, I 0..20 for every period: the shipped default. */
        WIDE("wide", SeasonBounds.wide()),
        /** The study's melt and freeze boxes. */
        STUDY("study", SeasonBounds.study());

        private final String id;
        private final SeasonBounds bounds;

        Boxes(String id, SeasonBounds bounds) {
            this.id = id;
            this.bounds = bounds;
        }

        public SeasonBounds bounds() {
            return bounds;
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /** Where a stage stands in the run in progress or the last one. */
    public enum Status { WAITING, RUNNING, DONE, SKIPPED, STOPPED }

    /**
     * One stage of the run.
     *
     * @param seconds how long it took in this run, or when it ran in an earlier sitting (skipped); NaN if unknown
     */
    public record Stage(String name, Status status, double seconds) {
        /** Its state in words: "waiting", "running…", "12.3 s", "skipped: already complete (12.3 s)", "stopped". */
        public String text() {
            return switch (status) {
                case WAITING -> "waiting";
                case RUNNING -> "running…";
                case DONE -> String.format(Locale.ROOT, "%.1f s", seconds);
                case SKIPPED -> "skipped: already complete" + (Double.isNaN(seconds) ? "" : String.format(Locale.ROOT, " (%.1f s)", seconds));
                case STOPPED -> "stopped";
            };
        }
    }

    private final LearnState state;
    private final SimulationViewModel simulation;
    private final SeasonChartsViewModel charts;
    private final StepJob job;
    private final ObjectProperty<Reproduction.Scale> scale = new SimpleObjectProperty<>(this, "scale", Reproduction.Scale.QUICK);
    private final ObjectProperty<Boxes> boxes = new SimpleObjectProperty<>(this, "boxes", Boxes.WIDE);
    private final IntegerProperty chains = new SimpleIntegerProperty(this, "chains", DEFAULT_CHAINS);
    private final ObjectProperty<Path> chosenFolder = new SimpleObjectProperty<>(this, "chosenFolder");
    private final ObjectBinding<Path> folder;
    private final ObservableList<Stage> stages = FXCollections.observableArrayList();
    private final ObservableList<Reproduction.Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Path> figures = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyObjectWrapper<Path> reportFolder = new ReadOnlyObjectWrapper<>(this, "reportFolder");
    private final ReadOnlyStringWrapper openNote = new ReadOnlyStringWrapper(this, "openNote", "");

    ReproductionViewModel(LearnState state, SimulationViewModel simulation, SeasonChartsViewModel charts) {
        this.state = state;
        this.simulation = simulation;
        this.charts = charts;
        job = state.job("Reproduction cancelled; the stages that finished are kept: Reproduce again in the same folder to continue.");
        SeasonViewModel season = state.season();
        folder = Bindings.createObjectBinding(() -> {
            if (chosenFolder.get() != null) {
                return chosenFolder.get();
            }
            Integer year = season.yearProperty().get();
            try {
                return year == null ? null : defaultFolder(UserDataFolder.directory(), year, season.focusAreaProperty().get(), scale.get(), config());
            } catch (IllegalArgumentException settingsNotValid) {
                return null;
            }
        }, chosenFolder, season.yearProperty(), season.focusAreaProperty(), scale, boxes, chains, state.networkProperty(),
                state.seedProperty(), state.parameters().stepsPer3600Property());
        resetStages();
        // a stage that was running when the job ended (cancelled, failed) stopped there
        job.runningProperty().addListener((o, was, running) -> {
            if (!running) {
                stages.replaceAll(s -> s.status() == Status.RUNNING ? new Stage(s.name(), Status.STOPPED, Double.NaN) : s);
            }
        });
    }

    /**
     * The default folder of a run: {@value #REPRODUCTIONS} under the user data folder, named by
     * season, focus area and everything the run's stages depend on, so that the same settings meet
     * (and continue) the same run and other settings never collide with it.
     */
    static Path defaultFolder(Path userData, int year, FocusArea area, Reproduction.Scale scale, Reproduction.Config c) {
        return userData.resolve(REPRODUCTIONS).resolve(String.format(Locale.ROOT, "season-%d_area-%d-%d-%dx%d_%s_%s_%s_K%d_seed%d_steps%d",
                year, area.row0(), area.col0(), area.rows(), area.cols(), scale.name().toLowerCase(Locale.ROOT), c.network(), c.boxes(),
                c.chains(), c.seed(), c.refine().stepsPer3600()));
    }

    public StepJob job() {
        return job;
    }

    /** Quick (minutes) or the study's 13 × 10,000 samples and 20 epochs. */
    public ObjectProperty<Reproduction.Scale> scaleProperty() {
        return scale;
    }

    public ObjectProperty<Boxes> boxesProperty() {
        return boxes;
    }

    /** K, chains per re-simulated period. */
    public IntegerProperty chainsProperty() {
        return chains;
    }

    /** A folder the user chose (an earlier run's, the command line's), or null for the default. */
    public ObjectProperty<Path> chosenFolderProperty() {
        return chosenFolder;
    }

    /** The run's folder: the chosen one or the default for these settings (null while no season is open). */
    public ObjectBinding<Path> folderProperty() {
        return folder;
    }

    /** The stages of the run in progress or the last one, in order. */
    public ObservableList<Stage> stages() {
        return stages;
    }

    /** The last run's table: one row per period observed at both ends, as in its table.csv. */
    public ObservableList<Reproduction.Row> rows() {
        return rows;
    }

    /** The last run's figures (PNG files in its folder), in the report's order. */
    public ObservableList<Path> figures() {
        return figures;
    }

    /** The last run's errors against the observation, persistence and the shift, in one line, or "". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The folder holding the last finished run's report.md, or null. */
    public ReadOnlyObjectProperty<Path> reportFolderProperty() {
        return reportFolder.getReadOnlyProperty();
    }

    /** What came of opening the report's folder when the desktop could not: "" otherwise. */
    public ReadOnlyStringProperty openNoteProperty() {
        return openNote.getReadOnlyProperty();
    }

    /** Opens the folder of the last run's report.md in the desktop's file manager, in the background. */
    public void openReportFolder() {
        Path dir = reportFolder.get();
        if (dir == null) {
            return;
        }
        openNote.set("");
        state.compute("Opening " + dir, m -> {
            if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                throw new IllegalStateException("this desktop cannot open folders; the report is in " + dir);
            }
            Desktop.getDesktop().open(dir.toFile());
            return dir;
        }, (opened, why) -> openNote.set(why));
    }

    /**
     * The run's settings, the reproduce command's for the same choices: scale, the chosen network,
     * boxes, K, the seed and the simulation panel's steps.
     *
     * @throws IllegalArgumentException if K is below 1
     */
    Reproduction.Config config() {
        return Reproduction.Config.of(scale.get(), state.networkProperty().get().id(), boxes.get().toString(), boxes.get().bounds(),
                chains.get(), state.seedProperty().get(), state.parameters().stepsPer3600Property().get(), Ensemble.defaultThreads());
    }

    /** Runs (or continues) the protocol on the open season in the run's folder. */
    public void reproduce() {
        Reproduction.Config config;
        try {
            config = config();
        } catch (IllegalArgumentException e) {
            job.refuse(e.getMessage());
            return;
        }
        reproduce(config);
    }

    /** {@link #reproduce()} with other settings (a tiny run). */
    void reproduce(Reproduction.Config config) {
        SeasonViewModel season = state.season();
        Integer year = season.yearProperty().get();
        GridCache cache = season.cache();
        DataCatalogue catalogue = season.catalogueProperty().get();
        Path dir = folder.get();
        if (year == null || cache == null || catalogue == null || dir == null) {
            job.refuse("No season is open.");
            return;
        }
        if (state.busyProperty().get()) {
            // refused before the last run's table and figures are cleared
            job.refuse(LearnState.BUSY);
            return;
        }
        FocusArea area = season.focusAreaProperty().get();
        resetStages();
        rows.clear();
        figures.clear();
        summary.set("");
        reportFolder.set(null);
        state.start(job, "Reproducing the " + year + " season", m -> {
            ObservedSeason observed = LearnState.observedSeason(cache, Season.study(year), area, m);
            Map<LocalDate, String> sources = new TreeMap<>();
            for (LocalDate d : observed.lattices().keySet()) {
                catalogue.file(d).ifPresent(f -> sources.put(d, f.getFileName().toString()));
            }
            Map<String, String> earlier = Reproduction.stageTimes(dir);
            state.onUiThread(() -> stages.set(0, new Stage(stages.get(0).name(), Status.RUNNING, Double.NaN)));
            return Reproduction.run(observed, sources, dir, config, (name, skipped, seconds) -> {
                double took = skipped ? seconds(earlier.get(name)) : seconds;
                state.onUiThread(() -> finished(name, skipped, took));
            }, m);
        }, r -> {
            rows.setAll(r);
            figures.setAll(Reproduction.FIGURES.stream().map(dir::resolve).filter(Files::isRegularFile).toList());
            summary.set(Reproduction.summary(r));
            reportFolder.set(dir);
            Map<SemiMonthlyPeriod, IsingParams> params = new TreeMap<>();
            Map<SemiMonthlyPeriod, double[]> spreads = new TreeMap<>();
            for (Reproduction.Row row : r) {
                params.put(row.period(), row.params());
                spreads.put(row.period(), row.sd());
            }
            charts.runWith(params, spreads);
            simulation.reset();
            return "Reproduced " + r.size() + " periods; table.csv, the figures and report.md are in " + dir
                    + "; the season charts now run with the refined parameters and their spreads.";
        });
    }

    private static double seconds(String text) {
        try {
            return text == null ? Double.NaN : Double.parseDouble(text);
        } catch (NumberFormatException notANumber) {
            return Double.NaN;
        }
    }

    private void resetStages() {
        stages.setAll(Reproduction.STAGES.stream().map(s -> new Stage(s, Status.WAITING, Double.NaN)).toList());
    }

    /** A stage ended: it shows what it took, and the next one runs. */
    private void finished(String name, boolean skipped, double seconds) {
        List<String> names = Reproduction.STAGES;
        int i = names.indexOf(name);
        stages.set(i, new Stage(name, skipped ? Status.SKIPPED : Status.DONE, seconds));
        if (i + 1 < names.size() && job.runningProperty().get()) {
            stages.set(i + 1, new Stage(names.get(i + 1), Status.RUNNING, Double.NaN));
        }
    }
}
