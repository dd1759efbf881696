package org.iceising;

import org.iceising.app.WorkbenchApp;

/** Starts the workbench when given no arguments; the command line takes the others. */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            WorkbenchApp.launch(args);
        } else {
            System.err.println("The command line is not part of this build (CLI not merged); run without arguments for the workbench.");
            System.exit(2);
        }
    }
}
