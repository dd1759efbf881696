package org.iceising.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Every file IceIsing writes goes through here: it is written under a temporary name in the
 * target's folder and renamed into place, so a crash or an error never leaves a half-written file
 * where a good one was (or is expected).
 */
public final class AtomicFiles {
    /** Writes the content of a file. */
    @FunctionalInterface
    public interface StreamBody {
        void write(OutputStream out) throws IOException;
    }

    /** Writes the text of a file. */
    @FunctionalInterface
    public interface TextBody {
        void write(Writer out) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} through a temporary file. A failure names {@code target}, never the
     * temporary name; a folder as target is refused before anything is written.
     */
    public static void write(Path target, StreamBody body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || Files.isDirectory(abs)) {
            throw new FileSystemException(target.toString(), null, "is a folder; give a file name to write to");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw named(dir.toString(), "cannot create the folder", e);
        }
        // a fresh name opened with CREATE_NEW gets the user's usual permissions (createTempFile's are owner-only)
        Path tmp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE))) {
                body.write(out);
            }
            moveIntoPlace(tmp, abs);
        } catch (IOException e) {
            if (e instanceof FileSystemException f && f.getFile() != null && !f.getFile().equals(tmp.toString())) {
                throw e;
            }
            throw named(target.toString(), "cannot be written", e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A failure that names the user's path and what could not be done there. */
    private static FileSystemException named(String path, String what, IOException cause) {
        FileSystemException e = new FileSystemException(path, null, what + " (" + IoWords.of(cause) + ")");
        e.initCause(cause);
        return e;
    }

    public static void writeText(Path target, TextBody body) throws IOException {
        write(target, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            body.write(w);
            w.flush();
        });
    }

    /** Renames a finished temporary file onto its final name, atomically where the file system can. */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
