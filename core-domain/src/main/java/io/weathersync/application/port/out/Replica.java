package io.weathersync.application.port.out;

import io.weathersync.domain.cluster.RegistryBackup;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.SyncState;

import java.util.List;
import java.util.Optional;

/**
 * A slave's local store: a replica of the master's readings and its sync state, changed together.
 *
 * <p>A full resync builds a second generation beside the served one ({@link #beginResync}); reads keep
 * serving the old data until {@link #finishResync} switches to the new one in one step.
 */
public interface Replica extends WeatherReadings {

    /** The served generation: its stream and the seq it is complete through. */
    SyncState state();

    /** The generation being built by a resync, if one is in progress. */
    Optional<SyncState> pendingResync();

    /**
     * Applies changes of {@code stream} and records that its generation is now complete through
     * {@code through}, in one transaction.
     *
     * @param stream  the served stream, or the stream of the resync in progress
     * @param changes the changes to upsert (a page of the compacted log, or live changes)
     * @param through the seq the generation is complete through afterwards, ≥ its current seq
     * @throws IllegalStateException when {@code stream} is neither served nor being resynced
     */
    void apply(StreamId stream, List<Change> changes, long through);

    /**
     * Overwrites served readings that differ from the master's, without moving the applied seq: only changes of
     * the served stream with a seq no later than the applied seq, and only where the held reading is missing or
     * carries a seq no later than the change's (a newer held correction wins). One transaction.
     *
     * @return how many readings were written
     */
    int repair(StreamId stream, List<Change> changes);

    /** Starts building a new generation of {@code stream} (at seq 0), discarding an unfinished one. */
    void beginResync(StreamId stream);

    /** Makes the generation being built the served one and drops the old one, in one transaction. */
    void finishResync();

    /**
     * The served readings whose seq is after {@code after}, by seq, at most {@code limit}, as a page of the served
     * stream whose head is the applied seq: what a master restore reads. One snapshot.
     *
     * @throws IllegalStateException when the replica follows no stream yet
     */
    ChangePage export(long after, int limit);

    /** Replaces the kept copy of the master's node registry (one transaction). */
    void keepRegistry(RegistryBackup registry);

    /** The kept copy of the master's node registry; empty until one was kept. */
    RegistryBackup registry();
}
