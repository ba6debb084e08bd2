package io.weathersync.domain.sync;

import io.weathersync.domain.model.StreamId;

/** How a replica follows the master's log, given the master's answer to a catch-up; decided by {@link FollowPolicy}. */
public sealed interface FollowDecision {

    /** Same stream, the master at or beyond the replica: pull the pages after the applied seq. */
    record Pull() implements FollowDecision {
    }

    /** Another stream (or none followed yet): resync fully from that stream, serving the old data until done. */
    record Resync(StreamId stream) implements FollowDecision {
    }

    /**
     * Same stream, but the master's head is behind the replica's applied seq: the master lost committed changes
     * and will hand their seqs out again for other readings; following it would mix two histories.
     */
    record MasterWentBack(long head, long appliedSeq) implements FollowDecision {
    }

    /**
     * Another stream, holding fewer readings than the replica (its head, which bounds its readings, is below
     * them), and the operator has not consented: the master came back empty or from an older copy. The replica
     * keeps serving its data and follows no more until the master is restored from the slaves or the operator
     * says to follow.
     *
     * @param stream the master's new stream
     * @param head   its head
     * @param held   the readings this replica holds
     */
    record Diverged(StreamId stream, long head, long held) implements FollowDecision {
    }
}
