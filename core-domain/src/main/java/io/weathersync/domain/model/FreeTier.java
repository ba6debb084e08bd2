package io.weathersync.domain.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A source's free allowance: {@code requests} per {@code period}, and how often the master may poll within it.
 *
 * @param requests how many requests
 * @param period   per how long
 */
public record FreeTier(long requests, Duration period) {

    /** Requires a positive allowance. */
    public FreeTier {
        Objects.requireNonNull(period, "period");
        if (requests < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("free tier: needs a positive number of requests per positive period");
        }
    }

    /**
     * How many requests polling costs in one period of this allowance: the cycles that start within it (a cycle
     * longer than the period still puts its requests in one period), times what each costs.
     */
    public long requestsPerPeriod(int requestsPerCycle, Duration interval) {
        return requestsIn(period, requestsPerCycle, interval);
    }

    /** What polling costs in {@code span}, counted as for a tier's period (e.g. a day, for the start-up log). */
    public static long requestsIn(Duration span, int requestsPerCycle, Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval: must be positive, was " + interval);
        }
        long cycles = Math.max(1, (span.toMillis() + interval.toMillis() - 1) / interval.toMillis());
        return cycles * requestsPerCycle;
    }

    /**
     * The shortest poll interval, in whole seconds and never below {@code preferred}, at which cycles of
     * {@code requestsPerCycle} requests never need more than this allowance in one of its periods.
     *
     * @throws IllegalArgumentException when one cycle alone needs more than the allowance
     */
    public Duration shortestPollInterval(int requestsPerCycle, Duration preferred) {
        if (requestsPerCycle > requests) {
            throw new IllegalArgumentException("one poll needs " + requestsPerCycle + " requests, more than the free "
                    + "tier's " + requests + " per " + period.toSeconds() + " s");
        }
        if (requestsPerCycle <= 0 || requestsPerPeriod(requestsPerCycle, preferred) <= requests) {
            return preferred;
        }
        long cyclesAllowed = requests / requestsPerCycle;
        long seconds = (period.toMillis() + cyclesAllowed * 1000 - 1) / (cyclesAllowed * 1000);
        Duration interval = Duration.ofSeconds(seconds);
        // Whole seconds can land a cycle more inside the period than the division promised: step up until it fits.
        while (requestsPerPeriod(requestsPerCycle, interval) > requests) {
            interval = interval.plusSeconds(1);
        }
        return interval;
    }

    /**
     * The shortest poll interval within every one of {@code tiers} (a plan may limit per minute and per month):
     * the longest each tier needs, {@code preferred} when there is none.
     *
     * @throws IllegalArgumentException when one cycle alone needs more than a tier allows
     */
    public static Duration shortestPollInterval(List<FreeTier> tiers, int requestsPerCycle, Duration preferred) {
        Duration interval = preferred;
        for (FreeTier tier : tiers) {
            Duration needed = tier.shortestPollInterval(requestsPerCycle, preferred);
            interval = needed.compareTo(interval) > 0 ? needed : interval;
        }
        return interval;
    }
}
