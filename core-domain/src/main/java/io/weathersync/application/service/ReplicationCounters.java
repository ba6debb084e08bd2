package io.weathersync.application.service;

import io.weathersync.domain.message.RejectedMessage;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Thread-safe counters behind {@link ReplicationStats}. */
final class ReplicationCounters {

    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong gaps = new AtomicLong();
    private final AtomicLong resyncs = new AtomicLong();
    private final AtomicLong unverified = new AtomicLong();
    private final Map<RejectedMessage.Kind, AtomicLong> rejected = new EnumMap<>(RejectedMessage.Kind.class);

    ReplicationCounters() {
        for (RejectedMessage.Kind kind : RejectedMessage.Kind.values()) {
            rejected.put(kind, new AtomicLong());
        }
    }

    void applied(long count) {
        applied.addAndGet(count);
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

    /** Counts one rejection and returns how many of its kind there have been. */
    long rejected(RejectedMessage.Kind kind) {
        return rejected.get(kind).incrementAndGet();
    }

    ReplicationStats snapshot(int buffered) {
        Map<RejectedMessage.Kind, Long> copy = new EnumMap<>(RejectedMessage.Kind.class);
        rejected.forEach((kind, count) -> copy.put(kind, count.get()));
        return new ReplicationStats(applied.get(), duplicates.get(), gaps.get(), resyncs.get(), unverified.get(),
                buffered, copy);
    }
}
