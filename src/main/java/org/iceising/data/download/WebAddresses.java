package org.iceising.data.download;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** Rules for the addresses the downloader talks to: HTTPS only (plain HTTP on loopback), origins, safe printing. */
final class WebAddresses {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private WebAddresses() {
    }

    static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        return host != null && LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
    }

    /** HTTPS anywhere, or plain HTTP to this machine's loopback address; never user info in the address. */
    static boolean isAllowed(URI uri) {
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https") || (scheme.equals("http") && isLoopback(uri));
    }

    /** Throws if {@link #isAllowed(URI)} fails; {@code what} names the address in the message. */
    static URI requireAllowed(URI uri, String what) {
        if (uri == null) {
            throw new IllegalArgumentException(what + " must be given");
        }
        if (!isAllowed(uri)) {
            throw new IllegalArgumentException(what + " must be an https:// address (http:// only on localhost) "
                    + "without user info, got " + redact(uri));
        }
        return uri;
    }

    /** Scheme, host and port, lower-cased, with the default port made explicit. */
    static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    static boolean sameOrigin(URI a, URI b) {
        return origin(a).equals(origin(b));
    }

    /**
     * The address without user info, query or fragment: what may appear in a message or a log line
     * (queries carry OAuth codes and signed-URL signatures).
     */
    static String redact(URI uri) {
        if (uri == null) {
            return "(none)";
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            return "(unusable address)";
        }
        String port = uri.getPort() >= 0 ? ":" + uri.getPort() : "";
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getScheme() + "://" + uri.getHost() + port + path;
    }
}
