package io.weathersync.domain.model;

import java.util.Optional;

/**
 * What a replica holds: the stream it follows and the seq its data is complete through.
 *
 * @param stream     the followed stream, or {@code null} for a replica that has never synced
 * @param appliedSeq every change of {@code stream} up to here is applied; 0 when empty
 */
public record SyncState(StreamId stream, long appliedSeq) {

    /** The state of a replica that has never synced. */
    public static final SyncState EMPTY = new SyncState(null, 0);

    /** Rejects negative seqs and a seq without a stream. */
    public SyncState {
        if (appliedSeq < 0) {
            throw new IllegalArgumentException("applied_seq: must not be negative, was " + appliedSeq);
        }
        if (stream == null && appliedSeq != 0) {
            throw new IllegalArgumentException("applied_seq: must be 0 while no stream is followed");
        }
    }

    /** The followed stream, if any. */
    public Optional<StreamId> followed() {
        return Optional.ofNullable(stream);
    }
}
