package org.iceising.data;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the {@code sample-data/} folder of real NSIDC files the application opens by default: the
 * folder named by the system property {@value #PROPERTY} if set; else {@code ./sample-data}; else a
 * {@code sample-data} folder next to, or one level above, the folder holding the running jar
 * ({@code target/iceising.jar} → {@code ./sample-data}; an installed application → its app folder).
 */
public final class SampleData {
    /** System property naming the data folder. */
    public static final String PROPERTY = "iceising.data";
    static final String FOLDER = "sample-data";

    private SampleData() {
    }

    /** The sample-data folder; a {@link DataFileException} says where it looked if there is none. */
    public static Path directory() {
        return directory(System.getProperty(PROPERTY), Path.of("").toAbsolutePath(), codeLocation());
    }

    /** The search itself, for given property value (or null), working folder and code location (or empty). */
    static Path directory(String property, Path workingDir, Optional<Path> codeLocation) {
        if (property != null && !property.isBlank()) {
            Path p = Path.of(property);
            if (!Files.isDirectory(p)) {
                throw new DataFileException(p, "the folder named by -D" + PROPERTY + " does not exist");
            }
            return p;
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(workingDir.resolve(FOLDER));
        codeLocation.ifPresent(code -> {
            Path holder = code.getParent();
            if (holder != null) {
                candidates.add(holder.resolve(FOLDER));
                if (holder.getParent() != null) {
                    candidates.add(holder.getParent().resolve(FOLDER));
                }
            }
        });
        for (Path c : candidates) {
            if (Files.isDirectory(c)) {
                return c;
            }
        }
        throw new DataFileException(Path.of(FOLDER), "not found; looked in " + candidates
                + "; name the data folder with -D" + PROPERTY + "=<folder>");
    }

    private static Optional<Path> codeLocation() {
        try {
            var source = SampleData.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
