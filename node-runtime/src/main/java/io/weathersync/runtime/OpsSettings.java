package io.weathersync.runtime;

import java.util.List;
import java.util.Locale;

/** The operations settings every node shares (issue 18): metrics, tracing, the counters' key, readiness. */
public final class OpsSettings {

    static final Setting METRICS_ENABLED = Setting.of("metrics.enabled", "METRICS_ENABLED", "true",
            "true or false: GET /metrics serves Prometheus text and times requests");
    static final Setting TRACING_ENABLED = Setting.of("tracing.enabled", "TRACING_ENABLED", "true",
            "true or false: W3C traceparent on every request and node-to-node call");
    static final Setting REDIS_METRICS_KEY = Setting.of("redis.metrics_key", "REDIS_METRICS_KEY", "weather:metrics",
            "Redis hash of seed 003's per-source counters (with REDIS_URI)");
    static final Setting READY_MAX_LAG = Setting.of("ready.max_lag", "READY_MAX_LAG", "120",
            "slave: how long it may be behind its master and still be ready (/health/ready)");

    private OpsSettings() {
    }

    /** These settings, in help order. */
    public static List<Setting> all() {
        return List.of(METRICS_ENABLED, TRACING_ENABLED, REDIS_METRICS_KEY, READY_MAX_LAG);
    }

    /**
     * Reads and checks them.
     *
     * @throws ConfigException naming the first bad setting
     */
    public static OpsConfig read(Settings settings) {
        String key = settings.required(REDIS_METRICS_KEY);
        if (key.isBlank()) {
            throw settings.invalid(REDIS_METRICS_KEY, "must not be blank");
        }
        return new OpsConfig(flag(settings, METRICS_ENABLED), flag(settings, TRACING_ENABLED), key,
                settings.duration(READY_MAX_LAG));
    }

    private static boolean flag(Settings settings, Setting setting) {
        return switch (settings.required(setting).toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw settings.invalid(setting, "must be true or false");
        };
    }
}
