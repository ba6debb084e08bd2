package io.weathersync.adapter.http.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.weathersync.application.port.out.PushFailedException;
import io.weathersync.application.port.out.SlavePush;
import io.weathersync.domain.message.SignedPush;
import io.weathersync.wire.ChangeJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;

/**
 * The master's push of a signed page to one slave over HTTP (seed 001): {@code POST {api_url}/api/dms/sync/receive}
 * with the page as JSON ({@link ChangeJson#toJsonObject(SignedPush)}), waiting for the slave's answer. Anything
 * but a 2xx (an error status, I/O failure, timeout) is a {@link PushFailedException} saying which; no retry,
 * since the caller is waiting, and the slave still catches up by pulling.
 */
public final class HttpSlavePush implements SlavePush, AutoCloseable {

    /** Default time to connect to a slave. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Default time for one page to be delivered and applied. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final ChangeJson json;
    private final Duration requestTimeout;
    private final HttpClient client;
    private final PushAuth auth;

    /** A push with the default timeouts, signed with {@code auth}. */
    public HttpSlavePush(ChangeJson json, PushAuth auth) {
        this(json, auth, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    /** A push that gives up connecting after {@code connectTimeout} and on a page after {@code requestTimeout}. */
    public HttpSlavePush(ChangeJson json, PushAuth auth, Duration connectTimeout, Duration requestTimeout) {
        this.json = Objects.requireNonNull(json, "json");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.client = HttpCalls.newClient(connectTimeout);
    }

    @Override
    public void push(String apiUrl, SignedPush push) {
        URI uri = receiveUri(apiUrl);
        String what = "push to " + shown(uri);
        byte[] body = json.toJsonBytes(push);
        HttpRequest request = SlaveSender.signed(HttpRequest.newBuilder(uri), auth, body)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header(SlaveSender.STREAM_HEADER, push.push().page().stream().value())
                .timeout(requestTimeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = HttpCalls.send(client, request, requestTimeout);
        } catch (HttpTimeoutException e) {
            throw new PushFailedException(what + ": slave did not answer within " + requestTimeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new PushFailedException(what + ": slave unreachable (" + HttpCalls.describe(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PushFailedException(what + ": interrupted");
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new PushFailedException(what + ": slave answered HTTP " + status + reason(response.body()));
        }
    }

    private static URI receiveUri(String apiUrl) {
        try {
            return URI.create(HttpCalls.baseUrl("api_url", apiUrl) + SlaveSender.RECEIVE_PATH);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PushFailedException("push: the slave's api_url is not a usable http(s) URL");
        }
    }

    /** The target without any user info a URL might carry. */
    private static String shown(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + uri.getRawPath();
    }

    /** {@code ": <error>"} from the slave's JSON error body, or nothing. */
    private String reason(byte[] body) {
        JsonNode reply;
        try {
            reply = json.mapper().readTree(body);
        } catch (IOException e) {
            return "";
        }
        JsonNode text = reply == null ? null : reply.has("error") ? reply.get("error") : reply.get("message");
        if (text == null || !text.isTextual()) {
            return "";
        }
        String clean = text.textValue().replaceAll("\\s+", " ").strip();
        return ": " + (clean.length() > 200 ? clean.substring(0, 200) + "…" : clean);
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
