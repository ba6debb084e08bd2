package io.weathersync.adapter.http.weather;

/** A call to a weather API that produced no usable answer; the message is safe to log (no key, no URL). */
final class CallFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient byte[] body;

    CallFailed(String message) {
        this(message, 0, new byte[0]);
    }

    CallFailed(String message, int status, byte[] body) {
        super(message, null, false, false);
        this.status = status;
        this.body = body;
    }

    /** The HTTP status of a refusal that is not retried (a 4xx other than 429), or 0. */
    int status() {
        return status;
    }

    /** The body of that refusal, for the source to read its error format. */
    byte[] body() {
        return body;
    }
}
