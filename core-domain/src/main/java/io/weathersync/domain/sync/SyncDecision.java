package io.weathersync.domain.sync;

import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.StreamId;

/** What a replica does with a change it received live; decided by {@link SyncPolicy}. */
public sealed interface SyncDecision {

    /** The next change of the followed stream: apply it now. */
    record Apply(Change change) implements SyncDecision {
    }

    /** Already applied (or older): ignore it. */
    record IgnoreDuplicate(Change change) implements SyncDecision {
    }

    /** Later than the next one: keep it and catch up from {@code appliedSeq}. */
    record BufferGap(Change change, long appliedSeq) implements SyncDecision {
    }

    /** Of a stream the replica does not follow: resync fully from that stream. */
    record FullResync(StreamId stream) implements SyncDecision {
    }
}
