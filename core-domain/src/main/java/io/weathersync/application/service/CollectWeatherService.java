package io.weathersync.application.service;

import io.weathersync.application.port.in.CollectWeatherUseCase;
import io.weathersync.application.port.in.CollectionReport;
import io.weathersync.application.port.in.PollStatus;
import io.weathersync.application.port.in.PublishResult;
import io.weathersync.application.port.out.ChangeLog;
import io.weathersync.application.port.out.ChangePublisher;
import io.weathersync.application.port.out.ReadingCounts;
import io.weathersync.application.port.out.FetchResult;
import io.weathersync.application.port.out.WeatherSource;
import io.weathersync.domain.message.ChangeSigner;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.CitySpec;
import io.weathersync.domain.model.WeatherReading;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One poll cycle: fetch every configured city, drop what is implausible, store and broadcast the changes. */
public final class CollectWeatherService implements CollectWeatherUseCase {

    private final WeatherSource source;
    private final List<CitySpec> cities;
    private final ChangeRecorder recorder;
    private final Clock clock;
    private volatile PollStatus.Cycle last;

    /** Wires the source, the cities, the store, the publisher, the optional signer and the clock. */
    public CollectWeatherService(WeatherSource source, List<CitySpec> cities, ChangeLog log, ChangePublisher publisher,
                                 Optional<ChangeSigner> signer, Clock clock) {
        this(source, cities, log, publisher, signer, Optional.empty(), clock);
    }

    /** As above, also counting every stored batch in {@code counts} (seed 003's per-source counters). */
    public CollectWeatherService(WeatherSource source, List<CitySpec> cities, ChangeLog log, ChangePublisher publisher,
                                 Optional<ChangeSigner> signer, Optional<ReadingCounts> counts, Clock clock) {
        this.source = source;
        this.cities = List.copyOf(cities);
        this.recorder = new ChangeRecorder(log, publisher, signer, counts);
        this.clock = clock;
    }

    @Override
    public CollectionReport collect() {
        Instant started = clock.instant();
        FetchResult fetched = source.fetch(cities);
        Map<City, String> failures = new HashMap<>(fetched.failures());
        List<WeatherReading> plausible = new ArrayList<>();
        for (WeatherReading reading : fetched.readings()) {
            try {
                plausible.add(reading.requireObservedBy(started));
            } catch (IllegalArgumentException e) {
                failures.put(reading.city(), e.getMessage());
            }
        }
        PublishResult result = PublishResult.of(plausible.size(), recorder.record(plausible));
        CollectionReport report = new CollectionReport(fetched.readings().size(), result, failures,
                Duration.between(started, clock.instant()));
        last = new PollStatus.Cycle(clock.instant(), report);
        return report;
    }

    /** The last completed cycle, with when it ended; empty before the first one ends. */
    public Optional<PollStatus.Cycle> lastCycle() {
        return Optional.ofNullable(last);
    }

    @Override
    public Optional<String> problem() {
        PollStatus.Cycle cycle = last;
        CollectionReport report = cycle == null ? null : cycle.report();
        if (report == null || report.result().accepted() > 0 || report.failures().isEmpty()) {
            return Optional.empty();
        }
        List<CollectionReport.Cause> causes = report.causes();
        CollectionReport.Cause first = causes.getFirst();
        return Optional.of("weather source " + source.name() + " gave no reading in the last poll: " + first.cause()
                + " (" + first.cities().size() + " of " + report.failures().size() + " cities"
                + (causes.size() > 1 ? "; " + (causes.size() - 1) + " other causes in the log)" : ")"));
    }
}
