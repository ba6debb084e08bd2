package io.weathersync.adapter.memory;

import io.weathersync.application.port.out.ReadingCounts;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ReadingCount;
import io.weathersync.domain.model.WeatherReading;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Seed 003's counters in this process only: a node's own count when no Redis is configured. */
public final class InMemoryReadingCounts implements ReadingCounts {

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public void count(List<WeatherReading> ingested, List<Change> changes) {
        for (WeatherReading reading : ingested) {
            counts.computeIfAbsent(new Key(reading.source(), reading.city().name()), k -> new LongAdder()).increment();
        }
    }

    @Override
    public List<ReadingCount> counts() {
        return counts.entrySet().stream()
                .map(e -> new ReadingCount(e.getKey().source(), e.getKey().city(), e.getValue().sum()))
                .sorted(Comparator.comparing(ReadingCount::source).thenComparing(ReadingCount::city))
                .toList();
    }

    private record Key(String source, String city) {
    }
}
