package org.iceising.learn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;

/**
 * The complete training-set files of a folder seen as one indexed collection of samples (files in
 * period order, samples in file order). Samples are read from disk when asked for.
 */
public final class TrainingSet implements AutoCloseable {
    private final List<TrainingSetFile> files;
    private final int[] offsets;
    private final int size;

    private TrainingSet(List<TrainingSetFile> files) {
        this.files = List.copyOf(files);
        this.offsets = new int[files.size() + 1];
        for (int k = 0; k < files.size(); k++) {
            offsets[k + 1] = Math.addExact(offsets[k], files.get(k).size());
        }
        this.size = offsets[files.size()];
        TrainingSetHeader first = files.get(0).header();
        for (TrainingSetFile f : files) {
            Lattice s = f.header().start();
            if (s.rows() != first.start().rows() || s.cols() != first.start().cols()) {
                close();
                throw new TrainingSetException(f.path() + " holds " + s.rows() + " x " + s.cols() + " lattices but "
                        + files.get(0).path() + " holds " + first.start().rows() + " x " + first.start().cols());
            }
        }
    }

    /**
     * Opens every complete training-set file ({@code *.itset}) in {@code dir}; files still being
     * written ({@code .part}) are left out.
     *
     * @throws TrainingSetException if the folder has no complete file or a file cannot be used
     */
    public static TrainingSet open(Path dir) {
        List<Path> paths;
        try (Stream<Path> s = Files.list(dir)) {
            paths = s.filter(p -> p.getFileName().toString().endsWith(TrainingSetFile.SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new TrainingSetException("cannot list training-set folder " + dir + ": " + e.getMessage(), e);
        }
        if (paths.isEmpty()) {
            throw new TrainingSetException("no complete training-set files (*" + TrainingSetFile.SUFFIX + ") in " + dir);
        }
        return open(paths);
    }

    /** Opens the given training-set files, in the order given. */
    public static TrainingSet open(List<Path> paths) {
        if (paths.isEmpty()) {
            throw new TrainingSetException("no training-set files given");
        }
        List<TrainingSetFile> opened = new ArrayList<>();
        try {
            for (Path p : paths) {
                opened.add(TrainingSetFile.open(p));
            }
        } catch (RuntimeException e) {
            opened.forEach(TrainingSetFile::close);
            throw e;
        }
        return new TrainingSet(opened);
    }

    public int size() {
        return size;
    }

    public List<TrainingSetFile> files() {
        return files;
    }

    public int rows() {
        return files.get(0).header().start().rows();
    }

    public int cols() {
        return files.get(0).header().start().cols();
    }

    /** The file that holds sample {@code index}. */
    public TrainingSetFile fileOf(int index) {
        return files.get(fileIndex(index));
    }

    /** The index of sample {@code index} inside {@link #fileOf}. */
    public int localIndex(int index) {
        return index - offsets[fileIndex(index)];
    }

    private int fileIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("sample " + index + " outside 0.." + (size - 1));
        }
        int k = Arrays.binarySearch(offsets, index);
        if (k < 0) {
            return -k - 2;
        }
        while (offsets[k + 1] == index) {
            k++;
        }
        return k;
    }

    public IsingParams params(int index) {
        return fileOf(index).params(localIndex(index));
    }

    /**
     * Splits the samples at random into training and held-out indices: {@code heldOutFraction} of
     * them, rounded, at least 1 when the fraction is positive.
     */
    public Split split(double heldOutFraction, long seed) {
        if (!(heldOutFraction >= 0 && heldOutFraction < 1)) {
            throw new IllegalArgumentException("held-out fraction must be in [0, 1), got " + heldOutFraction);
        }
        List<Integer> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            all.add(i);
        }
        Collections.shuffle(all, new Random(new SplittableRandom(seed).nextLong()));
        int held = heldOutFraction == 0 ? 0 : Math.max(1, (int) Math.round(size * heldOutFraction));
        if (held >= size) {
            throw new IllegalArgumentException("holding out " + held + " of " + size + " samples leaves none to train on");
        }
        int[] heldOut = all.subList(0, held).stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] train = all.subList(held, size).stream().mapToInt(Integer::intValue).sorted().toArray();
        return new Split(train, heldOut);
    }

    /** Indices of the samples to train on and of those held out. */
    public record Split(int[] train, int[] heldOut) {
    }

    @Override
    public void close() {
        for (TrainingSetFile f : files) {
            try {
                f.close();
            } catch (UncheckedIOException e) {
                // closing a read-only channel cannot lose data; keep closing the others
            }
        }
    }
}
