package org.iceising.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.iceising.cli.IceIsingCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple2;

/** Output reaches its folder only through a committed job: failed attempts and failed jobs leave nothing. */
class AtomicOutputTest {
    static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        // local[2, 2]: two cores, and a failed task is tried once more (as on a cluster)
        spark = SparkSession.builder().master("local[2,2]").appName("IceIsing atomic output").config("spark.ui.enabled", "false")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void aFailedTaskRunsAgainAndOnlyTheCommittedAttemptsFilesArrive() throws IOException {
        JavaSparkContext jsc = Jobs.context(spark);
        Path out = tmp.resolve("out");
        Configuration conf = Jobs.hadoop(spark);
        jsc.parallelize(List.of(0, 1, 2, 3), 4)
                .mapPartitions(ignored -> twoFiles())
                .mapToPair(t -> t)
                .saveAsNewAPIHadoopFile(out.toString(), String.class, byte[].class, FilesOutputFormat.class, conf);

        assertTrue(Files.exists(out.resolve("_SUCCESS")));
        assertFalse(Files.exists(out.resolve("_temporary")));
        for (int p = 0; p < 4; p++) {
            // partition 1's second attempt wrote both files; its first attempt's file a was thrown away
            String attempt = p == 1 ? "attempt 1" : "attempt 0";
            for (String f : List.of("a", "b")) {
                Path file = out.resolve("p" + p).resolve(f);
                assertEquals("partition " + p + " " + attempt + " file " + f, Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        assertEquals(4 * 2, dataFiles(out).size());
    }

    /** Two files per partition, p1/a and p1/b; partition 1's first attempt dies between them. */
    static Iterator<Tuple2<String, byte[]>> twoFiles() {
        TaskContext task = TaskContext.get();
        int partition = task.partitionId();
        int attempt = task.attemptNumber();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < 2;
            }

            @Override
            public Tuple2<String, byte[]> next() {
                if (next >= 2) {
                    throw new NoSuchElementException();
                }
                if (partition == 1 && attempt == 0 && next == 1) {
                    throw new IllegalStateException("the executor is lost half-way through its files");
                }
                String name = next++ == 0 ? "a" : "b";
                String content = "partition " + partition + " attempt " + attempt + " file " + name;
                return new Tuple2<>("p" + partition + "/" + name, content.getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    @Test
    void aJobWithAFailingPeriodWritesNoFileAtAllAndSaysWhichGridIsBad() throws IOException {
        Path data = tmp.resolve("data");
        Files.createDirectories(data);
        try (Stream<Path> grids = Files.list(SparkJobsTest.SAMPLE.resolve("nt_2018"))) {
            for (Path g : grids.toList()) {
                Files.copy(g, data.resolve(g.getFileName()));
            }
        }
        try (FileChannel ch = FileChannel.open(data.resolve("nt_20181016_f18_nrt_n.bin"), StandardOpenOption.WRITE)) {
            ch.truncate(1000);
        }
        Path out = tmp.resolve("sets");
        SparkJobsTest.Run r = SparkJobsTest.run("generate", "--data", data.toString(), "--samples", "2", "--steps", "100",
                "--out", out.toString());
        assertEquals(IceIsingCommand.USER_ERROR, r.code());
        assertTrue(r.err().lines().anyMatch(l -> l.equals("iceising-spark generate: nt_20181016_f18_nrt_n.bin: truncated: 1000 bytes, "
                + "expected 136492")), r.err());
        assertFalse(Files.exists(out.resolve("_SUCCESS")));
        assertEquals(List.of(), dataFiles(out), "the twelve good periods' files never left the job's temporary folder");
    }

    /** The files below {@code dir} outside Hadoop's _temporary folder and checksums. */
    static List<Path> dataFiles(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> !dir.relativize(p).toString().startsWith("_temporary"))
                    .filter(p -> !p.getFileName().toString().endsWith(".crc") && !p.getFileName().toString().startsWith("_SUCCESS"))
                    .toList();
        }
    }
}
