package io.weathersync.adapter.http.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.weathersync.application.port.in.CollectWeatherUseCase;
import io.weathersync.application.port.in.CollectionReport;

import java.util.Optional;

/** Meters each poll cycle of the master: cycles, cities that failed, requests spent against the free tier. */
final class MeteredCollectWeather implements CollectWeatherUseCase {

    private final CollectWeatherUseCase collect;
    private final int requestsPerCycle;
    private final Counter cycles;
    private final Counter failures;
    private final Counter requests;
    private final Timer took;

    MeteredCollectWeather(CollectWeatherUseCase collect, MeterRegistry registry, String source, int requestsPerCycle) {
        this.collect = collect;
        this.requestsPerCycle = requestsPerCycle;
        this.cycles = Counter.builder("weather.poll.cycles").tag("source", source)
                .description("poll cycles run").register(registry);
        this.failures = Counter.builder("weather.poll.failures").tag("source", source)
                .description("cities a poll cycle got no valid reading for").register(registry);
        this.requests = Counter.builder("weather.source.requests").tag("source", source)
                .description("requests sent to the weather source (count them against its free tier)")
                .register(registry);
        this.took = Timer.builder("weather.poll.duration").tag("source", source)
                .description("how long a poll cycle took").register(registry);
    }

    @Override
    public CollectionReport collect() {
        CollectionReport report = collect.collect();
        cycles.increment();
        failures.increment(report.failures().size());
        requests.increment(requestsPerCycle);
        took.record(report.took());
        return report;
    }

    @Override
    public Optional<String> problem() {
        return collect.problem();
    }
}
