package io.weathersync.adapter.http.server;

import io.helidon.http.DirectHandler;
import io.helidon.http.DirectHandler.EventType;
import io.helidon.http.DirectHandler.TransportRequest;
import io.helidon.http.DirectHandler.TransportResponse;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.NotFoundException;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.weathersync.application.port.out.StoreUnavailableException;
import io.weathersync.wire.JsonFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Turns every failure into a JSON reply of one shape on every path: seed 002's envelope
 * {@code {"code":<HTTP status>,"message":…,"data":null}}, whose clients tell a failure by its non-zero {@code code}
 * and show {@code message}, plus {@code "error"} with the same text, which clients of the other paths have read
 * since the first release. Unexpected exceptions are logged with their stack trace and answered with a generic
 * 500 that reveals nothing.
 */
final class ErrorReplies {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorReplies.class);
    private static final String INTERNAL = "internal error; the server log has the details";
    private static final String MALFORMED = "malformed request: the request line or headers are not valid HTTP/1.1";

    private ErrorReplies() {
    }

    /** Registers the error handler and the security-header filter on {@code routing}. */
    static void install(HttpRouting.Builder routing) {
        routing.addFilter((chain, req, res) -> {
            Replies.securityHeaders(res.headers());
            chain.proceed();
        });
        routing.error(Throwable.class, ErrorReplies::handle);
    }

    /** Direct handlers (errors raised before routing, such as an oversize body) that answer in JSON too. */
    static DirectHandlers directHandlers() {
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            builder.addHandler(type, JsonDirectHandler.INSTANCE);
        }
        return builder.build();
    }

    private static void handle(ServerRequest req, ServerResponse res, Throwable error) {
        String path = req.path().path();
        Replies.securityHeaders(res.headers());
        switch (error) {
            case ApiException api -> {
                api.headers().forEach((name, value) -> res.headers().set(HeaderValues.create(name, value)));
                Replies.send(res, api.status(), body(path, api.status(), api.getMessage()));
            }
            case NotFoundException notFound -> Replies.send(res, Status.NOT_FOUND_404, body(path, Status.NOT_FOUND_404,
                    "no such endpoint: " + req.prologue().method().text() + " " + path));
            case StoreUnavailableException store -> {
                // Expected while the store is stuck or failing (the health check says so too): one line, no trace.
                LOG.warn("{} {} failed: {}", req.prologue().method().text(), path, store.getMessage());
                Status status = Status.SERVICE_UNAVAILABLE_503;
                Replies.send(res, status, body(path, status, "store unavailable, try again later: "
                        + store.getMessage()));
            }
            case HttpException http when http.status().code() < 500 -> {
                http.headers().forEach(header -> res.headers().set(header));
                Replies.send(res, http.status(), body(path, http.status(), http.getMessage()));
            }
            default -> {
                LOG.error("{} {} failed", req.prologue().method().text(), path, error);
                Status status = Status.INTERNAL_SERVER_ERROR_500;
                Replies.send(res, status, body(path, status, INTERNAL));
            }
        }
    }

    /** The error body for a request to {@code path}: the same shape whatever the path. */
    static Map<String, Object> body(String path, Status status, String message) {
        String text = message == null || message.isBlank() ? status.reasonPhrase() : message;
        return Replies.object("code", status.code(), "message", text, "data", null, "error", text);
    }

    /** Answers transport-level errors (bad request line, oversize body, overload) in the same JSON forms. */
    private enum JsonDirectHandler implements DirectHandler {
        INSTANCE;

        @Override
        public TransportResponse handle(TransportRequest request, EventType eventType, Status given,
                                        ServerResponseHeaders headers, String message) {
            // Helidon answers some unreadable requests (a method with non-ASCII characters, say) with a 500 before
            // routing: nothing of ours ran, the client sent what HTTP does not allow, so it is the client's 400.
            boolean unreadable = given.code() == Status.INTERNAL_SERVER_ERROR_500_CODE;
            Status status = unreadable ? Status.BAD_REQUEST_400 : given;
            String text = unreadable ? MALFORMED : switch (status.code()) {
                case Status.REQUEST_ENTITY_TOO_LARGE_413_CODE -> JsonFaults.tooLarge();
                default -> message;
            };
            headers.set(HeaderValues.create(HeaderNames.CONTENT_TYPE, Replies.JSON));
            Replies.securityHeaders(headers);
            return TransportResponse.builder()
                    .status(status)
                    .headers(headers)
                    .entity(Replies.bytes(body(request.path(), status, text)))
                    .build();
        }
    }
}
