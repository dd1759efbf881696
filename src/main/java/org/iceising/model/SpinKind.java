package org.iceising.model;

/** What values a spin may take and how a Metropolis proposal is drawn. */
public enum SpinKind {
    /** The study's continuous spins: s ∈ [−1, 1], proposal s′ uniform in [−1, 1]. */
    CONTINUOUS,
    /** The classroom Ising model: s = ±1, proposal s′ = −s. */
    BINARY
}
