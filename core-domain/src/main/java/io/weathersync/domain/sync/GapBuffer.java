package io.weathersync.domain.sync;

import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.StreamId;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Changes that arrived ahead of a gap, held until the gap is filled; bounded, so a long outage
 * costs memory for at most {@code capacity} changes (catch-up fetches the rest anyway).
 * When full, it keeps the lowest seqs: those are the ones that can be applied soonest.
 * Not thread-safe: the replica serialises its sync work.
 */
public final class GapBuffer {

    private final int capacity;
    private final TreeMap<Long, Change> bySeq = new TreeMap<>();
    private StreamId stream;

    /** A buffer holding at most {@code capacity} changes. */
    public GapBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity: must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Holds a change. A change of another stream than the held ones replaces them.
     *
     * @return whether the change is now held (false when full of lower seqs)
     */
    public boolean offer(Change change) {
        if (!change.stream().equals(stream)) {
            bySeq.clear();
            stream = change.stream();
        }
        if (bySeq.size() >= capacity && !bySeq.containsKey(change.seq())) {
            if (change.seq() > bySeq.lastKey()) {
                return false;
            }
            bySeq.pollLastEntry();
        }
        bySeq.put(change.seq(), change);
        return true;
    }

    /**
     * Takes out the changes that now follow {@code appliedSeq} of {@code followed} without a hole, in order,
     * and drops those already covered.
     */
    public List<Change> drain(StreamId followed, long appliedSeq) {
        if (!followed.equals(stream)) {
            return List.of();
        }
        bySeq.headMap(appliedSeq, true).clear();
        List<Change> next = new ArrayList<>();
        long expected = appliedSeq + 1;
        while (!bySeq.isEmpty() && bySeq.firstKey() == expected) {
            next.add(bySeq.pollFirstEntry().getValue());
            expected++;
        }
        return next;
    }

    /** How many changes are held. */
    public int size() {
        return bySeq.size();
    }

    /** Drops everything. */
    public void clear() {
        bySeq.clear();
        stream = null;
    }
}
