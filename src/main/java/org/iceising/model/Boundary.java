package org.iceising.model;

/** How a cell at the edge of the lattice sees its missing neighbours. */
public enum Boundary {
    /**
     * The study's rule (MODEL.md §2): a neighbour outside the lattice takes the value the cell itself
     * holds (current or proposed), so an edge cell carries a self term −J·v² per missing neighbour.
     */
    STUDY,
    /** Periodic (toroidal) boundaries: the classroom Ising model. */
    PERIODIC
}
