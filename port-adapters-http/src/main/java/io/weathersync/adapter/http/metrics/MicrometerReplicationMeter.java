package io.weathersync.adapter.http.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.weathersync.application.port.out.ReplicationMeter;

import java.time.Duration;

/**
 * A slave's apply latency as a Prometheus histogram ({@code weather_replication_apply_latency_seconds}: from a live
 * change's receipt to its apply, fixed buckets from 1 ms to 1 min) and its catch-up pages and rows as counters
 * ({@code weather_replication_catchup_pages_total}, {@code _rows_total}).
 */
final class MicrometerReplicationMeter implements ReplicationMeter {

    /** Bucket bounds: a live apply takes milliseconds; one that waited for a gap's catch-up, seconds or more. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private final Timer latency;
    private final Counter pages;
    private final Counter rows;

    MicrometerReplicationMeter(MeterRegistry registry) {
        latency = Timer.builder("weather.replication.apply.latency")
                .description("from a live change's receipt by this slave to its apply in the replica")
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
        pages = Counter.builder("weather.replication.catchup.pages")
                .description("pages a catch-up pulled from the master and applied (a check finding nothing new: one "
                        + "empty page)")
                .register(registry);
        rows = Counter.builder("weather.replication.catchup.rows")
                .description("changes in the pages a catch-up pulled").register(registry);
    }

    @Override
    public void applied(Duration sinceReceipt) {
        latency.record(sinceReceipt.isNegative() ? Duration.ZERO : sinceReceipt);
    }

    @Override
    public void pulled(int rows) {
        pages.increment();
        this.rows.increment(rows);
    }
}
