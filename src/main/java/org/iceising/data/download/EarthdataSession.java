package org.iceising.data.download;

import org.iceising.model.CancelledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One sign-in to Earthdata: an HTTP client with its own in-memory cookie jar, following redirects by
 * hand so that every hop is checked (HTTPS, or HTTP on loopback) and credentials go only where they
 * belong:
 * <ul>
 *   <li>to the Earthdata Login host, as they are (Basic for a login, Bearer for a token);</li>
 *   <li>a token also to the data host CMR named for the file (NASA's data hosts take it directly);</li>
 *   <li>nothing to any other host (CMR, the signed storage addresses data hosts redirect to).</li>
 * </ul>
 * Log lines and messages carry addresses without their query (OAuth codes, URL signatures).
 */
final class EarthdataSession {

    private static final Logger LOG = LoggerFactory.getLogger(EarthdataSession.class);
    private static final int MAX_REDIRECTS = 12;
    private static final int MAX_LOGIN_VISITS = 3;
    private static final long POLL_MILLIS = 20;
    private static final String CLIENT_ID = "iceising";

    private final HttpClient client;
    private final EarthdataCredentials credentials;
    private final URI loginUrl;
    private final TransferSettings settings;

    EarthdataSession(EarthdataCredentials credentials, URI loginUrl, TransferSettings settings) {
        this.credentials = credentials;
        this.loginUrl = WebAddresses.requireAllowed(loginUrl, "the Earthdata Login address");
        this.settings = settings;
        HttpClient.Builder b = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout());
        Optional.ofNullable(ProxySelector.getDefault()).ifPresent(b::proxy);
        this.client = b.build();
    }

    /** An answer read whole into memory. */
    record TextAnswer(int status, HttpHeaders headers, String body) {
    }

    /**
     * A GET with no credentials, as text, for CMR searches: the body is read within the idle timeout,
     * by {@code deadline} ({@link System#nanoTime()}) and up to {@link TransferSettings#maxCmrPageBytes}.
     *
     * @param what names the server in messages
     */
    TextAnswer getText(URI uri, String searchAfter, CancelSignal cancel, long deadline, String what) throws IOException {
        WebAddresses.requireAllowed(uri, "the CMR search address");
        HttpRequest.Builder r = request(uri).header("Client-Id", CLIENT_ID);
        if (searchAfter != null) {
            r.header("CMR-Search-After", searchAfter);
        }
        HttpResponse<BoundedBody> response = await(client.sendAsync(r.build(),
                info -> BoundedBody.inMemory(settings.maxCmrPageBytes(), what)), cancel);
        LOG.debug("GET {} -> {}", WebAddresses.redact(uri), response.statusCode());
        response.body().await(cancel, settings.idleTimeout(), deadline, settings.deadline());
        return new TextAnswer(response.statusCode(), response.headers(), response.body().text());
    }

    /**
     * A GET of a data file, following redirects through Earthdata Login. Returns the first answer that is
     * not a redirect; {@code handler} reads its body if it is a 2xx from a host other than the login host,
     * any other body is not read (its transfer is stopped).
     *
     * @throws EarthdataAuthException credentials are missing, refused, or Earthdata Login wants a browser
     * @throws DownloadException      a redirect goes somewhere not allowed, or redirects do not end
     * @throws IOException            the connection failed or timed out (worth another try)
     */
    <T> HttpResponse<T> fetch(URI dataUrl, HttpResponse.BodyHandler<T> handler, CancelSignal cancel)
            throws IOException {
        URI uri = dataUrl;
        int loginVisits = 0;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            if (!WebAddresses.isAllowed(uri)) {
                throw new DownloadException("refused to go on to " + WebAddresses.redact(uri)
                        + ": only https:// addresses (http:// on localhost) are followed");
            }
            boolean atLogin = WebAddresses.sameOrigin(uri, loginUrl);
            if (atLogin && ++loginVisits > MAX_LOGIN_VISITS) {
                throw new EarthdataAuthException("Earthdata Login at " + WebAddresses.redact(loginUrl)
                        + " keeps sending the request back to sign in; the login did not take (are cookies refused?)");
            }
            if (atLogin && !credentials.isPresent()) {
                throw new EarthdataAuthException(WebAddresses.redact(dataUrl) + " needs an Earthdata login and none is set: "
                        + "set " + EarthdataCredentials.TOKEN_VARIABLE + " or add 'machine " + loginUrl.getHost()
                        + " login NAME password PASSWORD' to ~/.netrc");
            }
            HttpRequest.Builder r = request(uri);
            String auth = authorizationFor(uri, dataUrl);
            if (auth != null) {
                r.header("Authorization", auth);
            }
            HttpResponse<T> response = await(client.sendAsync(r.build(), info ->
                    !atLogin && info.statusCode() / 100 == 2 ? handler.apply(info)
                            : BoundedBody.discarded()), cancel);
            int status = response.statusCode();
            LOG.debug("GET {} -> {}", WebAddresses.redact(uri), status);
            Optional<String> location = response.headers().firstValue("Location");
            if (isRedirect(status) && location.isPresent()) {
                try {
                    uri = uri.resolve(location.get().strip());
                } catch (IllegalArgumentException e) {
                    throw new DownloadException(WebAddresses.redact(uri) + " redirected to an address that cannot be read");
                }
                continue;
            }
            checkAuthorization(uri, dataUrl, status, auth != null);
            return response;
        }
        throw new DownloadException(WebAddresses.redact(dataUrl) + " redirected more than " + MAX_REDIRECTS + " times");
    }

    /** The Authorization header for {@code uri} while fetching {@code dataUrl}, or null. */
    private String authorizationFor(URI uri, URI dataUrl) {
        if (!credentials.isPresent()) {
            return null;
        }
        if (WebAddresses.sameOrigin(uri, loginUrl)) {
            return credentials.authorization();
        }
        if (credentials.kind() == EarthdataCredentials.Kind.TOKEN && WebAddresses.sameOrigin(uri, dataUrl)) {
            return credentials.authorization();
        }
        return null;
    }

    private void checkAuthorization(URI uri, URI dataUrl, int status, boolean sentCredentials) {
        boolean atLogin = WebAddresses.sameOrigin(uri, loginUrl);
        if (atLogin && (status == 401 || status == 403)) {
            throw new EarthdataAuthException("Earthdata Login at " + WebAddresses.redact(loginUrl) + " refused "
                    + credentials + " (HTTP " + status + "); check the token or the password");
        }
        if (atLogin) {
            throw new EarthdataAuthException("Earthdata Login at " + WebAddresses.redact(loginUrl)
                    + " answered with a page (HTTP " + status + ") instead of sending you back to "
                    + WebAddresses.redact(dataUrl) + "; sign in there in a browser and approve the NSIDC data "
                    + "application or accept its licence");
        }
        if (status == 401) {
            throw new EarthdataAuthException(WebAddresses.redact(uri) + " refused "
                    + (sentCredentials ? credentials.toString() : "the request without credentials")
                    + " (HTTP 401); check the Earthdata token or login");
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).GET().timeout(settings.responseTimeout())
                .header("User-Agent", "IceIsing (Java HttpClient)");
    }

    /** Waits for a response, giving up when cancelled. */
    private static <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> future, CancelSignal cancel)
            throws IOException {
        while (true) {
            try {
                return future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (cancel.isCancelled()) {
                    future.cancel(true);
                    throw new CancelledException();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.cancel(true);
                cancel.cancel();
                throw new CancelledException();
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof IOException io) {
                    throw io;
                }
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                throw new IOException(c);
            }
        }
    }
}
