package io.weathersync.adapter.http.weather;

import io.weathersync.application.port.out.FreeTier;
import io.weathersync.application.port.out.WeatherSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the configured cities and poll interval cost a source, held against its free tier; logged once at
 * start (a warning when over). The peak is what falls in one tier period: OpenWeatherMap's 60 per minute is
 * exceeded by 61 cities polled once a minute even though the daily average would fit.
 *
 * @param source          the source's name
 * @param cities          how many cities are polled
 * @param interval        the poll interval
 * @param requestsPerDay  requests per day, as the source counts them
 * @param requestsInPeriod requests in one period of the free tier (0 without a tier)
 * @param freeTier        the source's free tier, if it has one
 */
public record RequestBudget(String source, int cities, Duration interval, long requestsPerDay,
                            long requestsInPeriod, Optional<FreeTier> freeTier) {

    private static final Logger LOG = LoggerFactory.getLogger(RequestBudget.class);
    private static final Duration DAY = Duration.ofDays(1);

    /** Checks the numbers. */
    public RequestBudget {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(freeTier, "freeTier");
        requirePositive(interval);
    }

    /** The budget of polling {@code cityCount} cities from {@code source} every {@code interval}. */
    public static RequestBudget of(WeatherSource source, int cityCount, Duration interval) {
        requirePositive(interval);
        int perCycle = source.requestsPerCycle(cityCount);
        Optional<FreeTier> tier = source.freeTier();
        long inPeriod = tier.map(t -> perCycle * cyclesIn(t.period(), interval)).orElse(0L);
        return new RequestBudget(source.name(), cityCount, interval, requestsPerDay(perCycle, interval), inPeriod, tier);
    }

    /** Requests per day when each cycle costs {@code requestsPerCycle} and a cycle starts every {@code interval}. */
    public static long requestsPerDay(int requestsPerCycle, Duration interval) {
        requirePositive(interval);
        return requestsPerCycle * cyclesIn(DAY, interval);
    }

    /** Whether the peak exceeds the free tier. */
    public boolean exceedsFreeTier() {
        return freeTier.isPresent() && requestsInPeriod > freeTier.get().requests();
    }

    /** One line for the log, with a remedy when over the tier. */
    public String describe() {
        String base = source + ": " + cities + " cities every " + interval.toSeconds() + " s need " + requestsPerDay
                + " requests/day";
        if (freeTier.isEmpty()) {
            return base + " (no free-tier limit)";
        }
        FreeTier tier = freeTier.get();
        String limit = tier.requests() + " per " + per(tier.period());
        if (!exceedsFreeTier()) {
            return base + ", " + requestsInPeriod + " per " + per(tier.period()) + ": within the free tier of " + limit;
        }
        long perCycle = requestsPerDay / cyclesIn(DAY, interval);
        String remedy = perCycle > tier.requests()
                ? "one cycle alone needs " + perCycle + ": use fewer cities"
                : "poll at most every " + (long) Math.ceil(tier.period().toSeconds() * (double) perCycle
                        / tier.requests()) + " s or use fewer cities";
        return base + ", " + requestsInPeriod + " per " + per(tier.period()) + ": EXCEEDS the free tier of " + limit
                + "; " + remedy + " (the API will answer 429 and readings will be missed)";
    }

    /** Logs {@link #describe()}: info within the tier, warning beyond it. */
    public RequestBudget log() {
        if (exceedsFreeTier()) {
            LOG.warn(describe());
        } else {
            LOG.info(describe());
        }
        return this;
    }

    // Cycles starting within one period; a cycle longer than the period still puts its requests in one period.
    private static long cyclesIn(Duration period, Duration interval) {
        return Math.max(1, (period.toMillis() + interval.toMillis() - 1) / interval.toMillis());
    }

    private static String per(Duration period) {
        return period.equals(DAY) ? "day" : period.equals(Duration.ofMinutes(1)) ? "minute" : period.toString();
    }

    private static void requirePositive(Duration interval) {
        Objects.requireNonNull(interval, "interval: must not be null");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval: must be positive, was " + interval);
        }
    }
}
