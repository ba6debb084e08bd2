package io.weathersync.domain.sync;

import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.SyncState;

/** The replica's rule for a change received live, as a pure function of its state. */
public final class SyncPolicy {

    private SyncPolicy() {
    }

    /**
     * Decides what to do with {@code change} for a replica in {@code state}.
     *
     * <ul>
     *   <li>another stream (or none followed yet) → full resync;</li>
     *   <li>seq ≤ applied → duplicate;</li>
     *   <li>seq = applied + 1 → apply;</li>
     *   <li>seq > applied + 1 → gap: buffer and catch up.</li>
     * </ul>
     */
    public static SyncDecision decide(SyncState state, Change change) {
        if (!change.stream().equals(state.stream())) {
            return new SyncDecision.FullResync(change.stream());
        }
        long applied = state.appliedSeq();
        if (change.seq() <= applied) {
            return new SyncDecision.IgnoreDuplicate(change);
        }
        if (change.seq() == applied + 1) {
            return new SyncDecision.Apply(change);
        }
        return new SyncDecision.BufferGap(change, applied);
    }
}
