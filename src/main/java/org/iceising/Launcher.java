package org.iceising;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.iceising.app.WorkbenchApp;
import org.iceising.app.task.Failures;
import org.iceising.cli.IceIsingCommand;

/**
 * The jar's entry point: with a command it runs the command line, without one it opens the
 * workbench, or says in one line that the workbench needs a display and the command line does not.
 */
public final class Launcher {
    /** What the workbench needs and what works instead, after the reason. */
    static final String NEEDS_A_DISPLAY = "The IceIsing workbench needs a display; the iceising command line works without one"
            + " (try: java -jar target/iceising.jar --help).";

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            System.exit(IceIsingCommand.run(args));
        }
        Optional<String> missing = missingDisplay(System.getenv(), System.getProperty("os.name", ""));
        if (missing.isPresent()) {
            System.err.println(missing.get());
            System.exit(2);
        }
        try {
            WorkbenchApp.launch(args);
        } catch (RuntimeException e) {
            // a display that is named but cannot be opened, or a graphics stack that will not start
            System.err.println("No display could be opened (" + Failures.describe(e) + "). " + NEEDS_A_DISPLAY);
            System.exit(2);
        }
    }

    /**
     * On Linux and the BSDs a window needs an X11 or Wayland display named in the environment; the
     * line to print when there is none.
     */
    static Optional<String> missingDisplay(Map<String, String> environment, String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        boolean unixDesktop = os.contains("linux") || os.contains("bsd") || os.contains("sunos");
        boolean named = !environment.getOrDefault("DISPLAY", "").isBlank() || !environment.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
        return unixDesktop && !named ? Optional.of("No display: neither DISPLAY nor WAYLAND_DISPLAY is set. " + NEEDS_A_DISPLAY)
                : Optional.empty();
    }
}
