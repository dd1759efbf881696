package org.iceising.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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

    /**
     * What is at {@code path} instead of a regular file, in words ("no such file", "is a folder, not a
     * file", ...), or null when it is one (links followed).
     */
    public static String notAFile(Path path) {
        if (Files.isRegularFile(path)) {
            return null;
        }
        return Files.isDirectory(path) ? "is a folder, not a file" : other(path, "file");
    }

    /** What is at {@code path} instead of a folder, in words, or null when it is one (links followed). */
    public static String notAFolder(Path path) {
        if (Files.isDirectory(path)) {
            return null;
        }
        return Files.isRegularFile(path) ? "is a file, not a folder" : other(path, "folder");
    }

    private static String other(Path path, String kind) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return "no such " + kind;
        }
        if (!Files.exists(path)) {
            return "is a symbolic link that leads nowhere (to a missing file or round to itself)";
        }
        return "is a pipe, socket or device, not a " + kind;
    }
}
