package io.weathersync.adapter.http.client;

import io.weathersync.application.port.out.NodeProbe;
import io.weathersync.domain.cluster.ProbeResult;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Tests a node's connection the way the registry's {@code test-connection} asks: calls its
 * {@code /api/dms/status} with the given AK/SK and reports whether it answered, how fast and as what role.
 */
public final class HttpNodeProbe implements NodeProbe {

    /** The header in which a node's status answer names its own role ({@code master} or {@code slave}). */
    public static final String ROLE_HEADER = "X-Node-Role";

    private final HttpClient client;
    private final Duration deadline;

    /** A probe that gives up after {@code deadline}. */
    public HttpNodeProbe(Duration deadline) {
        this.client = HttpCalls.newClient(deadline);
        this.deadline = deadline;
    }

    @Override
    public ProbeResult probe(String apiUrl, String apiKey, String apiSecret) {
        String base;
        try {
            base = HttpCalls.baseUrl("api_url", apiUrl);
        } catch (IllegalArgumentException e) {
            return new ProbeResult(false, 0, "", e.getMessage());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/dms/status"))
                .timeout(deadline)
                .GET();
        if (apiKey != null && !apiKey.isBlank()) {
            try {
                request.header("Authorization", "AK-SK " + apiKey + ":" + (apiSecret == null ? "" : apiSecret));
            } catch (IllegalArgumentException e) {
                // The JDK's message would quote the header, secret included: say only what is wrong.
                return new ProbeResult(false, 0, "", "api_key or api_secret holds a character a header cannot carry");
            }
        }
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> response = HttpCalls.send(client, request.build(), deadline);
            long latency = Duration.ofNanos(System.nanoTime() - started).toMillis();
            if (response.statusCode() / 100 != 2) {
                return new ProbeResult(false, latency, "", "HTTP " + response.statusCode());
            }
            return new ProbeResult(true, latency, response.headers().firstValue(ROLE_HEADER).orElse(""), "");
        } catch (IOException e) {
            return new ProbeResult(false, Duration.ofNanos(System.nanoTime() - started).toMillis(), "",
                    HttpCalls.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProbeResult(false, 0, "", "interrupted");
        }
    }
}
