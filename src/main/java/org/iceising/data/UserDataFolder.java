package org.iceising.data;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where grids fetched by the user live by default: the platform's per-user application-data
 * folder, overridable with the system property {@value #PROPERTY}.
 * <ul>
 *   <li>Linux: {@code $XDG_DATA_HOME/iceising/data}, else {@code ~/.local/share/iceising/data}</li>
 *   <li>macOS: {@code ~/Library/Application Support/IceIsing/data}</li>
 *   <li>Windows: {@code %APPDATA%\IceIsing\data}</li>
 * </ul>
 */
public final class UserDataFolder {
    public static final String PROPERTY = "iceising.userData";

    private UserDataFolder() {
    }

    public static Path directory() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return platformDefault(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Path platformDefault(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            return base.resolve("IceIsing").resolve("data");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("IceIsing").resolve("data");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return base.resolve("iceising").resolve("data");
    }
}
