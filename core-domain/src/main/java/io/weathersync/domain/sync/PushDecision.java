package io.weathersync.domain.sync;

import io.weathersync.domain.model.StreamId;

/** What a replica does with a page the master pushed; decided by {@link PushPolicy}. */
public sealed interface PushDecision {

    /** The page continues the replica: apply it and advance the applied seq to its complete-through. */
    record Apply() implements PushDecision {
    }

    /** A repair page of the followed stream: overwrite the readings that differ, the applied seq stays. */
    record Repair() implements PushDecision {
    }

    /**
     * The page does not continue the replica (it starts beyond the applied seq, or holds nothing newer):
     * write nothing; the log, pulled at the next check, fills any gap.
     */
    record Ignore(String why) implements PushDecision {
    }

    /** Of a stream the replica does not follow: write nothing and let a catch-up decide from the master's log. */
    record CatchUp(StreamId stream) implements PushDecision {
    }
}
