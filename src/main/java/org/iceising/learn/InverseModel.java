package org.iceising.learn;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.iceising.data.AtomicFiles;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained CNN that reads the five Ising parameters off an observed (start, end) pair, with the
 * metadata it needs to do so. Saved as a zip archive holding {@value #METADATA_ENTRY} (format,
 * lattice size, periods and their boxes, standardisation, training-set seed and size, backend) and
 * {@value #NETWORK_ENTRY} (DL4J's own model archive, updater state included); written under a
 * temporary name and renamed.
 */
public final class InverseModel {
    static final String METADATA_ENTRY = "iceising-model.properties";
    static final String NETWORK_ENTRY = "network.zip";
    private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};
    /** The metadata is a few lines of text; more than this is not a model's. */
    static final int MAX_METADATA_BYTES = 1 << 20;

    private final MultiLayerNetwork network;
    private final ModelMetadata metadata;

    InverseModel(MultiLayerNetwork network, ModelMetadata metadata) {
        this.network = network;
        this.metadata = metadata;
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    MultiLayerNetwork network() {
        return network;
    }

    /** Trainable parameters of the network (213,101 for the study's 60 × 60 lattice). */
    public long parameterCount() {
        return network.numParams();
    }

    /** DL4J's table of layers, shapes and parameter counts. */
    public String summary() {
        return network.summary();
    }

    /** The parameters the network reads off one (start, end) pair, in the study's units. */
    public IsingParams predict(Lattice start, Lattice end) {
        return predict(List.of(start), List.of(end)).get(0);
    }

    /** The parameters of each (starts[i], ends[i]) pair, in one batch. */
    public List<IsingParams> predict(List<Lattice> starts, List<Lattice> ends) {
        if (starts.size() != ends.size() || starts.isEmpty()) {
            throw new IllegalArgumentException("need as many end lattices as start lattices (and at least one), got "
                    + starts.size() + " and " + ends.size());
        }
        int cells = metadata.rows() * metadata.cols();
        float[] features = new float[starts.size() * cells * IceCnn.CHANNELS];
        for (int s = 0; s < starts.size(); s++) {
            Lattice a = starts.get(s);
            Lattice b = ends.get(s);
            if (a.rows() != metadata.rows() || a.cols() != metadata.cols() || !a.sameShape(b)) {
                throw new IllegalArgumentException("pair " + (s + 1) + ": the model reads " + metadata.rows() + " x " + metadata.cols()
                        + " lattices with the same mask, got " + a + " and " + b);
            }
            Inputs.put(features, s, Inputs.water(a), Inputs.water(b));
        }
        INDArray out = network.output(Nd4j.create(features, new long[] {starts.size(), metadata.rows(), metadata.cols(), IceCnn.CHANNELS}, 'c'), false);
        List<IsingParams> result = new ArrayList<>(starts.size());
        for (int s = 0; s < starts.size(); s++) {
            result.add(metadata.standardisation().inverse(out.getRow(s).toDoubleVector()));
        }
        return result;
    }

    /** Writes the model (atomically: temporary name, then rename). */
    public void save(Path path) throws IOException {
        ByteArrayOutputStream net = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, net, true);
        StringWriter meta = new StringWriter();
        metadata.toProperties().store(meta, "IceIsing inverse-problem CNN");
        AtomicFiles.write(path, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(METADATA_ENTRY));
            zip.write(meta.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(NETWORK_ENTRY));
            zip.write(net.toByteArray());
            zip.closeEntry();
            zip.finish();
        });
    }

    /**
     * Reads a model written by {@link #save}.
     *
     * @throws ModelFileException if the file is missing, is not an IceIsing model, or is damaged
     */
    public static InverseModel load(Path path) {
        if (!Files.exists(path)) {
            throw new ModelFileException("model file " + path + " does not exist");
        }
        if (!Files.isRegularFile(path)) {
            throw new ModelFileException("model file " + path + " is not a regular file");
        }
        Backend.init();
        ModelMetadata metadata = null;
        byte[] net = null;
        try (BufferedInputStream file = new BufferedInputStream(Files.newInputStream(path))) {
            file.mark(ZIP_SIGNATURE.length);
            if (!Arrays.equals(file.readNBytes(ZIP_SIGNATURE.length), ZIP_SIGNATURE)) {
                throw new ModelFileException(path + " is not an IceIsing model (it is not a zip archive)");
            }
            file.reset();
            ZipInputStream zip = new ZipInputStream(file);
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (METADATA_ENTRY.equals(e.getName()) && metadata == null) {
                    metadata = readMetadata(readEntry(zip, METADATA_ENTRY, MAX_METADATA_BYTES, path), path);
                } else if (NETWORK_ENTRY.equals(e.getName()) && net == null) {
                    if (metadata == null) {
                        throw new ModelFileException(path + " is not an IceIsing model (its archive does not begin with "
                                + METADATA_ENTRY + ")");
                    }
                    net = readEntry(zip, NETWORK_ENTRY, maxNetworkBytes(metadata, path), path);
                }
            }
        } catch (NoSuchFileException e) {
            throw new ModelFileException("model file " + path + " does not exist");
        } catch (IOException e) {
            throw new ModelFileException(path + " is damaged: its archive cannot be read ("
                    + (e.getMessage() == null ? "it ends early" : e.getMessage()) + ")", e);
        }
        if (metadata == null) {
            throw new ModelFileException(path + " is not an IceIsing model (the archive has no " + METADATA_ENTRY + ")");
        }
        if (net == null) {
            throw new ModelFileException(path + " is damaged: the archive has no " + NETWORK_ENTRY);
        }
        MultiLayerNetwork network;
        try (InputStream in = new ByteArrayInputStream(net)) {
            network = ModelSerializer.restoreMultiLayerNetwork(in, true);
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(path + " is damaged: its network cannot be restored (" + e.getMessage() + ")", e);
        }
        long expected = IceCnn.parameterCount(metadata.rows(), metadata.cols());
        if (network.numParams() != expected) {
            throw new ModelFileException(path + " is damaged: its network has " + network.numParams() + " parameters, the study's CNN for "
                    + metadata.rows() + " x " + metadata.cols() + " has " + expected);
        }
        Backend.attachHelpers(network);
        return new InverseModel(network, metadata);
    }

    private static ModelMetadata readMetadata(byte[] meta, Path path) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(meta, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelFileException(path + " is damaged: its metadata cannot be read (" + e.getMessage() + ")", e);
        }
        return ModelMetadata.fromProperties(p, path.toString());
    }

    /**
     * The most bytes the network entry of a model for this lattice may hold: its parameters as doubles
     * twice over (weights and updater state) and room for DL4J's configuration; a larger entry is damage
     * or a trap, and is refused before it fills the memory.
     */
    private static long maxNetworkBytes(ModelMetadata metadata, Path path) {
        try {
            return 16 * IceCnn.parameterCount(metadata.rows(), metadata.cols()) + (8L << 20);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(path + " is damaged: its metadata gives a lattice the network cannot read ("
                    + e.getMessage() + ")", e);
        }
    }

    /** The rest of the current entry, refused once it runs past {@code limit} bytes. */
    private static byte[] readEntry(ZipInputStream zip, String name, long limit, Path path) throws IOException {
        byte[] b = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (b.length > limit) {
            throw new ModelFileException(path + " is damaged: its entry " + name + " holds more than the "
                    + limit + " bytes a model of its size can need");
        }
        return b;
    }
}
