package io.weathersync.adapter.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link LettuceChangePublisher} holds while Redis is slow or away: at most {@code maxQueued}
 * commands (further publishes fail at once), each failing after {@code timeout} if not answered.
 *
 * @param maxQueued most commands buffered or awaiting Redis' answer, at least 1
 * @param timeout   how long one publish may wait for Redis, positive
 */
public record PublishLimits(int maxQueued, Duration timeout) {

    /** 10,000 queued messages (a few MB), 10 seconds each: rides out a Redis restart, not a long outage. */
    public static final PublishLimits DEFAULTS = new PublishLimits(10_000, Duration.ofSeconds(10));

    /** Validates both limits. */
    public PublishLimits {
        if (maxQueued < 1) {
            throw new IllegalArgumentException("maxQueued: must be at least 1, was " + maxQueued);
        }
        Objects.requireNonNull(timeout, "timeout: must not be null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout: must be positive, was " + timeout);
        }
    }
}
