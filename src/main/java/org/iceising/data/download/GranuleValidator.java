package org.iceising.data.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Decides whether a file on disk is a usable grid, both for a file already present (kept if valid) and for
 * one just fetched (renamed into place only if valid).
 */
@FunctionalInterface
public interface GranuleValidator {

    /** Throws, with a message saying what is wrong, unless {@code file} is usable. */
    void check(Path file) throws IOException;

    /**
     * NSIDC-0051 and NSIDC-0081 v2 files are netCDF-4, i.e. HDF5: the HDF5 signature must be at offset 0
     * or at 512, 1024, 2048, ... (where HDF5 allows a user block before it).
     */
    GranuleValidator HDF5_SIGNATURE = file -> {
        byte[] signature = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
        long size = Files.size(file);
        byte[] head = new byte[signature.length];
        try (InputStream in = Files.newInputStream(file)) {
            long position = 0;
            for (long offset = 0; offset + signature.length <= size; offset = offset == 0 ? 512 : offset * 2) {
                in.skipNBytes(offset - position);
                if (in.readNBytes(head, 0, head.length) == head.length && Arrays.equals(head, signature)) {
                    return;
                }
                position = offset + head.length;
            }
        }
        throw new IOException(file.getFileName() + " is not a netCDF-4 (HDF5) file");
    };
}
