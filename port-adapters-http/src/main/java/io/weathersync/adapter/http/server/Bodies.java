package io.weathersync.adapter.http.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.HttpMediaType;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.wire.JsonFaults;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

/** Reads request bodies: JSON only (415 otherwise), well-formed (400 otherwise, saying where it broke). */
final class Bodies {

    private Bodies() {
    }

    /**
     * The largest body that is drained when it was answered unread (a 401, a 403, a 429), so that its client reads
     * the answer on a connection it may reuse. A larger one is not read at all: the answer says
     * {@code Connection: close} and the connection is closed, so a flood of large refused bodies (forged 1 MB pushes)
     * costs the node no more than their headers.
     */
    static final long DRAIN_LIMIT = 64 * 1024;

    /** Gives every request of {@code routing} at most {@code timeout} to deliver its body. */
    static void limit(HttpRouting.Builder routing, Duration timeout) {
        BodyTimeout limit = new BodyTimeout(timeout);
        routing.addFilter((chain, req, res) -> {
            req.context().register(limit);
            // chunked (no length) counts as large
            boolean small = req.headers().contentLength().orElse(Long.MAX_VALUE) <= DRAIN_LIMIT;
            res.beforeSend(() -> {
                if (!small && unread(req)) {
                    res.headers().set(HeaderValues.CONNECTION_CLOSE);
                }
            });
            chain.proceed();
            if (!unread(req)) {
                return;
            }
            if (!small) {
                throw new CloseConnectionException("a body over " + DRAIN_LIMIT + " bytes answered unread");
            }
            // Helidon would drain a small one before it reuses the connection, with no deadline: drained here,
            // under the same one, so a client trickling the body cannot hold the connection.
            try {
                withinDeadline(timeout, () -> {
                    req.content().consume();
                    return null;
                });
            } catch (RuntimeException lateOrCut) {
                // the connection is closed; the reply was already sent
            }
        });
    }

    private static boolean unread(ServerRequest req) {
        return req.content().hasEntity() && !req.content().consumed();
    }

    /** The raw body, which must be present and declared JSON. */
    static byte[] requiredJsonBytes(ServerRequest req) {
        requireJsonContentType(req);
        byte[] body = req.content().hasEntity() ? read(req) : new byte[0];
        if (isBlank(body)) {
            throw ApiException.badRequest("body: is required, a JSON document");
        }
        return body;
    }

    /** The parsed body, which must be present and declared JSON. */
    static JsonNode required(ServerRequest req) {
        return parse(requiredJsonBytes(req));
    }

    /** The parsed body, or empty when the request has none. */
    static Optional<JsonNode> optional(ServerRequest req) {
        if (!req.content().hasEntity()) {
            return Optional.empty();
        }
        requireJsonContentType(req);
        byte[] body = read(req);
        return isBlank(body) ? Optional.empty() : Optional.of(parse(body));
    }

    /**
     * The body's bytes. A body the transport cannot decode (a malformed chunk size, a connection cut mid-body) is
     * the client's fault, a 400; the exception's text is not echoed, as it may quote what the client sent.
     */
    private static byte[] read(ServerRequest req) {
        // A watchdog interrupts this (virtual) thread when the body is late: the blocked socket read then fails
        // and the connection is closed, so a client trickling its body cannot hold a connection for ever.
        Duration timeout = req.context().get(BodyTimeout.class).map(BodyTimeout::timeout).orElse(DEFAULT_TIMEOUT);
        try {
            return withinDeadline(timeout, () -> req.content().as(byte[].class));
        } catch (HttpException | RequestException e) {
            throw e; // already a client error with its status, such as 413 for an oversize body
        } catch (RuntimeException e) {
            throw ApiException.badRequest("body: cannot be read (" + e.getClass().getSimpleName()
                    + "): malformed chunked encoding, a body cut short, or not whole within " + timeout.toSeconds()
                    + " s");
        }
    }

    /** Runs {@code read} on this (virtual) thread, which a watchdog interrupts past {@code timeout}. */
    private static <T> T withinDeadline(Duration timeout, Supplier<T> read) {
        Thread reader = Thread.currentThread();
        Object guard = new Object();
        boolean[] done = {false};
        ScheduledFuture<?> dog = Watchdog.after(timeout, () -> {
            synchronized (guard) {
                if (!done[0]) {
                    reader.interrupt();
                }
            }
        });
        try {
            return read.get();
        } finally {
            synchronized (guard) {
                done[0] = true;
            }
            dog.cancel(false);
            Thread.interrupted(); // a watchdog that fired just as the body completed leaves nothing behind
        }
    }

    /** The longest a body may take where no {@link #limit} was installed. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** The body deadline of one server, in each request's context. */
    private record BodyTimeout(Duration timeout) {
    }

    /** The body's JSON object; 400 when it is another kind of value. */
    static BodyFields object(JsonNode body) {
        if (!body.isObject()) {
            throw ApiException.badRequest("body: must be a JSON object, was " + JsonFaults.describe(body));
        }
        return new BodyFields("", body);
    }

    /** Parsed by the wire codec's strict reader, so a broken body is worded as a broken message is. */
    private static JsonNode parse(byte[] body) {
        try {
            return Replies.CODEC.readTree(body);
        } catch (RejectedMessage e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static void requireJsonContentType(ServerRequest req) {
        Optional<HttpMediaType> type = req.headers().contentType();
        String subtype = type.map(t -> t.subtype().toLowerCase(Locale.ROOT)).orElse("");
        boolean json = type.isPresent() && type.get().type().equalsIgnoreCase("application")
                && (subtype.equals("json") || subtype.endsWith("+json"));
        if (!json) {
            throw new ApiException(Status.UNSUPPORTED_MEDIA_TYPE_415, "Content-Type: must be application/json, was "
                    + type.map(t -> "'" + t.mediaType().text() + "'").orElse("missing"));
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
