package org.iceising.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.iceising.data.SpecialFiles;
import org.iceising.model.ProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged training sets are refused with the file's name before a sample of them is used: changed
 * bytes anywhere, one period's header on another period's body, a lowered committed count, a file
 * cut short or grown, and special files in place of a training set.
 */
class TrainingSetIntegrityTest {
    @TempDir
    static Path dir;
    /** Two periods of 600 samples (three blocks, the last one short) on the same start lattice. */
    static List<Path> files;

    @BeforeAll
    static void generate() {
        files = TrainingSetGeneratorTest.generator(600, 2).generate(Map.of(TrainingSetGeneratorTest.AUGUST,
                TrainingSetGeneratorTest.start(), TrainingSetGeneratorTest.OCTOBER, TrainingSetGeneratorTest.start()),
                dir.resolve("set"), ProgressMonitor.NONE);
    }

    private static String refusal(Path file) {
        TrainingSetException e = assertThrows(TrainingSetException.class, () -> TrainingSetFile.open(file).close());
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("Exception"), e.getMessage());
        return e.getMessage();
    }

    private static int dataOffset(Path file) {
        return TrainingSetFile.readHeader(file).length();
    }

    @Test
    void theIntactFilesOpen() {
        try (TrainingSet set = TrainingSet.open(files)) {
            assertEquals(1200, set.size());
        }
    }

    @Test
    void fiftyChangedBytesAnywhereAreRefused(@TempDir Path out) throws IOException {
        byte[] good = Files.readAllBytes(files.get(0));
        SplittableRandom r = new SplittableRandom(14);
        for (int trial = 0; trial < 40; trial++) {
            byte[] bad = good.clone();
            // the first trials damage only the samples, the others anywhere in the file
            int from = trial < 20 ? dataOffset(files.get(0)) : 0;
            for (int k = 0; k < 50; k++) {
                int at = from + r.nextInt(bad.length - from);
                bad[at] = (byte) (bad[at] ^ (1 + r.nextInt(255)));
            }
            Path file = Files.write(out.resolve("changed-" + trial + ".itset"), bad);
            assertTrue(refusal(file).contains("damaged") || refusal(file).contains("not an IceIsing"), refusal(file));
        }
    }

    @Test
    void oneChangedSampleByteIsRefusedNamingTheSamples(@TempDir Path out) throws IOException {
        byte[] bad = Files.readAllBytes(files.get(0));
        int record = TrainingSetFile.readHeader(files.get(0)).header().recordBytes();
        bad[dataOffset(files.get(0)) + 300 * record + 50] ^= 4;
        String m = refusal(Files.write(out.resolve("one.itset"), bad));
        assertTrue(m.contains("samples 257 to 512 do not match their checksum"), m);
    }

    @Test
    void oneHeaderOnAnotherPeriodsBodyIsRefused(@TempDir Path out) throws IOException {
        byte[] august = Files.readAllBytes(files.get(0));
        byte[] october = Files.readAllBytes(files.get(1));
        int offset = dataOffset(files.get(0));
        assertEquals(offset, dataOffset(files.get(1)), "same lattice, same number of samples: same layout");
        assertEquals(august.length, october.length);
        // August's header and block table on October's samples
        byte[] swapped = august.clone();
        System.arraycopy(october, offset, swapped, offset, october.length - offset);
        assertTrue(refusal(Files.write(out.resolve("swapped.itset"), swapped)).contains("samples 1 to 256 do not match"));
        // August's header alone, with October's block table and samples
        int table = (int) TrainingSetFile.readHeader(files.get(1)).blockTableOffset();
        byte[] grafted = october.clone();
        System.arraycopy(august, 0, grafted, 0, table);
        assertTrue(refusal(Files.write(out.resolve("grafted.itset"), grafted)).contains("do not match their checksum"));
    }

    @Test
    void aLoweredCommittedCountIsRefused(@TempDir Path out) throws IOException {
        byte[] bytes = Files.readAllBytes(files.get(0));
        ByteBuffer.wrap(bytes).putInt(TrainingSetHeader.COMMITTED_OFFSET, 512);
        String complete = refusal(Files.write(out.resolve("lowered.itset"), bytes));
        assertTrue(complete.contains("committed sample count (512) does not match its checksum"), complete);
        String partial = refusal(Files.write(out.resolve("lowered.itset.part"), bytes));
        assertTrue(partial.contains("does not match its checksum"), partial);
    }

    @Test
    void aCompleteFileWithAValidLowerCountIsNotTakenAsComplete(@TempDir Path out) throws IOException {
        // a count with a matching check, as an interrupted run leaves it, but under the complete name
        byte[] bytes = Files.readAllBytes(files.get(0));
        long headerSum = TrainingSetFile.readHeader(files.get(0)).checksum();
        ByteBuffer.wrap(bytes).put(TrainingSetHeader.COMMITTED_OFFSET, TrainingSetHeader.committedField(headerSum, 512), 0,
                TrainingSetHeader.COMMITTED_BYTES);
        String m = refusal(Files.write(out.resolve("early.itset"), bytes));
        assertTrue(m.contains("512 of its 600 samples committed"), m);
        // the same bytes as a partial file are a resumable run: 512 samples, checked
        try (TrainingSetFile f = TrainingSetFile.open(Files.write(out.resolve("early.itset.part"), bytes))) {
            assertEquals(512, f.size());
        }
    }

    @Test
    void aFileCutShortOrGrownIsRefused(@TempDir Path out) throws IOException {
        byte[] bytes = Files.readAllBytes(files.get(0));
        String cut = refusal(Files.write(out.resolve("cut.itset"), Arrays.copyOf(bytes, bytes.length - 1)));
        assertTrue(cut.contains("committed samples need"), cut);
        String grown = refusal(Files.write(out.resolve("grown.itset"), Arrays.copyOf(bytes, bytes.length + 7)));
        assertTrue(grown.contains("committed samples need"), grown);
        String header = refusal(Files.write(out.resolve("header.itset"), Arrays.copyOf(bytes, 100)));
        assertTrue(header.contains("ends inside its header"), header);
    }

    @Test
    void aPipeOrAFolderInPlaceOfATrainingSetGivesOneLineAtOnce(@TempDir Path out) throws IOException {
        Path pipe = SpecialFiles.fifo(out, "2022-08-01.itset");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertTrue(refusal(pipe).endsWith("is not a regular file"), refusal(pipe));
            TrainingSetException e = assertThrows(TrainingSetException.class, () -> TrainingSet.open(out));
            assertTrue(e.getMessage().contains("2022-08-01.itset is not a regular file"), e.getMessage());
            // the generator meets the pipe where its file should be, and stops with the same line
            e = assertThrows(TrainingSetException.class, () -> TrainingSetGeneratorTest.generator(10, 1)
                    .generate(Map.of(TrainingSetGeneratorTest.AUGUST, TrainingSetGeneratorTest.start()), out, ProgressMonitor.NONE));
            assertTrue(e.getMessage().contains("is not a regular file"), e.getMessage());
        });
        Path folder = Files.createDirectory(out.resolve("folder.itset"));
        assertTrue(refusal(folder).endsWith("is not a regular file"));
    }
}
