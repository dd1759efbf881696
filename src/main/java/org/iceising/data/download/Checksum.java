package org.iceising.data.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A file checksum as CMR publishes it (UMM-G {@code Checksum}: algorithm and hex value).
 *
 * @param algorithm a {@link MessageDigest} name: MD5, SHA-1, SHA-256, SHA-384 or SHA-512
 * @param hex       the expected digest, lower-case hex
 */
public record Checksum(String algorithm, String hex) {

    /** The algorithms CMR names that the JDK computes, with their digest lengths in bytes. */
    private static final Map<String, Integer> SUPPORTED = Map.of("MD5", 16, "SHA-1", 20, "SHA-256", 32,
            "SHA-384", 48, "SHA-512", 64);

    public Checksum {
        Integer length = SUPPORTED.get(algorithm);
        if (length == null) {
            throw new IllegalArgumentException("unsupported checksum algorithm " + algorithm);
        }
        if (hex == null || !hex.matches("[0-9a-f]{" + 2 * length + "}")) {
            throw new IllegalArgumentException("a " + algorithm + " checksum needs " + 2 * length
                    + " lower-case hex digits");
        }
    }

    /**
     * The checksum CMR gives as {@code algorithm} and {@code value}, when the JDK can compute that algorithm
     * and the value is well formed; empty otherwise (Adler-32, Fletcher, ... are left unchecked).
     */
    public static Optional<Checksum> of(String algorithm, String value) {
        if (algorithm == null || value == null) {
            return Optional.empty();
        }
        String name = algorithm.strip().toUpperCase(Locale.ROOT);
        String hex = value.strip().toLowerCase(Locale.ROOT);
        Integer length = SUPPORTED.get(name);
        if (length == null || !hex.matches("[0-9a-f]{" + 2 * length + "}")) {
            return Optional.empty();
        }
        return Optional.of(new Checksum(name, hex));
    }

    /** The digest of {@code file} in this checksum's algorithm, lower-case hex. */
    public String compute(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** True if {@code file}'s digest equals this one. */
    public boolean matches(Path file) throws IOException {
        return compute(file).equals(hex);
    }

    @Override
    public String toString() {
        return algorithm + " " + hex;
    }
}
