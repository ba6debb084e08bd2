package io.weathersync.app.master;

import io.weathersync.application.port.in.CollectWeatherUseCase;
import io.weathersync.application.port.in.CollectionReport;
import io.weathersync.application.port.out.FreeTier;
import io.weathersync.application.port.out.WeatherSource;
import io.weathersync.runtime.Durations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** One run of the master's poll schedule: a collect cycle, and a log line of what it did. */
final class PollCycle implements Supplier<Duration> {

    private static final Logger LOG = LoggerFactory.getLogger(PollCycle.class);
    private static final int FAILURES_SHOWN = 3;

    private final CollectWeatherUseCase collect;
    private final Duration interval;

    PollCycle(CollectWeatherUseCase collect, Duration interval) {
        this.collect = collect;
        this.interval = interval;
    }

    @Override
    public Duration get() {
        CollectionReport report = collect.collect();
        LOG.info("poll: {} readings, {} changes{}, {} cities failed, {} ms", report.fetched(),
                report.result().changes(),
                report.result().changes() == 0 ? ""
                        : " (seq " + report.result().firstSeq() + "-" + report.result().lastSeq() + ")",
                report.failures().size(), report.took().toMillis());
        if (!report.failures().isEmpty()) {
            LOG.warn("poll: no reading for {}{}", report.failures().entrySet().stream().limit(FAILURES_SHOWN)
                            .map(e -> e.getKey().name() + " (" + e.getValue() + ")").collect(Collectors.joining(", ")),
                    report.failures().size() > FAILURES_SHOWN
                            ? " and " + (report.failures().size() - FAILURES_SHOWN) + " more" : "");
        }
        return interval;
    }

    /** Says at start what will be polled, how often, and what it costs against the source's free tier. */
    static void announce(WeatherSource source, int cities, Duration interval) {
        if (source.name().equals(SourceKind.SIMULATED.id())) {
            LOG.warn("poll: SIMULATED data (source '{}'): {} cities every {}; these readings are NOT real weather",
                    source.name(), cities, Durations.format(interval));
            return;
        }
        double perDay = source.requestsPerCycle(cities) * (double) Duration.ofDays(1).toMillis() / interval.toMillis();
        Optional<FreeTier> tier = source.freeTier();
        String budget = tier.map(t -> String.format(" (free tier: %,.0f/day)", t.perDay())).orElse("");
        if (tier.isPresent() && perDay > tier.get().perDay()) {
            LOG.warn("poll: source {}, {} cities every {}: about {} requests/day, MORE than the free tier{}; "
                    + "raise WEATHER_POLL_INTERVAL or list fewer cities", source.name(), cities,
                    Durations.format(interval), String.format("%,.0f", perDay), budget);
        } else {
            LOG.info("poll: source {}, {} cities every {}: about {} requests/day{}", source.name(), cities,
                    Durations.format(interval), String.format("%,.0f", perDay), budget);
        }
    }
}
