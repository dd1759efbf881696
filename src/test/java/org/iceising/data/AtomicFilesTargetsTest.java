package org.iceising.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link AtomicFiles} does with what is already at the target: a regular file is replaced and
 * keeps its mode; a link, a pipe, a device, a folder or a read-only file is refused with one line and
 * left alone; temporaries of a killed writer are removed on the next write, live ones are not.
 */
class AtomicFilesTargetsTest {

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String refusal(Path target) {
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeText(target, w -> w.write("new")));
        assertTrue(e.getMessage().startsWith(target.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().endsWith("it is left as it is (remove it or write elsewhere)"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aLinkIsRefusedAndWhatItPointsAtIsUntouched(@TempDir Path dir) throws IOException {
        Path real = Files.writeString(dir.resolve("real.csv"), "keep");
        Path link = Files.createSymbolicLink(dir.resolve("out.csv"), real);
        assertTrue(refusal(link).contains("is a symbolic link"));
        assertEquals("keep", Files.readString(real));
        assertTrue(Files.isSymbolicLink(link));
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.csv"), dir.resolve("nowhere"));
        assertTrue(refusal(dangling).contains("is a symbolic link"));
        assertFalse(Files.exists(dir.resolve("nowhere")));
    }

    @Test
    void aPipeADeviceOrAFolderIsRefusedAtOnce(@TempDir Path dir) throws IOException {
        Path pipe = SpecialFiles.fifo(dir, "out.csv");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertTrue(refusal(pipe).contains("not a regular file")));
        Path device = Path.of("/dev/null");
        if (Files.exists(device)) {
            assertTrue(refusal(device).contains("not a regular file"));
        }
        Path folder = Files.createDirectory(dir.resolve("out"));
        assertTrue(refusal(folder).contains("is a folder"));
        assertEquals(List.of("out", "out.csv"), names(dir), "no temporary is left beside them");
    }

    @Test
    void aReadOnlyFileIsRefusedAWritableOneKeepsItsMode(@TempDir Path dir) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return; // permissions are a POSIX notion
        }
        Path shared = Files.writeString(dir.resolve("shared.csv"), "old");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFiles.writeText(shared, w -> w.write("new"));
        assertEquals("new", Files.readString(shared));
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)));

        Path secret = Files.writeString(dir.resolve("secret.csv"), "old");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        AtomicFiles.writeText(secret, w -> w.write("new"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));

        Path locked = Files.writeString(dir.resolve("locked.csv"), "old");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r--r--r--"));
        if (!Files.isWritable(locked)) { // the superuser may write any file
            assertTrue(refusal(locked).contains("is read-only"));
            assertEquals("old", Files.readString(locked));
        }
    }

    /** Writes half of a file through {@link AtomicFiles} and then waits to be killed. */
    public static final class HalfWriter {
        public static void main(String[] args) throws IOException {
            AtomicFiles.write(Path.of(args[0]), out -> {
                out.write("half of the new content".getBytes(StandardCharsets.UTF_8));
                out.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    @Test
    void aKilledWriteLeavesTheOldFileAndItsTemporaryGoesOnTheNextWrite(@TempDir Path dir) throws Exception {
        Path target = Files.writeString(dir.resolve("result.csv"), "old content");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HalfWriter.class.getName(),
                target.toString()).redirectErrorStream(true).start();
        try {
            Path part = waitForTemporary(dir, writer);
            assertEquals(0, AtomicFiles.removeStaleTemporaries(target), "a live writer's temporary stays");
            assertTrue(Files.exists(part));
            writer.destroyForcibly();
            assertTrue(writer.waitFor(20, TimeUnit.SECONDS));
            assertEquals("old content", Files.readString(target), "the kill left the old file as it was");
            assertTrue(Files.exists(part), "the killed run left its temporary");
            AtomicFiles.writeText(target, w -> w.write("new content"));
            assertEquals("new content", Files.readString(target));
            assertEquals(List.of("result.csv"), names(dir), "the stale temporary is gone");
        } finally {
            writer.destroyForcibly();
        }
    }

    private static Path waitForTemporary(Path dir, Process writer) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Stream<Path> s = Files.list(dir)) {
                Path part = s.filter(p -> p.getFileName().toString().endsWith(".part")).findFirst().orElse(null);
                if (part != null && Files.size(part) > 0 && Files.isRegularFile(part, LinkOption.NOFOLLOW_LINKS)) {
                    return part;
                }
            }
            assertTrue(writer.isAlive(), () -> "the writer ended early: " + output(writer));
            Thread.sleep(50);
        }
        throw new AssertionError("the writer made no temporary file");
    }

    private static String output(Process p) {
        try {
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
