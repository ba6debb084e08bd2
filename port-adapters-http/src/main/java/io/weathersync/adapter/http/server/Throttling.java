package io.weathersync.adapter.http.server;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;

import java.time.Duration;
import java.util.Optional;

/** The answer to a failed authentication: 401, or 429 with {@code Retry-After} once the failures are over a cap. */
final class Throttling {

    private Throttling() {
    }

    /**
     * Counts the failure with {@code throttle} and returns what to throw: a 401 with {@code message} and
     * {@code WWW-Authenticate: scheme}, or a 429 with {@code Retry-After} (whole seconds, rounded up) over a cap.
     */
    static ApiException failure(AuthThrottle throttle, String address, String credential, String scheme,
                                String message) {
        Optional<Duration> wait = throttle.failed(address, credential);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            return new ApiException(Status.TOO_MANY_REQUESTS_429,
                    "too many failed authentications; retry after " + seconds + " s")
                    .header(HeaderNames.RETRY_AFTER, Long.toString(seconds));
        }
        HeaderName challenge = HeaderNames.WWW_AUTHENTICATE;
        return new ApiException(Status.UNAUTHORIZED_401, message).header(challenge, scheme);
    }
}
