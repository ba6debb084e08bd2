package io.weathersync.application.port.in;

import io.weathersync.domain.model.FreeTier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The master's poll schedule and its last cycle.
 *
 * @param source          the weather source's name
 * @param cities          how many cities each cycle polls
 * @param interval        time between cycles
 * @param requestsPerDay  requests the schedule sends the source in a day, counted as its free tier counts them
 * @param freeTiers       the source's free allowances (none for a source without limits)
 * @param withinFreeTiers whether the schedule stays within every allowance
 * @param last            the last completed cycle; empty before the first one ends
 */
public record PollStatus(String source, int cities, Duration interval, long requestsPerDay, List<FreeTier> freeTiers,
                         boolean withinFreeTiers, Optional<Cycle> last) {

    /** Requires every part; copies the tiers. */
    public PollStatus {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(interval, "interval");
        freeTiers = List.copyOf(freeTiers);
        Objects.requireNonNull(last, "last");
    }

    /**
     * One completed poll cycle.
     *
     * @param endedAt when it ended
     * @param report  what it did
     */
    public record Cycle(Instant endedAt, CollectionReport report) {

        /** Requires both parts. */
        public Cycle {
            Objects.requireNonNull(endedAt, "endedAt");
            Objects.requireNonNull(report, "report");
        }
    }
}
