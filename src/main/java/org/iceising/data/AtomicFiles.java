package org.iceising.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;

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

    /** Writes the files of a folder into {@code dir} (a fresh, empty folder), without folders of their own. */
    @FunctionalInterface
    public interface FolderBody {
        void write(Path dir) throws IOException;
    }

    /** Writes the text of a file. */
    @FunctionalInterface
    public interface TextBody {
        void write(Writer out) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PART = ".part";
    /** The longest file name, in bytes of UTF-8, on the file systems this runs on (Linux, macOS; Windows counts 255 UTF-16 units). */
    private static final int NAME_MAX = 255;
    /** The most of the target's name a temporary name repeats, so that ".NAME.RANDOM.part" fits in {@link #NAME_MAX}. */
    private static final int STEM_MAX = 200;

    /**
     * The folders this process made for outputs before their work, newest last: a command that then
     * fails removes those still empty ({@link #removeFoldersLeftEmpty}), so a failure leaves nothing behind.
     */
    private static final Deque<Path> MADE = new ConcurrentLinkedDeque<>();

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} under a temporary name beside it and renames it into place. A file already
     * there keeps its permissions; anything there that is not a regular file (a link, a pipe, a device,
     * a folder) is refused and left alone, as is a read-only file. Temporary files that killed runs
     * left for the same target are removed first. A failure names {@code target}, never the
     * temporary name.
     *
     * @throws IOException if the target cannot be replaced (the message says why, naming it) or writing fails
     */
    public static void write(Path target, StreamBody body) throws IOException {
        Path abs = target.toAbsolutePath();
        Set<PosixFilePermission> mode = checkTarget(target);
        removeStaleTemporaries(abs);
        Path tmp = temporaryFor(abs);
        try {
            // a fresh name opened with CREATE_NEW gets the user's usual permissions (createTempFile's are owner-only)
            // closing the channel releases the lock
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.lock();
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch));
                body.write(out);
                out.flush();
            }
            if (mode != null) {
                Files.setPosixFilePermissions(tmp, mode);
            }
            moveIntoPlace(tmp, abs);
        } catch (IOException e) {
            if (e instanceof FileSystemException f && f.getFile() != null && !f.getFile().equals(tmp.toString())) {
                throw e;
            }
            throw named(target.toString(), "cannot be written", e);
        } finally {
            deleteTemporary(tmp);
        }
    }

    /**
     * Removes a temporary file that is still there. A failure here is not the user's news: the write's
     * own failure says what went wrong (a name too long for the temporary cannot exist), and a
     * leftover is removed by the next write.
     */
    private static void deleteTemporary(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            // see above
        }
    }

    /**
     * A fresh temporary name beside {@code target}: {@code .NAME.RANDOM.part}. Whoever writes it holds a
     * lock on it while it is open, so that {@link #removeStaleTemporaries} can tell a live one from one a
     * killed run left.
     */
    public static Path temporaryFor(Path target) {
        Path abs = target.toAbsolutePath();
        return abs.resolveSibling("." + stem(abs) + "." + Long.toHexString(RANDOM.nextLong()) + PART);
    }

    /**
     * Deletes the temporary files of {@code target} ({@link #temporaryFor}) that nobody holds a lock on:
     * those left by a run that was killed or crashed. Returns how many were removed.
     */
    public static int removeStaleTemporaries(Path target) {
        Path abs = target.toAbsolutePath();
        String prefix = "." + stem(abs) + ".";
        int removed = 0;
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(abs.getParent(),
                p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(PART))) {
            for (Path p : parts) {
                if (isStale(p)) {
                    Files.deleteIfExists(p);
                    removed++;
                }
            }
        } catch (IOException e) {
            // a folder that cannot be listed or cleaned is reported by the write itself
        }
        return removed;
    }

    /** The target's name, cut to {@link #STEM_MAX} bytes of UTF-8 (whole characters) for its temporary names. */
    private static String stem(Path abs) {
        String name = abs.getFileName().toString();
        int end = 0;
        int bytes = 0;
        while (end < name.length()) {
            int c = name.codePointAt(end);
            bytes += new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > STEM_MAX) {
                break;
            }
            end += Character.charCount(c);
        }
        return name.substring(0, end);
    }

    private static boolean isStale(Path part) {
        if (!Files.isRegularFile(part, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE); FileLock lock = ch.tryLock()) {
            return lock != null;
        } catch (OverlappingFileLockException | IOException e) {
            return false;
        }
    }

    /**
     * Checks, before any work is done for it, that {@link #write} could put a file at {@code target}:
     * it is absent or a writable regular file, and the folders above it are folders, made here if
     * missing (so that a place where none can be made fails now, not after the work). Returns the
     * permissions to keep, as {@link #checkReplaceable} does.
     *
     * @throws IOException naming the target (or the folder above it) and saying what is wrong
     */
    public static Set<PosixFilePermission> checkTarget(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        if (abs.getParent() == null) {
            throw new FileSystemException(target.toString(), null, "is a folder; give a file name to write to");
        }
        checkNameLength(target, abs);
        Set<PosixFilePermission> mode = checkReplaceable(abs);
        makeFoldersAbove(abs);
        return mode;
    }

    /**
     * Checks, before any work is done for it, that a folder of output can be at {@code target}: it is
     * absent or a folder (a link to one is followed), its name fits, and it can be made (it is made
     * here with the folders above it, empty, as the writer would make it).
     *
     * @throws IOException naming the target and saying what is there instead
     */
    public static void checkFolderTarget(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        if (abs.getParent() == null) {
            throw new FileSystemException(target.toString(), null, "is the root folder; give a folder name to write to");
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(abs)) {
            throw new IOException(target + " " + RegularFiles.notAFolder(abs) + "; it is left as it is (remove it or write elsewhere)");
        }
        checkNameLength(target, abs);
        makeFoldersAbove(abs);
        makeFolders(abs, target.toString());
    }

    /**
     * Removes the folders that {@link #checkTarget} and {@link #checkFolderTarget} made and that are
     * still empty, newest first: for a command that failed after its outputs were checked. A folder
     * that holds anything, or that cannot be removed, stays.
     */
    public static void removeFoldersLeftEmpty() {
        for (Path dir = MADE.pollLast(); dir != null; dir = MADE.pollLast()) {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException notEmptyOrNotOurs) {
                // it holds something now, or it is not ours to remove: it stays
            }
        }
    }

    /** Forgets the folders made so far: the command that made them finished, and they are its output's. */
    public static void keepFoldersMade() {
        MADE.clear();
    }

    /** Makes {@code abs} and the missing folders above it, noting each one made. */
    private static void makeFolders(Path abs, String name) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = abs; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing.push(p);
        }
        try {
            Files.createDirectories(abs);
        } catch (IOException e) {
            throw named(name, "cannot create the folder", e);
        }
        MADE.addAll(missing);
    }

    private static void checkNameLength(Path target, Path abs) throws FileSystemException {
        int nameBytes = abs.getFileName().toString().getBytes(StandardCharsets.UTF_8).length;
        if (nameBytes > NAME_MAX) {
            throw new FileSystemException(target.toString(), null, "cannot be made: its name is " + nameBytes
                    + " bytes long, more than the " + NAME_MAX + " a file name may have");
        }
    }

    /** Makes the folders above {@code abs}; where one cannot be, the line names it and says why. */
    private static void makeFoldersAbove(Path abs) throws IOException {
        Path above = abs.getParent();
        Path existing = above;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new FileSystemException(abs.toString(), null, "cannot be made: " + existing + " " + RegularFiles.notAFolder(existing));
        }
        makeFolders(above, above.toString());
    }

    /**
     * Checks that {@code target} is absent or a writable regular file, which a write may replace;
     * returns its permissions to keep (null when there is no file or no POSIX permissions).
     *
     * @throws IOException naming the target and saying what is there instead
     */
    public static Set<PosixFilePermission> checkReplaceable(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        String kind = Files.isSymbolicLink(target) ? "a symbolic link"
                : Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) ? "a folder"
                : !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) ? "not a regular file (a pipe, socket or device)"
                : null;
        if (kind != null) {
            throw new IOException(target + " is " + kind + "; it is left as it is (remove it or write elsewhere)");
        }
        if (!Files.isWritable(target)) {
            throw new IOException(target + " is read-only; it is left as it is (remove it or write elsewhere)");
        }
        return Files.getFileStore(target).supportsFileAttributeView(PosixFileAttributeView.class)
                ? Files.getPosixFilePermissions(target) : null;
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

    /**
     * Writes a folder of files: they are written into a temporary folder beside {@code target}
     * ({@link #temporaryFor}'s name), which is renamed into place once every file is written. If the
     * body fails or is cancelled, the temporary folder and all it holds are removed: {@code target}
     * never holds a part of the files. {@code target} must not exist, or be an empty folder (which is
     * replaced); anything else there is refused and left alone. A run that is killed part-way may
     * leave its hidden temporary folder beside the target, never a part-written folder under the
     * target's name.
     *
     * @throws IOException if the target is taken (the message says so, naming it) or writing fails
     */
    public static void writeFolder(Path target, FolderBody body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null) {
            throw new FileSystemException(target.toString(), null, "is the root folder; give a folder name to write to");
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            boolean emptyFolder = Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS);
            if (emptyFolder) {
                try (DirectoryStream<Path> in = Files.newDirectoryStream(abs)) {
                    emptyFolder = !in.iterator().hasNext();
                }
            }
            if (!emptyFolder) {
                throw new IOException(target + " already exists and is not an empty folder; it is left as it is (choose a new folder name)");
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw named(dir.toString(), "cannot create the folder", e);
        }
        Path tmp = temporaryFor(abs);
        try {
            Files.createDirectory(tmp);
            body.write(tmp);
            moveIntoPlace(tmp, abs);
        } catch (IOException e) {
            if (e instanceof FileSystemException f && f.getFile() != null && !f.getFile().startsWith(tmp.toString())) {
                throw e;
            }
            throw named(target.toString(), "cannot be written", e);
        } finally {
            deleteTree(tmp);
        }
    }

    /** Removes a temporary folder and the files in it, if it is still there. */
    private static void deleteTree(Path tmp) throws IOException {
        if (!Files.isDirectory(tmp, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> in = Files.newDirectoryStream(tmp)) {
            for (Path p : in) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(tmp);
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
