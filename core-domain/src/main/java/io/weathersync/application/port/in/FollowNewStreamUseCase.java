package io.weathersync.application.port.in;

import io.weathersync.domain.model.StreamId;

/**
 * A slave operator's consent to follow the master's new stream after the replica diverged from it, dropping the
 * readings the new stream lacks (they stay served until the full resync is done).
 */
public interface FollowNewStreamUseCase {

    /**
     * Allows the replica to follow the stream it diverged from, and starts catching up with it.
     *
     * @return the stream now followed
     * @throws IllegalStateException when the replica has not diverged (nothing to approve)
     */
    StreamId followNewStream();
}
