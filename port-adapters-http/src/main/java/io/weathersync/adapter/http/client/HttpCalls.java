package io.weathersync.adapter.http.client;

import io.weathersync.adapter.http.trace.Traces;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The JDK {@link HttpClient} as every outbound call of this module uses it: HTTP/1.1, no redirects, and a
 * deadline over the whole exchange (the request's own timeout stops at the response headers, so a server
 * that sends headers and then stalls the body would otherwise hang the caller). Every call carries a W3C
 * {@code traceparent} ({@link Traces#propagate}).
 */
public final class HttpCalls {

    /** Whom https peers are verified against: the JDK's CAs, or {@link #verifyPeersWith} those of a CA file. */
    private static volatile SSLContext peers;

    private HttpCalls() {
    }

    /**
     * Makes every client created from now on verify https peers against {@code trusting} (from {@code TLS_CA_FILE},
     * {@link TlsFiles#trusting}) instead of the JDK's CAs. Called once at a node's start, before its clients exist.
     */
    public static void verifyPeersWith(SSLContext trusting) {
        peers = trusting;
    }

    /** A client with the given connect timeout. */
    public static HttpClient newClient(Duration connectTimeout) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout);
        SSLContext trusting = peers;
        if (trusting != null) {
            builder.sslContext(trusting);
        }
        return builder.build();
    }

    /**
     * Sends the request and reads the whole body, or gives up after {@code deadline}.
     *
     * @throws HttpTimeoutException when no complete answer came within the deadline
     * @throws IOException          on any other transport failure
     * @throws InterruptedException when the calling thread is interrupted (the exchange is cancelled)
     */
    public static HttpResponse<byte[]> send(HttpClient client, HttpRequest request, Duration deadline)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(Traces.propagate(request), HttpResponse.BodyHandlers.ofByteArray());
        try {
            return future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + deadline.toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause == null ? "request failed" : cause.toString(), cause);
        }
    }

    /** A short, secret-free description of a transport failure, e.g. {@code ConnectException: Connection refused}. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /**
     * A configured base URL without its trailing slashes, so paths can be appended.
     *
     * @throws IllegalArgumentException naming {@code field} when it is not an http(s) URL with a host
     */
    public static String baseUrl(String field, String url) {
        Objects.requireNonNull(url, field + ": must not be null");
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(field + ": not a URL ('" + url + "'): " + e.getReason());
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException(field + ": must be an http(s) URL with a host, was '" + url + "'");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(field + ": must have no query or fragment, was '" + url + "'");
        }
        return trimmed;
    }
}
