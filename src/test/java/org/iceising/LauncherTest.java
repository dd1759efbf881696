package org.iceising;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LauncherTest {

    @Test
    void withoutADisplayTheWorkbenchSaysSoInOneLineAndNamesTheCommandLine() {
        assertEquals(Optional.of("No display: neither DISPLAY nor WAYLAND_DISPLAY is set. The IceIsing workbench needs a display;"
                + " the iceising command line works without one (try: java -jar target/iceising.jar --help)."),
                Launcher.missingDisplay(Map.of("DISPLAY", " "), "Linux"));
        assertEquals(Optional.empty(), Launcher.missingDisplay(Map.of("DISPLAY", ":99"), "Linux"));
        assertEquals(Optional.empty(), Launcher.missingDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux"));
        // Windows and macOS have their own window systems, named nowhere in the environment
        assertEquals(Optional.empty(), Launcher.missingDisplay(Map.of(), "Windows 11"));
        assertEquals(Optional.empty(), Launcher.missingDisplay(Map.of(), "Mac OS X"));
    }
}
