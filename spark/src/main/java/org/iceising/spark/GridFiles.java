package org.iceising.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.iceising.data.DataCatalogue;
import org.iceising.data.FocusArea;
import org.iceising.data.GridFileName;
import org.iceising.learn.ObservedSeason;
import org.iceising.model.Season;

/**
 * The NSIDC grids under a folder on any file system Hadoop reads (local disk, HDFS, S3 through
 * s3a), listed once on the driver by their file names. A task copies the few grids it needs into a
 * local folder, keeping their paths relative to the data folder, and reads them there with the data
 * layer's {@link DataCatalogue}: the same choice of file per day and the same reader as the local
 * commands, so a job sees exactly the lattices the desktop sees.
 */
final class GridFiles implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One grid file: its path below the data folder, its full address and its day. */
    record Grid(String relative, String address, LocalDate date) implements Serializable {
    }

    private final String folder;
    private final List<Grid> grids;
    private final HadoopConf conf;

    private GridFiles(String folder, List<Grid> grids, HadoopConf conf) {
        this.folder = folder;
        this.grids = grids;
        this.conf = conf;
    }

    /** Lists every grid below {@code folder} (any depth). */
    static GridFiles list(String folder, Configuration conf) {
        Path root = new Path(folder);
        List<Grid> grids = new ArrayList<>();
        try {
            FileSystem fs = root.getFileSystem(conf);
            if (!fs.exists(root)) {
                throw new IllegalArgumentException("data folder " + folder + ": no such folder");
            }
            if (!fs.getFileStatus(root).isDirectory()) {
                throw new IllegalArgumentException("data folder " + folder + ": is a file, not a folder");
            }
            String prefix = fs.makeQualified(root).toUri().getPath();
            prefix = prefix.endsWith("/") ? prefix : prefix + "/";
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
            while (files.hasNext()) {
                FileStatus f = files.next();
                String path = f.getPath().toUri().getPath();
                String relative = path.startsWith(prefix) ? path.substring(prefix.length()) : f.getPath().getName();
                GridFileName.parse(f.getPath().getName())
                        .ifPresent(n -> grids.add(new Grid(relative, f.getPath().toString(), n.date())));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("data folder " + folder + ": cannot be listed (" + e.getMessage() + ")", e);
        }
        grids.sort(Comparator.comparing(Grid::relative));
        return new GridFiles(folder, List.copyOf(grids), new HadoopConf(conf));
    }

    String folder() {
        return folder;
    }

    /** Whether some grid holds {@code date}. */
    boolean has(LocalDate date) {
        return grids.stream().anyMatch(g -> g.date().equals(date));
    }

    /**
     * The observed lattices of {@code season} in {@code area} on those of {@code dates} that have a
     * grid, read as {@link ObservedSeason#load} reads them from a local folder.
     */
    ObservedSeason observe(Season season, FocusArea area, Collection<LocalDate> dates) {
        Set<LocalDate> wanted = new TreeSet<>(dates);
        java.nio.file.Path local;
        try {
            local = Files.createTempDirectory("iceising-grids");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a local folder for the grids", e);
        }
        try {
            for (Grid g : grids) {
                if (wanted.contains(g.date())) {
                    copy(g, local.resolve(g.relative()));
                }
            }
            return ObservedSeason.load(DataCatalogue.scan(local), season, area);
        } finally {
            deleteTree(local);
        }
    }

    private void copy(Grid g, java.nio.file.Path target) {
        Path source = new Path(g.address());
        try {
            Files.createDirectories(target.getParent());
            try (InputStream in = source.getFileSystem(conf.get()).open(source)) {
                Files.copy(in, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read grid " + g.address(), e);
        }
    }

    static void deleteTree(java.nio.file.Path dir) {
        try (Stream<java.nio.file.Path> all = Files.walk(dir)) {
            for (java.nio.file.Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the local folder " + dir, e);
        }
    }
}
