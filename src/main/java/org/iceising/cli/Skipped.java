package org.iceising.cli;

import picocli.CommandLine.Model.CommandSpec;

/**
 * Inputs a command skips and goes on without (a damaged grid in a range, an unreadable sub-folder, a
 * bad line of the Sea Ice Index): each is one line on stderr as it is met, and the run then ends with
 * {@link IceIsingCommand#SOME_INPUTS_SKIPPED} instead of 0.
 */
final class Skipped {
    private Skipped() {
    }

    /** Reports an input left out: "iceising measure: nt_...bin: truncated ..."; the run will not end with 0. */
    static void report(CommandSpec spec, String line) {
        spec.commandLine().getErr().println(IceIsingCommand.oneLine(spec.qualifiedName() + ": " + line));
        if (spec.root().userObject() instanceof IceIsingCommand root) {
            root.skipped++;
        }
    }

    /** Reports something worth knowing that left nothing out (several copies of one day). */
    static void note(CommandSpec spec, String line) {
        spec.commandLine().getErr().println(IceIsingCommand.oneLine(spec.qualifiedName() + ": note: " + line));
    }
}
