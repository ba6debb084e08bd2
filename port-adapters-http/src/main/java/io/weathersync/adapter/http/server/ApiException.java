package io.weathersync.adapter.http.server;

import io.helidon.http.HeaderName;
import io.helidon.http.Status;

import java.util.LinkedHashMap;
import java.util.Map;

/** A request that cannot be served as asked: the status, and a message for the client naming the problem. */
final class ApiException extends RuntimeException {

    private final transient Status status;
    private final Map<HeaderName, String> headers = new LinkedHashMap<>();

    ApiException(Status status, String message) {
        // No stack trace: these are answers to clients, not faults, and bursts of them must stay cheap.
        super(message, null, false, false);
        this.status = status;
    }

    static ApiException badRequest(String message) {
        return new ApiException(Status.BAD_REQUEST_400, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(Status.NOT_FOUND_404, message);
    }

    /** {@code text} in quotes for a message, cut to a readable length. */
    static String quote(String text) {
        return "'" + (text.length() > 64 ? text.substring(0, 64) + "…" : text) + "'";
    }

    /** This exception, answering with {@code name: value} as well. */
    ApiException header(HeaderName name, String value) {
        headers.put(name, value);
        return this;
    }

    Status status() {
        return status;
    }

    Map<HeaderName, String> headers() {
        return Map.copyOf(headers);
    }
}
