package io.weathersync.app.master;

import io.weathersync.application.port.in.CollectWeatherUseCase;
import io.weathersync.application.port.in.CollectionReport;
import io.weathersync.application.port.out.WeatherSource;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.FreeTier;
import io.weathersync.runtime.ConfigException;
import io.weathersync.runtime.Durations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** One run of the master's poll schedule: a collect cycle, and a log line of what it did (one more per failure). */
final class PollCycle implements Supplier<Duration> {

    /** The seeds' poll interval, taken whenever the source's free tier allows it. */
    static final Duration PREFERRED = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(PollCycle.class);
    private static final int CITIES_SHOWN = 3;

    private final CollectWeatherUseCase collect;
    private final Duration interval;

    PollCycle(CollectWeatherUseCase collect, Duration interval) {
        this.collect = collect;
        this.interval = interval;
    }

    @Override
    public Duration get() {
        CollectionReport report = collect.collect();
        // A cycle that changed nothing and failed nowhere is routine: DEBUG, so the log shows what happened.
        boolean routine = report.result().changes() == 0 && report.failures().isEmpty();
        LOG.atLevel(routine ? Level.DEBUG : Level.INFO).log("poll: {} readings, {} changes{}, {} cities failed, {} ms",
                report.fetched(),
                report.result().changes(),
                report.result().changes() == 0 ? ""
                        : " (seq " + report.result().firstSeq() + "-" + report.result().lastSeq() + ")",
                report.failures().size(), report.took().toMillis());
        for (CollectionReport.Cause cause : report.causes()) {
            LOG.warn("poll: no reading for {} {}: {} ({}{})", cause.cities().size(),
                    cause.cities().size() == 1 ? "city" : "cities", cause.cause(),
                    cause.cities().stream().limit(CITIES_SHOWN).map(City::name).collect(Collectors.joining(", ")),
                    cause.cities().size() > CITIES_SHOWN ? " and " + (cause.cities().size() - CITIES_SHOWN) + " more"
                            : "");
        }
        return interval;
    }

    /**
     * The configured interval, else the shortest from {@link #PREFERRED} up that keeps {@code cities} within the
     * source's free tier.
     *
     * @throws ConfigException naming WEATHER_CITIES when one poll of the cities alone exceeds the free tier
     */
    static Duration interval(Optional<Duration> configured, WeatherSource source, int cities) {
        if (configured.isPresent()) {
            return configured.get();
        }
        try {
            return FreeTier.shortestPollInterval(source.freeTiers(), source.requestsPerCycle(cities), PREFERRED);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("WEATHER_CITIES: " + cities + " cities: " + e.getMessage() + " of source "
                    + source.name() + "; list fewer cities, or set WEATHER_POLL_INTERVAL to poll anyway");
        }
    }

    /** Says at start what will be polled, how often, and what it costs against the source's free tier. */
    static void announce(WeatherSource source, int cities, Duration interval, boolean derived) {
        String every = Durations.format(interval) + (derived ? " (derived; WEATHER_POLL_INTERVAL overrides)" : "");
        if (source.name().equals(SourceKind.SIMULATED.id())) {
            LOG.warn("poll: SIMULATED data (source '{}'): {} cities every {}; these readings are NOT real weather",
                    source.name(), cities, every);
            return;
        }
        int perCycle = source.requestsPerCycle(cities);
        long perDay = FreeTier.requestsIn(Duration.ofDays(1), perCycle, interval);
        String tiers = source.freeTiers().stream().map(t -> String.format("%,d per %s", t.requests(),
                Durations.format(t.period()))).collect(Collectors.joining(", "));
        String budget = tiers.isEmpty() ? "" : " (free tier: " + tiers + ")";
        if (source.freeTiers().stream().anyMatch(t -> t.requestsPerPeriod(perCycle, interval) > t.requests())) {
            LOG.warn("poll: source {}, {} cities every {}: {} requests/day, MORE than the free tier{}; "
                    + "raise WEATHER_POLL_INTERVAL or list fewer cities", source.name(), cities, every,
                    String.format("%,d", perDay), budget);
        } else {
            LOG.info("poll: source {}, {} cities every {}: {} requests/day{}", source.name(), cities, every,
                    String.format("%,d", perDay), budget);
        }
    }
}
