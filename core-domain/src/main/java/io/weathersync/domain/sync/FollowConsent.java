package io.weathersync.domain.sync;

import io.weathersync.domain.model.StreamId;

import java.util.Objects;

/**
 * What a slave's operator allows its replica to follow when the master's stream changes to one holding fewer
 * readings than the replica: any such stream (a setting), one stream named by an admin request, or none.
 *
 * @param anyStream whether every new stream is followed, even at the cost of the replica's history
 * @param approved  the one new stream the operator allowed, or {@code null}
 */
public record FollowConsent(boolean anyStream, StreamId approved) {

    /** The default: a new stream that holds fewer readings than the replica is not followed. */
    public static final FollowConsent NONE = new FollowConsent(false, null);
    /** Every new stream is followed, as a freshly installed cluster may want. */
    public static final FollowConsent ANY = new FollowConsent(true, null);

    /** Consent to follow exactly {@code stream}. */
    public static FollowConsent of(StreamId stream) {
        return new FollowConsent(false, Objects.requireNonNull(stream, "stream: must not be null"));
    }

    /** Whether the replica may drop its history to follow {@code stream}. */
    public boolean allows(StreamId stream) {
        return anyStream || stream.equals(approved);
    }
}
