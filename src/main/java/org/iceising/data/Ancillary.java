package org.iceising.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a data folder's ancillary files are: {@value #GRID} (latitudes, longitudes, cell areas) and
 * {@value #EXTENT} (the Sea Ice Index), in the folder itself if it has them, else in the sample data.
 */
public final class Ancillary {
    /** The folder of the grid's latitudes, longitudes and cell areas. */
    public static final String GRID = "grid";
    /** The folder of the Sea Ice Index daily extent file. */
    public static final String EXTENT = "extent";

    private Ancillary() {
    }

    /** {@code dir/name} if it is a folder, else the sample data's. */
    public static Path folder(Path dir, String name) {
        Path own = dir.resolve(name);
        return Files.isDirectory(own) ? own : SampleData.directory().resolve(name);
    }
}
