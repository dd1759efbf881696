package org.iceising.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI entry point {@code .ci/run}, run on a copy of the project with stand-ins for Maven, the JDK,
 * dpkg, apt-get and the installer smoke test: the totals line comes even when a test fails, the exit
 * status says the build failed, reports of an earlier run are not counted, the Spark part's are, and a
 * JDK older than 17 is not taken for one.
 */
class CiScriptTest {

    private record Run(int status, String output, List<String> log) {
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /**
     * A project copy holding the CI scripts, with a stale report left by an earlier run, and stand-ins:
     * {@code javac} of {@code javacVersion}; {@code mvn} that writes one report for the project (5 tests,
     * 1 failing, 1 skipped) and one for the Spark part (3 passing) and exits {@code mvnStatus}.
     */
    private static Run ci(Path root, String javacVersion, int mvnStatus) throws IOException, InterruptedException {
        Path project = Files.createDirectories(root.resolve("project"));
        Files.createDirectories(project.resolve(".ci"));
        for (String s : List.of("run", "test-totals")) {
            Files.copy(Path.of(".ci", s), project.resolve(".ci").resolve(s));
        }
        Path log = root.resolve("log.txt");
        Files.writeString(log, "");
        Files.createDirectories(project.resolve("installer"));
        script(project.resolve("installer/smoke-test.sh"), "echo smoke >> " + log);
        Path stale = Files.createDirectories(project.resolve("target/surefire-reports"));
        Files.writeString(stale.resolve("org.old.OldTest.txt"), "Tests run: 100, Failures: 0, Errors: 0, Skipped: 0\n");
        Path bin = Files.createDirectories(root.resolve("bin"));
        script(bin.resolve("javac"), "echo 'javac " + javacVersion + "' >&2");
        script(bin.resolve("dpkg"), "exit 0");
        script(bin.resolve("apt-get"), "echo \"apt-get $*\" >> " + log);
        script(bin.resolve("mvn"), String.join("\n",
                "echo \"mvn $*\" >> " + log,
                "mkdir -p target/surefire-reports spark/target/surefire-reports",
                "echo 'Tests run: 5, Failures: 1, Errors: 0, Skipped: 1, Time elapsed: 1 s -- in a.ATest' > target/surefire-reports/a.ATest.txt",
                "echo 'Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 1 s -- in s.STest' > spark/target/surefire-reports/s.STest.txt",
                "exit " + mvnStatus));
        ProcessBuilder pb = new ProcessBuilder("bash", ".ci/run").directory(project.toFile()).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out, Files.readAllLines(log));
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void aFailingTestStillGivesTheTotalsAndAFailingStatus(@TempDir Path root) throws Exception {
        Run r = ci(root, "17.0.15", 1);
        assertEquals("tests: 6 passed, 1 failed, 1 skipped (2 report files)", lastLine(r.output()),
                "this run's two reports, the project's and the Spark part's, not the stale one: " + r.output());
        assertEquals(1, r.status());
        assertEquals(List.of("mvn -B -Pinstaller verify"), r.log(), "no smoke test after a failed build, nothing installed");
    }

    @Test
    void aPassingBuildRunsTheSmokeTestAndExitsZero(@TempDir Path root) throws Exception {
        Run r = ci(root, "21.0.2", 0);
        assertEquals(0, r.status(), r.output());
        assertEquals(List.of("mvn -B -Pinstaller verify", "smoke", "mvn -B -q install -DskipTests", "mvn -B -f spark/pom.xml verify"), r.log(),
                "the tests, the installer's smoke test, then the Spark part on the installed jar");
        assertTrue(lastLine(r.output()).startsWith("tests: 6 passed"), r.output());
    }

    @Test
    void aJdkOlderThan17IsReplacedOrRefused(@TempDir Path root) throws Exception {
        Run r = ci(root, "11.0.22", 0);
        assertTrue(r.log().get(0).startsWith("apt-get update"), r.log().toString());
        assertTrue(r.log().get(1).startsWith("apt-get install") && r.log().get(1).contains("openjdk-17-jdk-headless"),
                r.log().toString());
        // the stand-in apt-get installs nothing, so javac is still 11: the build is not attempted
        assertEquals(1, r.status());
        assertFalse(r.log().stream().anyMatch(l -> l.startsWith("mvn")), r.log().toString());
        assertTrue(r.output().contains("javac 11 is on the PATH; the build needs JDK 17 or later"), r.output());
    }
}
