package io.weathersync.adapter.http.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.webserver.http.HttpRouting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A real Helidon server on port 0 for one test class, called over a real socket with the JDK HttpClient. A text
 * body posted to the receive path is signed with {@link TestPush#AUTH} unless the test sets {@code X-Push-*} itself.
 */
class TestServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RECEIVE = "/api/dms/sync/receive";

    private final HttpNode node;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private TestServer(HttpNode node) {
        this.node = node;
    }

    static TestServer start(Consumer<HttpRouting.Builder> routes) {
        return new TestServer(HttpNode.start("127.0.0.1", 0, routes));
    }

    /** A client of a server started elsewhere, on {@code port}; closing it stops nothing. */
    static TestServer attach(int port) {
        return new TestServer(null) {
            @Override
            int port() {
                return port;
            }
        };
    }

    int port() {
        return node.port();
    }

    Reply get(String path, String... headers) {
        return send("GET", path, null, (String) null, headers);
    }

    Reply post(String path, String json, String... headers) {
        return send("POST", path, "application/json", json, headers);
    }

    Reply send(String method, String path, String contentType, String body, String... headers) {
        return send(method, path, contentType, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body), body, headers);
    }

    Reply send(String method, String path, String contentType, HttpRequest.BodyPublisher body, String... headers) {
        return send(method, path, contentType, body, null, headers);
    }

    private Reply send(String method, String path, String contentType, HttpRequest.BodyPublisher body,
                       String textBody, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        boolean signed = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            signed |= headers[i].startsWith("X-Push-");
        }
        if (!signed && RECEIVE.equals(path) && textBody != null) {
            // Pushes come from the master, which signs them; a test of the signature itself sets X-Push-* headers.
            TestPush.AUTH.sign("POST", RECEIVE, textBody.getBytes(StandardCharsets.UTF_8)).forEach(request::header);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (node != null) {
            node.stop();
        }
    }

    /** An answer: status, headers and body text. */
    record Reply(int status, HttpHeaders headers, String body) {

        /** The keys of every error body, on every path. */
        static final List<String> ERROR_KEYS = List.of("code", "message", "data", "error");

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The top-level keys of the JSON object body, in order. */
        List<String> keys() {
            return keys(json());
        }

        static List<String> keys(JsonNode object) {
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            return keys;
        }
    }
}
