package org.iceising.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.iceising.model.Boundary;
import org.iceising.model.ClassroomIsing;
import org.iceising.model.Lattice;
import org.iceising.model.SimulationSettings;
import org.iceising.model.SpinKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "ising", mixinStandardHelpOptions = true,
        description = {"The classroom Ising model: an L x L lattice, J = 1, uniform field H, from a random or ordered start.",
                "The first fifth of the sweeps equilibrates; |M| and the energy per site are averaged over the rest.",
                "Onsager: binary spins, periodic boundary, H = 0 order below Tc = 2.269 (|M| = 0.9865 at T = 1.5)."})
final class IsingCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** L x L sites must stay well inside an int and the memory of a desktop (4,096^2 = 16.8 M sites). */
    static final int MAX_SIZE = 4096;
    static final int MAX_SWEEPS = 10_000_000;

    @Option(names = "--size", required = true, paramLabel = "L", description = "Lattice side, 2 to " + MAX_SIZE + ".")
    int size;

    @Option(names = "--temperature", required = true, paramLabel = "T", description = "Temperature (J = k_B = 1).")
    double temperature;

    @Option(names = "--sweeps", required = true, paramLabel = "N", description = "Sweeps (L*L steps each), at least 5.")
    int sweeps;

    @Option(names = "--spins", defaultValue = "binary", paramLabel = "KIND",
            description = "binary (+1/-1) or continuous ([-1, 1]). Default: ${DEFAULT-VALUE}.")
    String spins;

    @Option(names = "--boundary", defaultValue = "periodic", paramLabel = "KIND",
            description = "periodic or study (a missing neighbour takes the cell's own value). Default: ${DEFAULT-VALUE}.")
    String boundary;

    @Option(names = "--field", defaultValue = "0", paramLabel = "H", description = "Uniform field. Default: ${DEFAULT-VALUE}.")
    double field;

    @Option(names = "--start", defaultValue = "random", paramLabel = "KIND",
            description = "random (hot) or ordered (cold, all +1). A random start below Tc may freeze into stripes. "
                    + "Default: ${DEFAULT-VALUE}.")
    String startKind;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() {
        Ranges.check("--size", size, 2, MAX_SIZE);
        Ranges.check("--sweeps", sweeps, 5, MAX_SWEEPS);
        Ranges.positive("--temperature", temperature);
        SpinKind kind = choice(SpinKind.class, spins, "--spins");
        Boundary b = choice(Boundary.class, boundary, "--boundary");
        SimulationSettings settings = new SimulationSettings(temperature, kind, b);
        Lattice start = switch (startKind.trim().toLowerCase(Locale.ROOT)) {
            case "random" -> ClassroomIsing.randomStart(size, kind, seed);
            case "ordered" -> Lattice.uniform(size, size, 1);
            default -> throw new IllegalArgumentException("--start must be random or ordered, got '" + startKind + "'");
        };
        int equilibration = sweeps / 5;
        ConsoleProgress progress = new ConsoleProgress(System.err);
        ClassroomIsing.Result r;
        try {
            r = ClassroomIsing.measure(start, settings, field, equilibration, sweeps - equilibration, seed + 1, progress);
        } finally {
            progress.finish();
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "L=%d T=%s H=%s spins=%s boundary=%s start=%s sweeps=%d (equilibration %d)%n", size,
                temperature, field, kind.name().toLowerCase(Locale.ROOT), b.name().toLowerCase(Locale.ROOT), startKind,
                sweeps, equilibration);
        o.printf(Locale.ROOT, "mean |M| per site   %.5f%n", r.meanAbsMagnetisation());
        o.printf(Locale.ROOT, "energy per site     %.5f%n", r.energyPerSite());
        o.printf(Locale.ROOT, "acceptance ratio    %.4f%n", r.acceptance());
        return 0;
    }

    static <E extends Enum<E>> E choice(Class<E> type, String value, String option) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.trim())) {
                return e;
            }
        }
        StringBuilder names = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            names.append(names.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException(option + " must be one of " + names + ", got '" + value + "'");
    }
}
