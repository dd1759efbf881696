package org.iceising.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataTest {
    @Test
    void projectRunFindsTheProjectsSampleData() throws IOException {
        Path found = SampleData.directory();
        assertTrue(Files.isSameFile(TestData.SAMPLE, found), found.toString());
    }

    @Test
    void propertyWinsAndMustNameAFolder(@TempDir Path tmp) {
        assertEquals(tmp, SampleData.directory(tmp.toString(), tmp.resolve("elsewhere"), Optional.empty()));
        DataFileException e = assertThrows(DataFileException.class,
                () -> SampleData.directory(tmp.resolve("gone").toString(), tmp, Optional.empty()));
        assertEquals("gone: the folder named by -Diceising.data does not exist", e.getMessage());
    }

    @Test
    void workingFolderThenNextToTheJarThenOneLevelAbove(@TempDir Path tmp) throws IOException {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path jar = Files.createFile(Files.createDirectories(project.resolve("target")).resolve("iceising.jar"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Path above = Files.createDirectories(project.resolve("sample-data"));
        assertEquals(above, SampleData.directory(null, elsewhere, Optional.of(jar)));
        Path next = Files.createDirectories(project.resolve("target/sample-data"));
        assertEquals(next, SampleData.directory(null, elsewhere, Optional.of(jar)));
        Path here = Files.createDirectories(elsewhere.resolve("sample-data"));
        assertEquals(here, SampleData.directory("", elsewhere, Optional.of(jar)));
    }

    @Test
    void notFoundSaysWhereItLooked(@TempDir Path tmp) {
        DataFileException e = assertThrows(DataFileException.class,
                () -> SampleData.directory(null, tmp, Optional.of(tmp.resolve("app/lib/iceising.jar"))));
        assertEquals("sample-data: not found; looked in [" + tmp.resolve("sample-data") + ", " + tmp.resolve("app/lib/sample-data")
                + ", " + tmp.resolve("app/sample-data") + "]; name the data folder with -Diceising.data=<folder>", e.getMessage());
    }
}
