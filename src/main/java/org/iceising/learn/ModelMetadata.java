package org.iceising.learn;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import org.iceising.model.IsingParams;
import org.iceising.model.Season;
import org.iceising.model.SemiMonthlyPeriod;

/**
 * What a trained network must remember beside its weights.
 *
 * @param rows            lattice rows of its input
 * @param cols            lattice columns of its input
 * @param periods         the periods it was trained on and the parameter box of each
 * @param standardisation how its outputs map back to parameters
 * @param trainingSeed    the training set's master seed
 * @param trainingSize    samples in the training set (training and held out together)
 * @param validationFraction share of the training set held out for validation
 * @param trainerSeed     the trainer's seed (split, weights, dropout, batch order)
 * @param epochs          epochs trained
 * @param backend         the ND4J backend that trained it ({@link Backend#describe()})
 * @param network         which of the study's networks it is
 * @param architecture    its shape in words ({@link Architecture#describe()})
 * @param trainableParameters its trainable parameter count, checked when the network is read back
 * @param pretrained      the file name of the pretrained weights it started from, or "" for fresh weights
 */
public record ModelMetadata(int rows, int cols, SortedMap<SemiMonthlyPeriod, ParameterBounds> periods,
                            Standardisation standardisation, long trainingSeed, int trainingSize,
                            double validationFraction, long trainerSeed, int epochs, String backend,
                            Network network, String architecture, long trainableParameters, String pretrained) {

    static final String FORMAT = "iceising-cnn";
    /** Version 2 added the network (version 1 files hold the CNN). */
    static final int VERSION = 2;

    public ModelMetadata {
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("a model is trained on at least one period");
        }
        periods = Collections.unmodifiableSortedMap(new TreeMap<>(periods));
    }

    /** The season spanned by the trained periods: first start to last end. */
    public Season season() {
        return new Season(periods.firstKey().start(), periods.lastKey().end());
    }

    /** The box of {@code period} if the model was trained on it, else null. */
    public ParameterBounds boundsFor(SemiMonthlyPeriod period) {
        return periods.get(period);
    }

    /**
     * The box the model learned for periods like {@code period}: its own if it was trained on it,
     * else that of the first trained period of the same regime (melting or freezing), else null.
     */
    public ParameterBounds boundsForRegime(SemiMonthlyPeriod period) {
        ParameterBounds own = periods.get(period);
        if (own != null) {
            return own;
        }
        return periods.entrySet().stream().filter(e -> e.getKey().isMelting() == period.isMelting())
                .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
    }

    Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("version", Integer.toString(VERSION));
        p.setProperty("rows", Integer.toString(rows));
        p.setProperty("cols", Integer.toString(cols));
        p.setProperty("trainingSeed", Long.toString(trainingSeed));
        p.setProperty("trainingSize", Integer.toString(trainingSize));
        p.setProperty("validationFraction", Double.toString(validationFraction));
        p.setProperty("trainerSeed", Long.toString(trainerSeed));
        p.setProperty("epochs", Integer.toString(epochs));
        p.setProperty("backend", backend);
        p.setProperty("network", network.id());
        p.setProperty("architecture", architecture);
        p.setProperty("trainableParameters", Long.toString(trainableParameters));
        p.setProperty("pretrained", pretrained);
        p.setProperty("mean", csv(standardisation.mean()));
        p.setProperty("scale", csv(standardisation.scale()));
        for (Map.Entry<SemiMonthlyPeriod, ParameterBounds> e : periods.entrySet()) {
            p.setProperty("period." + e.getKey().start(), e.getValue().toString());
        }
        return p;
    }

    /** Reads metadata written by {@link #toProperties()}; {@code what} names the file in messages. */
    static ModelMetadata fromProperties(Properties p, String what) {
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new ModelFileException(what + " is not an IceIsing model (its metadata says format '" + p.getProperty("format") + "')");
        }
        try {
            int version = Integer.parseInt(required(p, "version", what));
            if (version < 1 || version > VERSION) {
                throw new ModelFileException(what + " is an IceIsing model of format version " + version + "; this program reads versions 1 to "
                        + VERSION);
            }
            SortedMap<SemiMonthlyPeriod, ParameterBounds> periods = new TreeMap<>();
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("period.")) {
                    periods.put(new SemiMonthlyPeriod(LocalDate.parse(key.substring("period.".length()))),
                            ParameterBounds.parse(p.getProperty(key)));
                }
            }
            int rows = Integer.parseInt(required(p, "rows", what));
            int cols = Integer.parseInt(required(p, "cols", what));
            Network network = version == 1 ? Network.CNN : Network.parse(required(p, "network", what));
            return new ModelMetadata(rows, cols, periods,
                    new Standardisation(parseCsv(required(p, "mean", what)), parseCsv(required(p, "scale", what))),
                    Long.parseLong(required(p, "trainingSeed", what)), Integer.parseInt(required(p, "trainingSize", what)),
                    Double.parseDouble(required(p, "validationFraction", what)), Long.parseLong(required(p, "trainerSeed", what)),
                    Integer.parseInt(required(p, "epochs", what)), required(p, "backend", what), network,
                    version == 1 ? IceCnn.ARCHITECTURE.describe() : required(p, "architecture", what),
                    version == 1 ? IceCnn.parameterCount(rows, cols) : Long.parseLong(required(p, "trainableParameters", what)),
                    version == 1 ? "" : p.getProperty("pretrained", ""));
        } catch (RuntimeException e) {
            if (e instanceof ModelFileException m) {
                throw m;
            }
            throw new ModelFileException(what + " is damaged: its metadata cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static String required(Properties p, String key, String what) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new ModelFileException(what + " is damaged: its metadata lacks '" + key + "'");
        }
        return v;
    }

    private static String csv(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < v.length; k++) {
            sb.append(k > 0 ? "," : "").append(String.format(Locale.ROOT, "%s", v[k]));
        }
        return sb.toString();
    }

    private static double[] parseCsv(String s) {
        String[] parts = s.split(",");
        if (parts.length != IsingParams.NAMES.length) {
            throw new IllegalArgumentException("expected " + IsingParams.NAMES.length + " numbers, got '" + s + "'");
        }
        double[] v = new double[parts.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = Double.parseDouble(parts[k].trim());
        }
        return v;
    }
}
