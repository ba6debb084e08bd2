package io.weathersync.adapter.http.client;

import java.util.Objects;

/**
 * A slave the master pushes to: its name (as registered) and the base URL of its API.
 *
 * @param name   the slave's name, for counters and logs
 * @param apiUrl its base URL, e.g. {@code http://10.0.0.7:8081}; the push goes to {@code /api/dms/sync/receive}
 */
public record PushTarget(String name, String apiUrl) {

    /** Requires a name and an http(s) URL. */
    public PushTarget {
        Objects.requireNonNull(name, "name: must not be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name: must not be blank");
        }
        apiUrl = HttpCalls.baseUrl("api_url", apiUrl);
    }
}
