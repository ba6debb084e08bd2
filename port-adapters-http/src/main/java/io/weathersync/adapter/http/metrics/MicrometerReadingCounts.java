package io.weathersync.adapter.http.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.weathersync.application.port.out.ReadingCounts;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ReadingCount;
import io.weathersync.domain.model.WeatherReading;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts each stored batch in Prometheus counters ({@code weather_readings_ingested_total} and
 * {@code weather_changes_published_total} by source and city), then in the shared counters, which answer
 * {@link #counts()}: this process' meters come first, so a shared store that is away costs no meter. A batch is
 * summed per source and city first and each counter found once (it is on the write path).
 */
final class MicrometerReadingCounts implements ReadingCounts {

    private static final String INGESTED = "weather.readings.ingested";
    private static final String PUBLISHED = "weather.changes.published";

    private final MeterRegistry registry;
    private final ReadingCounts shared;
    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

    MicrometerReadingCounts(MeterRegistry registry, ReadingCounts shared) {
        this.registry = registry;
        this.shared = shared;
    }

    @Override
    public void count(List<WeatherReading> ingested, List<Change> changes) {
        Map<Key, Integer> batch = new HashMap<>();
        ingested.forEach(r -> batch.merge(new Key(INGESTED, r.source(), r.city().name()), 1, Integer::sum));
        changes.forEach(c -> batch.merge(new Key(PUBLISHED, c.reading().source(), c.reading().city().name()), 1,
                Integer::sum));
        batch.forEach((key, n) -> counters.computeIfAbsent(key, this::counter).increment(n));
        shared.count(ingested, changes);
    }

    @Override
    public List<ReadingCount> counts() {
        return shared.counts();
    }

    private Counter counter(Key key) {
        return Counter.builder(key.name())
                .description(key.name().equals(INGESTED) ? "readings stored or found unchanged"
                        : "changes stored and published")
                .tag("source", key.source()).tag("city", key.city()).register(registry);
    }

    private record Key(String name, String source, String city) {
    }
}
