package io.weathersync.adapter.http.weather;

import java.time.Duration;
import java.util.Objects;

/**
 * How a weather source talks to its API: timeouts, and how often and how long it retries a call that failed
 * with 429, a 5xx or an I/O error.
 *
 * @param connectTimeout  how long to wait for a connection
 * @param requestTimeout  how long one whole exchange (headers and body) may take
 * @param maxAttempts     attempts per call, at least 1
 * @param initialBackoff  the wait before the second attempt; it doubles per attempt, with jitter
 * @param maxBackoff      the longest wait between attempts; a {@code Retry-After} beyond it is not waited out
 *                        inline but makes the source skip calls until then
 */
public record HttpSettings(Duration connectTimeout, Duration requestTimeout, int maxAttempts,
                           Duration initialBackoff, Duration maxBackoff) {

    /** Checks every field. */
    public HttpSettings {
        positive("connect_timeout", connectTimeout);
        positive("request_timeout", requestTimeout);
        positive("initial_backoff", initialBackoff);
        positive("max_backoff", maxBackoff);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max_attempts: must be at least 1, was " + maxAttempts);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("max_backoff: must not be shorter than initial_backoff");
        }
    }

    /** 5 s to connect, 10 s per exchange, 3 attempts, backoff from 1 s up to 30 s. */
    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), 3, Duration.ofSeconds(1),
                Duration.ofSeconds(30));
    }

    private static void positive(String field, Duration value) {
        Objects.requireNonNull(value, field + ": must not be null");
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(field + ": must be positive, was " + value);
        }
    }
}
