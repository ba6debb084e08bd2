package io.weathersync.adapter.http.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.http.WritableHeaders;
import io.helidon.webserver.http.ServerResponse;
import io.weathersync.wire.ChangeJson;

import java.util.LinkedHashMap;
import java.util.Map;

/** Writes JSON replies: the plain form, seed 002's {@code {"code","message","data"}} envelope, security headers. */
final class Replies {

    /** One wire codec for the whole server: its strict mapper reads bodies and writes replies too. */
    static final ChangeJson CODEC = new ChangeJson();
    static final JsonMapper MAPPER = CODEC.mapper();
    static final String JSON = "application/json";

    /**
     * A policy fit for the web console: its own scripts, styles, images and API only, inline styles allowed (charts
     * set them), no plugins, never framed (with {@code X-Frame-Options} for older browsers).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' "
            + "'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private static final Map<HeaderName, String> SECURITY_HEADERS = Map.of(
            HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff",
            HeaderNames.create("X-Frame-Options"), "DENY",
            HeaderNames.CACHE_CONTROL, "no-store",
            HeaderNames.create("Referrer-Policy"), "no-referrer",
            HeaderNames.create("Content-Security-Policy"), CONTENT_SECURITY_POLICY);

    private Replies() {
    }

    /** Sends {@code body} as JSON with {@code status}. */
    static void send(ServerResponse res, Status status, Object body) {
        res.status(status);
        res.headers().set(HeaderValues.create(HeaderNames.CONTENT_TYPE, JSON));
        res.send(bytes(body));
    }

    /** Sends 200 with {@code body} as JSON. */
    static void ok(ServerResponse res, Object body) {
        send(res, Status.OK_200, body);
    }

    /** Sends seed 002's success envelope: {@code {"code":0,"message":…,"data":…}}. */
    static void cascadeOk(ServerResponse res, String message, Object data) {
        ok(res, object("code", 0, "message", message, "data", data));
    }

    /** The JSON bytes of {@code body}. */
    static byte[] bytes(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a reply as JSON", e);
        }
    }

    /** Adds the headers every reply carries. */
    static void securityHeaders(WritableHeaders<?> headers) {
        SECURITY_HEADERS.forEach((name, value) -> headers.set(HeaderValues.create(name, value)));
    }

    /** An ordered JSON object from alternating keys and values; values may be null. */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }
}
