package io.weathersync.adapter.http.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How the master pushes to each slave.
 *
 * @param queueCapacity  changes waiting per slave before new ones are dropped (the slave catches up later)
 * @param maxBatch       changes per POST at most
 * @param connectTimeout time to connect to a slave
 * @param requestTimeout time for one whole POST
 * @param initialBackoff first wait after a failed POST; doubles per failure, with jitter
 * @param maxBackoff     longest wait between attempts at an unreachable slave
 */
public record PushSettings(int queueCapacity, int maxBatch, Duration connectTimeout, Duration requestTimeout,
                           Duration initialBackoff, Duration maxBackoff) {

    /** Checks every field. */
    public PushSettings {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue_capacity: must be at least 1, was " + queueCapacity);
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("max_batch: must be at least 1, was " + maxBatch);
        }
        for (Duration d : new Duration[] {connectTimeout, requestTimeout, initialBackoff, maxBackoff}) {
            Objects.requireNonNull(d, "push timeouts and backoffs must not be null");
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("push timeouts and backoffs must be positive, was " + d);
            }
        }
    }

    /** 10,000 queued changes and 500 per POST per slave; 2 s to connect, 10 s per POST; backoff 0.2 s to 30 s. */
    public static PushSettings defaults() {
        return new PushSettings(10_000, 500, Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMillis(200),
                Duration.ofSeconds(30));
    }
}
