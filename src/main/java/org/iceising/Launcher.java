package org.iceising;

import org.iceising.cli.IceIsingCommand;
import org.iceising.app.WorkbenchApp;

/**
 * The jar's entry point: with a command it runs the command line, without one it opens the
 * workbench.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            WorkbenchApp.launch(args);
        } else {
            System.exit(IceIsingCommand.run(args));
        }
    }
}
