package io.weathersync.application.service;

import io.weathersync.application.port.in.ReplicationStats;
import io.weathersync.application.port.in.ReportReplicationUseCase;
import io.weathersync.application.port.out.ReplicationMeter;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.sync.GapBuffer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a slave's replication has done since start: thread-safe counters, the last completed sync, and the one
 * warning per kind of dropped message (further ones are only counted, so a flood cannot flood the log). With a
 * {@link ReplicationMeter}, it also keeps each live change's receipt time until the change is in the replica (by
 * whichever path: live, from the gap buffer, or in a catch-up page) and reports the time between, and reports every
 * page a catch-up pulled.
 */
public final class ReplicationProgress implements ReportReplicationUseCase {

    private static final System.Logger LOG = System.getLogger(ReplicationProgress.class.getName());
    /** Live changes awaiting their apply whose receipt time is kept at most; beyond, receipts are not timed. */
    static final int MAX_TIMED = 100_000;

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
    private final ReplicationMeter meter;
    /** Receipt times of live changes not applied yet, by seq (transport threads add, the replication thread takes). */
    private final ConcurrentSkipListMap<Long, Instant> receipts = new ConcurrentSkipListMap<>();
    private final AtomicInteger timed = new AtomicInteger();

    ReplicationProgress(Clock clock, GapBuffer buffer, ReplicationMeter meter) {
        this.clock = clock;
        this.buffer = buffer;
        this.meter = meter;
        for (RejectedMessage.Kind kind : RejectedMessage.Kind.values()) {
            rejected.put(kind, new AtomicLong());
        }
    }

    /** Changes were applied and the replica is as complete as the work just done made it: a sync. */
    void synced(long count) {
        applied.addAndGet(count);
        lastSync = clock.instant();
    }

    /**
     * Live changes a transport just handed over (any thread): their receipt time is kept until they are applied.
     * The first receipt of a seq counts; nothing is kept without a meter.
     */
    public void received(List<SignedChange> changes) {
        if (meter == ReplicationMeter.NONE || changes.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (SignedChange change : changes) {
            if (timed.get() >= MAX_TIMED) {
                return;
            }
            if (receipts.putIfAbsent(change.change().seq(), now) == null) {
                timed.incrementAndGet();
            }
        }
    }

    /**
     * The replica's applied seq went from {@code from} to {@code through}: each live change received in between
     * is reported with the time since its receipt; receipts up to {@code through} are dropped (duplicates too).
     */
    void appliedThrough(long from, long through) {
        if (receipts.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (Long seq : receipts.headMap(through, true).keySet()) {
            Instant at = receipts.remove(seq);
            if (at != null) {
                timed.decrementAndGet();
                if (seq > from) {
                    meter.applied(Duration.between(at, now));
                }
            }
        }
    }

    /** A catch-up pulled and applied a page of {@code rows} changes. */
    void pulled(int rows) {
        meter.pulled(rows);
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
        // Another stream's seqs: the receipts kept belong to the old one.
        appliedThrough(Long.MAX_VALUE, Long.MAX_VALUE);
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
