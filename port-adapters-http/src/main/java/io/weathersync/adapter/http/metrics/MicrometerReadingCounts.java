package io.weathersync.adapter.http.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.weathersync.application.port.out.ReadingCounts;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ReadingCount;
import io.weathersync.domain.model.WeatherReading;

import java.util.List;

/**
 * Counts each stored batch in Prometheus counters ({@code weather_readings_ingested_total} and
 * {@code weather_changes_published_total} by source and city), then in the shared counters, which answer
 * {@link #counts()}: this process' meters come first, so a shared store that is away costs no meter.
 */
final class MicrometerReadingCounts implements ReadingCounts {

    private final MeterRegistry registry;
    private final ReadingCounts shared;

    MicrometerReadingCounts(MeterRegistry registry, ReadingCounts shared) {
        this.registry = registry;
        this.shared = shared;
    }

    @Override
    public void count(List<WeatherReading> ingested, List<Change> changes) {
        ingested.forEach(r -> counter("weather.readings.ingested", "readings stored or found unchanged", r));
        changes.forEach(c -> counter("weather.changes.published", "changes stored and published", c.reading()));
        shared.count(ingested, changes);
    }

    private void counter(String name, String description, WeatherReading reading) {
        io.micrometer.core.instrument.Counter.builder(name).description(description)
                .tag("source", reading.source()).tag("city", reading.city().name())
                .register(registry).increment();
    }

    @Override
    public List<ReadingCount> counts() {
        return shared.counts();
    }
}
