package io.weathersync.application.service;

import io.weathersync.application.port.in.PollStatus;
import io.weathersync.application.port.in.ReportPollUseCase;
import io.weathersync.application.port.out.WeatherSource;
import io.weathersync.domain.model.FreeTier;

import java.time.Duration;
import java.util.Objects;

/** Reports the master's poll schedule (source, cities, interval, cost per day) and the collector's last cycle. */
public final class PollStatusService implements ReportPollUseCase {

    private static final Duration DAY = Duration.ofDays(1);

    private final WeatherSource source;
    private final int cities;
    private final Duration interval;
    private final CollectWeatherService collector;

    /** The schedule: {@code cities} from {@code source} every {@code interval}, collected by {@code collector}. */
    public PollStatusService(WeatherSource source, int cities, Duration interval, CollectWeatherService collector) {
        this.source = Objects.requireNonNull(source, "source");
        this.cities = cities;
        this.interval = Objects.requireNonNull(interval, "interval");
        this.collector = Objects.requireNonNull(collector, "collector");
    }

    @Override
    public PollStatus pollStatus() {
        int perCycle = source.requestsPerCycle(cities);
        boolean within = source.freeTiers().stream()
                .allMatch(tier -> tier.requestsPerPeriod(perCycle, interval) <= tier.requests());
        return new PollStatus(source.name(), cities, interval, FreeTier.requestsIn(DAY, perCycle, interval),
                source.freeTiers(), within, collector.lastCycle());
    }
}
