package io.weathersync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** JSON over the JDK {@code HttpClient}, as an operator's script or a client of seed 000 would call the nodes. */
final class JsonHttp {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private JsonHttp() {
    }

    /** A reply: status, parsed JSON body (or a text node when it is not JSON), and the raw headers. */
    record Reply(int status, JsonNode body, HttpResponse<String> raw) {

        Reply expect(int wanted, String what) {
            if (status != wanted) {
                throw new AssertionError(what + ": expected HTTP " + wanted + ", got " + status + " " + body);
            }
            return this;
        }

        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }
    }

    static Reply get(String url, String authorization) {
        return get(url, authorization, Duration.ofSeconds(10));
    }

    static Reply get(String url, String authorization, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    static Reply get(String url) {
        return get(url, null);
    }

    static Reply post(String url, String authorization, Object body) {
        return post(url, authorization, body, Duration.ofSeconds(10));
    }

    static Reply post(String url, String authorization, Object body, Duration timeout) {
        String json;
        try {
            json = body == null ? "" : MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    private static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = response.body().isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(response.body());
            } catch (IOException e) {
                body = MAPPER.getNodeFactory().textNode(response.body());
            }
            return new Reply(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
