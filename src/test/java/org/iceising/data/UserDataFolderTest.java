package org.iceising.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserDataFolderTest {
    private static final Path HOME = Path.of("/home/ana");

    @Test
    void followsEachPlatformsConvention() {
        assertEquals(Path.of("/home/ana/.local/share/iceising/data"), UserDataFolder.platformDefault("Linux", Map.of(), HOME));
        assertEquals(Path.of("/x/iceising/data"), UserDataFolder.platformDefault("Linux", Map.of("XDG_DATA_HOME", "/x"), HOME));
        assertEquals(Path.of("/home/ana/Library/Application Support/IceIsing/data"),
                UserDataFolder.platformDefault("Mac OS X", Map.of(), HOME));
        assertEquals(Path.of("/r/IceIsing/data"), UserDataFolder.platformDefault("Windows 11", Map.of("APPDATA", "/r"), HOME));
    }

    @Test
    void theSystemPropertyWins() {
        String before = System.getProperty(UserDataFolder.PROPERTY);
        try {
            System.setProperty(UserDataFolder.PROPERTY, "/data/ice");
            assertEquals(Path.of("/data/ice"), UserDataFolder.directory());
        } finally {
            if (before == null) {
                System.clearProperty(UserDataFolder.PROPERTY);
            } else {
                System.setProperty(UserDataFolder.PROPERTY, before);
            }
        }
    }
}
