package org.iceising.model;

/**
 * Everything about a Metropolis run that is not one of the five fitted parameters.
 *
 * @param temperature the Ising temperature T (β = 1/T); the study uses 1
 * @param spins       continuous (the study) or binary spins
 * @param boundary    the study's self-value boundary or periodic
 */
public record SimulationSettings(double temperature, SpinKind spins, Boundary boundary) {

    public SimulationSettings {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a positive finite number, got " + temperature);
        }
        if (spins == null || boundary == null) {
            throw new IllegalArgumentException("spins and boundary must be given");
        }
    }

    /** The study's settings: T = 1, continuous spins, self-value boundary. */
    public static SimulationSettings study() {
        return new SimulationSettings(1.0, SpinKind.CONTINUOUS, Boundary.STUDY);
    }

    public double beta() {
        return 1.0 / temperature;
    }

    public SimulationSettings withTemperature(double t) {
        return new SimulationSettings(t, spins, boundary);
    }
}
