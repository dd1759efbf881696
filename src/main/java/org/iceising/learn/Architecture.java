package org.iceising.learn;

/**
 * The shape of one of the study's networks: the full-size one of {@link Network} or a reduced one
 * of the same family (fewer blocks, narrower layers) built by the same code, for tests and quick
 * runs.
 */
public interface Architecture {

    /** The family: the network that {@link Network#restore} rebuilds this architecture's files with. */
    Network network();

    /** A freshly initialised network for a rows × cols lattice, with the family's updater at {@code learningRate}. */
    InverseNetwork create(int rows, int cols, double learningRate, long seed);

    /** One line naming the shape: "ResNet 3-4-6-3, width 64, fc 1000". */
    String describe();
}
