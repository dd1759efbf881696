package org.iceising.app.parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.iceising.app.task.Failures;
import org.iceising.app.task.Job;
import org.iceising.app.task.JobRunner;
import org.iceising.model.IsingParams;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;
import org.iceising.app.controls.Numbers;

/**
 * The simulation's knobs as observable state: the five Ising parameters, the temperature, the steps
 * per period and the seed, with presets and a reset. Values outside a knob's range are clamped
 * into it; the ranges cover the study's bounds (MODEL.md §6) and more. Periods may also carry
 * their own parameters (a prediction's): choosing such a period puts them on the knobs, and a
 * season run simulates it with them.
 */
public final class ParametersViewModel {

    /**
     * One continuous knob.
     *
     * @param symbol      the study's symbol
     * @param description what it is, for tooltips
     * @param min         lowest value
     * @param max         highest value
     */
    public record Knob(String symbol, String description, double min, double max) {
        double clamp(double v) {
            return Double.isNaN(v) ? min : Math.max(min, Math.min(max, v));
        }
    }

    public static final Knob J = new Knob("J", "coupling between neighbouring cells", 0, 5);
    public static final Knob B0 = new Knob("B0", "external field at the lattice centre (> 0 favours water)", -20, 20);
    public static final Knob BX = new Knob("Bx", "field gradient across rows", -15, 15);
    public static final Knob BY = new Knob("By", "field gradient across columns", -15, 15);
    public static final Knob I = new Knob("I", "inertia: energy cost per unit of spin change", 0, 20);
    public static final Knob T = new Knob("T", "Ising temperature (the study uses 1)", 0.1, 5);
    /** The five model parameters in {@link IsingParams#NAMES} order. */
    public static final List<Knob> MODEL_KNOBS = List.of(J, B0, BX, BY, I);

    /** The study's 50,000 steps per 3,600 cells, and the range offered. */
    public static final long MIN_STEPS = 1_000;
    public static final long MAX_STEPS = 1_000_000;
    public static final long DEFAULT_SEED = 1;

    private final DoubleProperty[] model = new DoubleProperty[MODEL_KNOBS.size()];
    private final DoubleProperty temperature = new SimpleDoubleProperty(this, "temperature", 1);
    private final LongProperty stepsPer3600 = new SimpleLongProperty(this, "stepsPer3600", SemiMonthlyPeriod.STUDY_STEPS);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", DEFAULT_SEED);
    private final ReadOnlyObjectWrapper<IsingParams> params = new ReadOnlyObjectWrapper<>(this, "params");
    private final ReadOnlyObjectWrapper<SimulationSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings", SimulationSettings.study());
    private final ObservableList<Preset> presets = FXCollections.observableArrayList(Preset.BUILT_IN);
    private final ObjectProperty<Preset> selectedPreset = new SimpleObjectProperty<>(this, "selectedPreset");
    private final JobRunner runner;
    private final ReadOnlyStringWrapper presetNote = new ReadOnlyStringWrapper(this, "presetNote", "");
    private final ObservableMap<SemiMonthlyPeriod, IsingParams> perPeriod = FXCollections.observableMap(new TreeMap<>());
    private final ObservableMap<SemiMonthlyPeriod, double[]> perPeriodSpread = FXCollections.observableMap(new TreeMap<>());

    /** @param runner reads and writes preset files */
    public ParametersViewModel(JobRunner runner) {
        this.runner = runner;
        IsingParams start = Preset.MELT_CENTRE.params();
        double[] v = start.toArray();
        for (int k = 0; k < model.length; k++) {
            Knob knob = MODEL_KNOBS.get(k);
            model[k] = clampedProperty(knob, v[k]);
            model[k].addListener((o, a, b) -> changed());
        }
        params.set(start);
        selectedPreset.set(Preset.MELT_CENTRE);
        // a spread belongs to the parameters it was estimated with: it goes when they change or go
        perPeriod.addListener((MapChangeListener<SemiMonthlyPeriod, IsingParams>) c -> perPeriodSpread.remove(c.getKey()));
        temperature.addListener((o, a, b) -> {
            double t = T.clamp(b.doubleValue());
            if (t != b.doubleValue()) {
                temperature.set(t);
            } else {
                settings.set(settings.get().withTemperature(t));
            }
        });
        stepsPer3600.addListener((o, a, b) -> {
            long s = Math.max(MIN_STEPS, Math.min(MAX_STEPS, b.longValue()));
            if (s != b.longValue()) {
                stepsPer3600.set(s);
            }
        });
    }

    private DoubleProperty clampedProperty(Knob knob, double initial) {
        DoubleProperty p = new SimpleDoubleProperty(this, knob.symbol(), initial);
        p.addListener((o, a, b) -> {
            double c = knob.clamp(b.doubleValue());
            if (c != b.doubleValue()) {
                p.set(c);
            }
        });
        return p;
    }

    /** Keeps {@link #params} current; a preset stays selected only while the parameters are its own. */
    private void changed() {
        IsingParams p = read();
        params.set(p);
        Preset selected = selectedPreset.get();
        if (selected != null && !selected.params().equals(p)) {
            selectedPreset.set(null);
        }
    }

    private IsingParams read() {
        double[] v = new double[model.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = model[k].get();
        }
        return IsingParams.fromArray(v);
    }

    /** The property of one of {@link #MODEL_KNOBS} or {@link #T}. */
    public DoubleProperty property(Knob knob) {
        if (knob == T) {
            return temperature;
        }
        int k = MODEL_KNOBS.indexOf(knob);
        if (k < 0) {
            throw new IllegalArgumentException("unknown knob " + knob);
        }
        return model[k];
    }

    /** The five parameters as they stand. */
    public ReadOnlyObjectProperty<IsingParams> paramsProperty() {
        return params.getReadOnlyProperty();
    }

    public IsingParams params() {
        return params.get();
    }

    /** Temperature, continuous spins, the study's boundary. */
    public ReadOnlyObjectProperty<SimulationSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public SimulationSettings settings() {
        return settings.get();
    }

    public DoubleProperty temperatureProperty() {
        return temperature;
    }

    /** Metropolis steps per period for 3,600 active cells (the study: 50,000), scaled by the lattice. */
    public LongProperty stepsPer3600Property() {
        return stepsPer3600;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    /** Built-in presets followed by those loaded from files. */
    public ObservableList<Preset> presets() {
        return presets;
    }

    public ObjectProperty<Preset> selectedPresetProperty() {
        return selectedPreset;
    }

    /** Sets the five parameters to {@code p}'s (temperature, steps and seed stay). */
    public void apply(IsingParams p) {
        double[] v = p.toArray();
        for (int k = 0; k < v.length; k++) {
            model[k].set(v[k]);
        }
    }

    /** Applies a preset (its temperature, steps and seed too, where it has them) and shows it as selected. */
    public void apply(Preset preset) {
        selectedPreset.set(null);
        if (preset.temperature() != null) {
            temperature.set(preset.temperature());
        }
        if (preset.stepsPer3600() != null) {
            stepsPer3600.set(preset.stepsPer3600());
        }
        if (preset.seed() != null) {
            seed.set(preset.seed());
        }
        apply(preset.params());
        selectedPreset.set(preset);
    }

    /**
     * Back to the study's settings: T = 1, 50,000 steps per 3,600 cells, seed 1, and the centre
     * of the study's bounds for the period's regime (melting before 15 September, else freezing).
     */
    public void reset(SemiMonthlyPeriod period) {
        temperature.set(1);
        stepsPer3600.set(SemiMonthlyPeriod.STUDY_STEPS);
        seed.set(DEFAULT_SEED);
        apply(Preset.centre(period));
    }

    /** Adds a loaded or saved preset to the list (replacing one of the same name) and applies it. */
    public void addAndApply(Preset preset) {
        presets.removeIf(p -> p.name().equals(preset.name()) && !Preset.BUILT_IN.contains(p));
        presets.add(preset);
        apply(preset);
    }

    /** Reads a preset file in the background; it joins the list and is applied, or the note says why not. */
    public void loadPreset(Path file) {
        runner.run(Job.of("Loading " + file.getFileName(), m -> Preset.load(file))
                .onSuccess(p -> {
                    addAndApply(p);
                    presetNote.set("Loaded " + file.getFileName());
                })
                .onFailure(why -> presetNote.set("Could not load the preset: " + why)));
    }

    /**
     * Saves the knobs (parameters, temperature, steps and seed) as a preset named after the file,
     * in the background; once written it joins the list, selected.
     */
    public void savePreset(Path file) {
        Preset p;
        try {
            p = current(file.getFileName().toString().replaceFirst("(?i)\\.json$", ""));
        } catch (IllegalArgumentException e) {
            presetNote.set("Could not save the preset: " + Failures.describe(e));
            return;
        }
        runner.run(Job.of("Saving " + file.getFileName(), m -> {
            p.save(file);
            return p;
        }).onSuccess(saved -> {
            addAndApply(saved);
            presetNote.set("Saved " + file);
        }).onFailure(why -> presetNote.set("Could not save the preset: " + why)));
    }

    /** What the last preset load or save said, "" before any. */
    public ReadOnlyStringProperty presetNoteProperty() {
        return presetNote.getReadOnlyProperty();
    }

    /** "J=2.31, B0=-14.5, Bx=-6.15, By=0.07, I=9.93, T=1": what a result was made with. */
    public static String describe(IsingParams p, SimulationSettings s) {
        return "J=" + Numbers.trim(p.j(), 3) + ", B0=" + Numbers.trim(p.b0(), 3) + ", Bx=" + Numbers.trim(p.bx(), 3)
                + ", By=" + Numbers.trim(p.by(), 3) + ", I=" + Numbers.trim(p.inertia(), 3) + ", T=" + Numbers.trim(s.temperature(), 3);
    }

    /**
     * Parameters of individual periods (a prediction's, one entry per predicted period); empty
     * when every period is simulated with the knobs' values.
     */
    public ObservableMap<SemiMonthlyPeriod, IsingParams> perPeriod() {
        return perPeriod;
    }

    /** The parameters to simulate {@code period} with: its own if it has any, else the knobs' values. */
    public IsingParams paramsFor(SemiMonthlyPeriod period) {
        return perPeriod.getOrDefault(period, params());
    }

    /**
     * The parameters each of {@code periods} is simulated with in a season run: its own if it has
     * some; else the knobs' values if it is of the same regime (melt or freeze) as {@code shown},
     * the period the knobs are set for; else the study's centre for its regime, so that a freeze
     * period is never run with melt parameters.
     */
    public Map<SemiMonthlyPeriod, IsingParams> seasonParams(List<SemiMonthlyPeriod> periods, SemiMonthlyPeriod shown) {
        Map<SemiMonthlyPeriod, IsingParams> out = new TreeMap<>();
        boolean shownMelting = shown == null || shown.isMelting();
        for (SemiMonthlyPeriod p : periods) {
            IsingParams own = perPeriod.get(p);
            out.put(p, own != null ? own : p.isMelting() == shownMelting ? params() : Preset.centre(p).params());
        }
        return out;
    }

    /** Gives periods their own parameters (replacing any earlier ones, and their spreads) and puts {@code current}'s on the knobs. */
    public void usePerPeriod(Map<SemiMonthlyPeriod, IsingParams> params, SemiMonthlyPeriod current) {
        usePerPeriod(params, Map.of(), current);
    }

    /**
     * Gives periods their own parameters and, where known, their spreads (standard deviations of
     * J, B0, Bx, By, I, e.g. a reproduction's calibrated ones), replacing any earlier ones, and puts
     * {@code current}'s parameters on the knobs. A spread without parameters of its period is ignored.
     */
    public void usePerPeriod(Map<SemiMonthlyPeriod, IsingParams> params, Map<SemiMonthlyPeriod, double[]> spreads, SemiMonthlyPeriod current) {
        perPeriod.clear();
        perPeriod.putAll(params);
        spreads.forEach((p, sd) -> {
            if (params.containsKey(p)) {
                if (sd.length != 5) {
                    throw new IllegalArgumentException("a spread has five standard deviations (J, B0, Bx, By, I), got " + sd.length);
                }
                perPeriodSpread.put(p, sd.clone());
            }
        });
        periodChosen(current);
    }

    /**
     * The spreads of the periods' own parameters, where known: standard deviations of J, B0, Bx, By
     * and I. A period loses its spread when its parameters change or go.
     */
    public ObservableMap<SemiMonthlyPeriod, double[]> perPeriodSpread() {
        return perPeriodSpread;
    }

    /** A period was chosen: if it has its own parameters, they go on the knobs. */
    public void periodChosen(SemiMonthlyPeriod period) {
        IsingParams own = period == null ? null : perPeriod.get(period);
        if (own != null) {
            apply(own);
        }
    }

    /** The knobs under a name, for saving: the parameters, temperature, steps and seed. */
    public Preset current(String name) {
        return new Preset(name, params(), temperature.get(), stepsPer3600.get(), seed.get());
    }
}
