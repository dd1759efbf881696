package org.iceising.data;

import java.nio.file.Path;

/** A data file (or folder) that cannot be used; the message names the file and says what is wrong. */
public class DataFileException extends RuntimeException {
    private final transient Path file;
    private final String problem;

    public DataFileException(Path file, String problem) {
        super(name(file) + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    public DataFileException(Path file, String problem, Throwable cause) {
        super(name(file) + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    private DataFileException(String shown, Path file, String problem) {
        super(shown + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    /** A problem of a path the user gave as it is (a --data folder), named whole rather than by its last part. */
    public static DataFileException named(Path path, String problem) {
        return new DataFileException(path.toString(), path, problem);
    }

    /** What is wrong, without the file's name. */
    public String problem() {
        return problem;
    }

    /** The file or folder concerned. */
    public Path file() {
        return file;
    }

    private static String name(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
