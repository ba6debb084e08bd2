package io.weathersync.application.service;

import io.weathersync.application.port.in.ReplicationStats;
import io.weathersync.application.port.in.ReportReplicationUseCase;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.sync.GapBuffer;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a slave's replication has done since start: thread-safe counters, the last completed sync, and the one
 * warning per kind of dropped message (further ones are only counted, so a flood cannot flood the log).
 */
public final class ReplicationProgress implements ReportReplicationUseCase {

    private static final System.Logger LOG = System.getLogger(ReplicationProgress.class.getName());

    private final Clock clock;
    private final GapBuffer buffer;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong gaps = new AtomicLong();
    private final AtomicLong resyncs = new AtomicLong();
    private final AtomicLong unverified = new AtomicLong();
    private final Map<RejectedMessage.Kind, AtomicLong> rejected = new EnumMap<>(RejectedMessage.Kind.class);
    private volatile Instant lastSync;
    private volatile String divergence;

    ReplicationProgress(Clock clock, GapBuffer buffer) {
        this.clock = clock;
        this.buffer = buffer;
        for (RejectedMessage.Kind kind : RejectedMessage.Kind.values()) {
            rejected.put(kind, new AtomicLong());
        }
    }

    /** Changes were applied and the replica is as complete as the work just done made it: a sync. */
    void synced(long count) {
        applied.addAndGet(count);
        lastSync = clock.instant();
    }

    /** The replica follows no more, for the reason given; until {@link #following()}. */
    void diverged(String why) {
        divergence = why;
    }

    /** The replica follows the master's stream (again). */
    void following() {
        divergence = null;
    }

    @Override
    public Optional<String> divergence() {
        return Optional.ofNullable(divergence);
    }

    void duplicate() {
        duplicates.incrementAndGet();
    }

    void gap() {
        gaps.incrementAndGet();
    }

    void resync() {
        resyncs.incrementAndGet();
    }

    void unverified() {
        unverified.incrementAndGet();
    }

    /** Counts a message that was dropped (unreadable or not verified); warns once per kind. */
    public void rejected(RejectedMessage rejection) {
        if (rejected.get(rejection.kind()).incrementAndGet() == 1) {
            LOG.log(System.Logger.Level.WARNING, "dropped a live message ({0}): {1}; further ones of this kind are "
                    + "only counted", rejection.kind(), rejection.getMessage());
        }
    }

    @Override
    public Optional<Instant> lastSync() {
        return Optional.ofNullable(lastSync);
    }

    @Override
    public ReplicationStats stats() {
        Map<RejectedMessage.Kind, Long> copy = new EnumMap<>(RejectedMessage.Kind.class);
        rejected.forEach((kind, count) -> copy.put(kind, count.get()));
        return new ReplicationStats(applied.get(), duplicates.get(), gaps.get(), resyncs.get(), unverified.get(),
                buffer.size(), copy);
    }
}
