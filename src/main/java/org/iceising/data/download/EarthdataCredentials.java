package org.iceising.data.download;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * How the downloader signs in to NASA Earthdata: a bearer token (sent to the Earthdata Login host and
 * to the data host CMR names for a file) or a user name and password (sent, as HTTP Basic, to the
 * Earthdata Login host only). The secret is never printed: {@link #toString()} says only what kind of
 * credentials these are.
 */
public final class EarthdataCredentials {

    /** The environment variable that holds an Earthdata token. */
    public static final String TOKEN_VARIABLE = "EARTHDATA_TOKEN";

    enum Kind { NONE, TOKEN, LOGIN }

    private static final EarthdataCredentials NONE = new EarthdataCredentials(Kind.NONE, null, "no Earthdata credentials");

    private final Kind kind;
    private final String authorization;
    private final String description;

    private EarthdataCredentials(Kind kind, String authorization, String description) {
        this.kind = kind;
        this.authorization = authorization;
        this.description = description;
    }

    /** An Earthdata Login bearer token (generated at urs.earthdata.nasa.gov, "Generate Token"). */
    public static EarthdataCredentials token(String token) {
        String t = token == null ? "" : token.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("the Earthdata token is empty");
        }
        if (!t.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("the Earthdata token has characters a token cannot have");
        }
        return new EarthdataCredentials(Kind.TOKEN, "Bearer " + t, "an Earthdata token");
    }

    /** An Earthdata Login user name and password. */
    public static EarthdataCredentials login(String user, String password) {
        if (user == null || user.isEmpty() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("an Earthdata login needs a user name and a password");
        }
        if (user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("an Earthdata user name cannot contain ':'");
        }
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new EarthdataCredentials(Kind.LOGIN, "Basic " + basic, "an Earthdata login");
    }

    /** No credentials: enough for CMR searches, not for NSIDC files. */
    public static EarthdataCredentials none() {
        return NONE;
    }

    /**
     * The credentials a user has set up: the token in {@value #TOKEN_VARIABLE} if set, else the entry for
     * the login host (else the {@code default} entry) in {@code .netrc} (or {@code _netrc}) in the home folder,
     * else {@link #none()}.
     *
     * @param environment the environment variables, usually {@link System#getenv()}
     * @param homeDir     the user's home folder
     * @param loginUrl    the Earthdata Login base address whose host names the {@code .netrc} machine
     */
    public static EarthdataCredentials fromEnvironment(Map<String, String> environment, Path homeDir, URI loginUrl) {
        String token = environment.get(TOKEN_VARIABLE);
        if (token != null && !token.isBlank()) {
            return token(token);
        }
        Path netrc = homeDir.resolve(".netrc");
        if (!Files.exists(netrc)) {
            netrc = homeDir.resolve("_netrc");
        }
        Optional<Netrc.Entry> entry = Netrc.find(netrc, loginUrl.getHost());
        if (entry.isEmpty()) {
            return NONE;
        }
        EarthdataCredentials c = login(entry.get().login(), entry.get().password());
        return new EarthdataCredentials(c.kind, c.authorization, "the Earthdata login in " + netrc.getFileName());
    }

    /** True unless these are {@link #none()}. */
    public boolean isPresent() {
        return kind != Kind.NONE;
    }

    Kind kind() {
        return kind;
    }

    /** The value of the Authorization header; only {@link EarthdataSession} may send it. */
    String authorization() {
        return authorization;
    }

    /** What kind of credentials these are, e.g. "an Earthdata token"; never the secret. */
    @Override
    public String toString() {
        return description;
    }
}
