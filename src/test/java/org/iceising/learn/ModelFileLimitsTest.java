package org.iceising.learn;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.iceising.data.SpecialFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model file is read only if it is a regular file, and no entry of its archive is read past what a
 * model of its size can hold: a pipe, a folder, or an archive whose entries inflate to far more than
 * the file is refused with one line naming it, before the memory fills.
 */
class ModelFileLimitsTest {
    /** Metadata of a 16 x 20 model as the trainer writes it. */
    static final String METADATA = """
            format=iceising-cnn
            version=1
            rows=16
            cols=20
            trainingSeed=1
            trainingSize=100
            validationFraction=0.1
            trainerSeed=2
            epochs=1
            backend=test
            mean=1,1,1,1,1
            scale=1,1,1,1,1
            period.2022-08-01=J=2.25..2.75,B0=2.0..9.0,Bx=-3.0..3.0,By=-3.0..3.0,I=1.0..3.0
            """;

    private static void zip(Path file, String first, long firstBytes, String second, long secondBytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, first, firstBytes);
            if (second != null) {
                entry(zip, second, secondBytes);
            }
        }
    }

    /** An entry of {@code bytes} bytes: the metadata, then spaces (which deflate to almost nothing). */
    private static void entry(ZipOutputStream zip, String name, long bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        byte[] meta = InverseModel.METADATA_ENTRY.equals(name) ? METADATA.getBytes(StandardCharsets.US_ASCII) : new byte[0];
        zip.write(meta);
        byte[] spaces = new byte[1 << 16];
        java.util.Arrays.fill(spaces, (byte) ' ');
        for (long left = bytes - meta.length; left > 0; left -= spaces.length) {
            zip.write(spaces, 0, (int) Math.min(spaces.length, left));
        }
        zip.closeEntry();
    }

    private static String refusal(Path file) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> InverseModel.load(file));
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("Exception"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aPipeOrAFolderGivesOneLineAtOnce(@TempDir Path dir) throws IOException {
        Path pipe = SpecialFiles.fifo(dir, "model.icecnn");
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertTrue(refusal(pipe).endsWith("is not a regular file")));
        Path folder = Files.createDirectory(dir.resolve("folder.icecnn"));
        assertTrue(refusal(folder).endsWith("is not a regular file"));
    }

    @Test
    void anOversizedMetadataEntryIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("meta.icecnn");
        zip(file, InverseModel.METADATA_ENTRY, InverseModel.MAX_METADATA_BYTES + 1L, null, 0);
        assertTrue(Files.size(file) < 100_000, "the archive itself is small");
        assertTrue(refusal(file).contains("entry " + InverseModel.METADATA_ENTRY + " holds more than the 1048576 bytes"));
    }

    @Test
    void aNetworkEntryFarLargerThanTheModelNeedsIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bomb.icecnn");
        long limit = 16 * IceCnn.parameterCount(16, 20) + (8L << 20);
        zip(file, InverseModel.METADATA_ENTRY, METADATA.length(), InverseModel.NETWORK_ENTRY, limit + 1);
        assertTrue(Files.size(file) < 200_000, "the archive itself is small");
        assertTrue(refusal(file).contains("entry " + InverseModel.NETWORK_ENTRY + " holds more than the " + limit + " bytes"));
    }

    @Test
    void aNetworkBeforeItsMetadataOrACutArchiveIsRefused(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("first.icecnn");
        zip(first, InverseModel.NETWORK_ENTRY, 10, InverseModel.METADATA_ENTRY, METADATA.length());
        assertTrue(refusal(first).contains("does not begin with " + InverseModel.METADATA_ENTRY));
        Path whole = dir.resolve("whole.icecnn");
        zip(whole, InverseModel.METADATA_ENTRY, METADATA.length(), InverseModel.NETWORK_ENTRY, 1 << 20);
        byte[] b = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.icecnn"), java.util.Arrays.copyOf(b, b.length / 2));
        assertTrue(refusal(cut).contains("is damaged"), refusal(cut));
        Path small = dir.resolve("small.icecnn");
        try (OutputStream out = Files.newOutputStream(small); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(InverseModel.METADATA_ENTRY));
            zip.write(METADATA.replace("rows=16", "rows=10").getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
            entry(zip, InverseModel.NETWORK_ENTRY, 10);
        }
        assertTrue(refusal(small).contains("need a lattice of at least 16 x 16, got 10 x 20"), refusal(small));
    }
}
