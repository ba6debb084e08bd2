package io.weathersync.adapter.http.server;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;

import java.time.Duration;
import java.util.Optional;

/** The 429 answer for an address that failed authentication too often. */
final class Throttling {

    private Throttling() {
    }

    /** Throws 429 with {@code Retry-After} (whole seconds, rounded up) while {@code address} is blocked. */
    static void refuseIfBlocked(AuthThrottle throttle, String address) {
        Optional<Duration> blocked = throttle.blockedFor(address);
        if (blocked.isPresent()) {
            long seconds = Math.max(1, (blocked.get().toMillis() + 999) / 1000);
            throw new ApiException(Status.TOO_MANY_REQUESTS_429,
                    "too many failed authentications from this address; retry after " + seconds + " s")
                    .header(HeaderNames.RETRY_AFTER, Long.toString(seconds));
        }
    }
}
