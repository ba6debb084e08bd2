package io.weathersync.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How a node is operated: metrics, tracing, the shared counters' key and the readiness bound.
 *
 * @param metricsEnabled  whether {@code GET /metrics} serves the Prometheus text and requests are timed
 * @param tracingEnabled  whether requests and node-to-node calls carry a W3C {@code traceparent}
 * @param redisMetricsKey the Redis hash of seed 003's counters (used when {@code REDIS_URI} is set)
 * @param readyMaxLag     how far behind its master a slave may be and still answer {@code /health/ready} 200
 */
public record OpsConfig(boolean metricsEnabled, boolean tracingEnabled, String redisMetricsKey, Duration readyMaxLag) {

    /** Checks every part. */
    public OpsConfig {
        Objects.requireNonNull(redisMetricsKey, "redisMetricsKey");
        if (redisMetricsKey.isBlank()) {
            throw new IllegalArgumentException("redis_metrics_key: must not be blank");
        }
        Objects.requireNonNull(readyMaxLag, "readyMaxLag");
    }
}
