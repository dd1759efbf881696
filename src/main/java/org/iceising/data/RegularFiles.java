package org.iceising.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Refuses, before opening it, a path that is not a regular file: a named pipe or a device would
 * block the reader until something writes to it, a folder cannot be read as a file.
 */
public final class RegularFiles {
    private RegularFiles() {
    }

    /**
     * Returns {@code file} if it is a regular file (links followed).
     *
     * @param what what the file should hold, for the message ("preset", "model")
     * @throws IOException one line naming the file and what it is instead
     */
    public static Path require(Path file, String what) throws IOException {
        if (Files.isRegularFile(file)) {
            return file;
        }
        String is = !Files.exists(file) ? "does not exist"
                : Files.isDirectory(file) ? "is a folder, not a file"
                : "is not a regular file (a pipe or a device?)";
        throw new IOException("the " + what + " file " + file + " " + is);
    }
}
