package org.iceising.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.regex.Pattern;

/**
 * Input/output failures in words. Java's own messages are often just a path ({@code
 * AccessDeniedException: /proc/x}), a coder's phrase ({@code Input length = 1}) or empty; these say
 * what went wrong, and {@link #line} also which file.
 */
public final class IoWords {
    /** Text that reads like a Java class name ("java.io.EOFException", "com.google.gson.Foo"). */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[a-z]+(\\.[a-z0-9_]+)+\\.[A-Z]\\w*");

    private IoWords() {
    }

    /** What went wrong, without the file: "permission denied", "no such file or folder", ... */
    public static String of(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        if (e instanceof FileSystemLoopException) {
            return "a symbolic link leads back into a folder above it";
        }
        if (e instanceof CharacterCodingException) {
            return "not text: it holds bytes that are not characters of its encoding";
        }
        if (e instanceof EOFException) {
            return "it ends early";
        }
        if (e instanceof FileSystemException f) {
            return f.getReason() != null ? lowerFirst(f.getReason()) : "input/output error";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() || CLASS_NAME.matcher(m).find() ? "input/output error" : lowerFirst(m);
    }

    /** The failure as one line naming the file where Java knows it: "/proc/x: permission denied". */
    public static String line(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": " + of(e);
        }
        return of(e);
    }

    /** The same for an unchecked wrapper. */
    public static String line(UncheckedIOException e) {
        return line(e.getCause());
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
