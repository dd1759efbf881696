package org.iceising.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iceising.data.UserDataFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The small things a first session meets: help without warnings, every command's version, words
 * rather than Java's list brackets or empty fields, downloaded grids found without --data, and
 * progress lines when standard error is not a terminal.
 */
class CliPolishTest {

    /** Runs a command with System.err captured too (picocli writes its own warnings there). */
    private static CommandLineTest.Run runCapturingStderr(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            CommandLineTest.Run r = CommandLineTest.run(args);
            return new CommandLineTest.Run(r.code(), r.out(), r.err() + stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    @Test
    void everyHelpFormatsWithoutAWarning() {
        for (String command : IceIsingCommand.commandLine().getSubcommands().keySet()) {
            CommandLineTest.Run r = runCapturingStderr(command, "--help");
            assertEquals(0, r.code(), command);
            assertFalse(r.err().contains("WARN") || r.out().contains("WARN"), command + ": " + r.err());
        }
        assertTrue(runCapturingStderr("train", "--help").out().contains("1 % of the samples held out"));
    }

    @Test
    void everyCommandPrintsTheVersion() {
        String top = CommandLineTest.run("-V").out().strip();
        assertTrue(top.startsWith("IceIsing "), top);
        for (var e : IceIsingCommand.commandLine().getSubcommands().entrySet()) {
            if (e.getValue().getCommandSpec().mixinStandardHelpOptions()) {
                CommandLineTest.Run r = CommandLineTest.run(e.getKey(), "-V");
                assertEquals(0, r.code(), e.getKey());
                assertEquals(top, r.out().strip(), e.getKey());
            }
        }
    }

    @Test
    void infoOnABinaryGridNamesTheSensorWithoutAnEmptyVariable() {
        CommandLineTest.Run r = CommandLineTest.run("info", "sample-data/nt_2018/nt_20180916_f18_nrt_n.bin");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.strip().equals("sensor    F18")), r.out());
        assertFalse(r.out().contains("(variable"), r.out());
    }

    @Test
    void missingDatesAreListedInWords() {
        CommandLineTest.Run r = CommandLineTest.run("fit", "--period", "2018-12-16");
        assertEquals(IceIsingCommand.USER_ERROR, r.code());
        assertTrue(r.err().contains("(missing: 2019-01-01)"), r.err());
        assertFalse(r.err().contains("["), r.err());
    }

    @Test
    void downloadedGridsAreFoundWithoutNamingTheirFolder(@TempDir Path user) throws Exception {
        for (String name : List.of("nt_20150818_f17_nrt_n.bin", "nt_20170601_f17_v1.1_n.bin")) {
            Files.copy(Path.of("src/test/resources/nsidc-extra").resolve(name), user.resolve(name));
        }
        String saved = System.getProperty(UserDataFolder.PROPERTY);
        System.setProperty(UserDataFolder.PROPERTY, user.toString());
        try {
            CommandLineTest.Run r = CommandLineTest.run("measure", "--from", "2015-08-18", "--to", "2017-06-01");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("2015-08-18") && r.out().contains("2017-06-01"), r.out());
            assertTrue(r.err().startsWith("data: " + user + " (grids from 2015-08-18 to 2017-06-01: "), r.err());
            assertTrue(r.err().contains(user + " has 2") && r.err().contains("sample-data has 0"), r.err());
            // the sample data still wins for its own days
            r = CommandLineTest.run("measure", "--from", "2018-09-16", "--to", "2018-09-16");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.err().startsWith("data: " + Path.of("sample-data").toAbsolutePath()), r.err());
        } finally {
            if (saved == null) {
                System.clearProperty(UserDataFolder.PROPERTY);
            } else {
                System.setProperty(UserDataFolder.PROPERTY, saved);
            }
        }
    }

    @Test
    void withoutATerminalProgressIsALineEveryFivePercent() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress p = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        for (int done = 0; done <= 1000; done++) {
            p.progress(done, 1000, "sample " + done);
        }
        p.progress(1, 3, "next stage");
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(22, lines.size(), lines.toString());
        assertEquals("  0% sample 0", lines.get(0));
        assertEquals(" 35% sample 350", lines.get(7));
        assertEquals("100% sample 1000", lines.get(20));
        assertEquals(" 30% next stage", lines.get(21), "a new total starts its own count");
        assertFalse(bytes.toString(StandardCharsets.UTF_8).contains("\r"), "no terminal control characters");
    }
}
