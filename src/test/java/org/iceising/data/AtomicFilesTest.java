package org.iceising.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheFileAndLeavesNothingElse(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("sub/out.csv");
        AtomicFiles.writeText(target, w -> w.write("a,b\n1,2\n"));
        assertEquals("a,b\n1,2\n", Files.readString(target));
        assertEquals(List.of("out.csv"), names(dir.resolve("sub")));
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndNoTemporary(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("model.bin");
        Files.writeString(target, "good");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("good", Files.readString(target));
        assertEquals(List.of("model.bin"), names(dir));
    }

    @Test
    void theFileGetsTheUsualPermissionsNotOwnerOnly(@TempDir Path dir) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return; // permissions are a POSIX notion
        }
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path atomic = dir.resolve("atomic.txt");
        AtomicFiles.writeText(atomic, w -> w.write("x"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic));
    }
}
