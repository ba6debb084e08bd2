package io.weathersync.application.service;

import io.weathersync.application.port.out.NodeRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Keeps the sync log bounded, by age and by count: every sync request, catch-up and report adds an entry, so a
 * client repeating requests must not grow the table without limit. Run periodically by the master.
 */
public final class SyncLogRetention {

    private static final System.Logger LOG = System.getLogger(SyncLogRetention.class.getName());

    private final NodeRegistry registry;
    private final Duration maxAge;
    private final int maxRows;
    private final Clock clock;

    /** Keeps entries younger than {@code maxAge}, at most {@code maxRows} of them. */
    public SyncLogRetention(NodeRegistry registry, Duration maxAge, int maxRows, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("SYNC_LOG_MAX_AGE: must be positive, was " + maxAge);
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("SYNC_LOG_MAX_ROWS: must be at least 1, was " + maxRows);
        }
        this.maxAge = maxAge;
        this.maxRows = maxRows;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Removes what is too old or beyond the newest {@code maxRows}; returns how many entries went. */
    public int prune() {
        int removed = registry.pruneSyncLogs(clock.instant().minus(maxAge), maxRows);
        if (removed > 0) {
            LOG.log(System.Logger.Level.INFO, "sync log: pruned {0} entries (older than {1} or beyond the newest {2})",
                    removed, maxAge, maxRows);
        }
        return removed;
    }
}
