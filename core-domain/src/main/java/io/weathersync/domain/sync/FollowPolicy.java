package io.weathersync.domain.sync;

import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.SyncState;

/** The replica's rule for following the master's log during a catch-up, as a pure function of both states. */
public final class FollowPolicy {

    private FollowPolicy() {
    }

    /**
     * Decides how a replica in {@code state} follows a master whose answer was {@code page}.
     *
     * <ul>
     *   <li>another stream (or none followed yet) → full resync;</li>
     *   <li>same stream, head ≥ applied seq → pull;</li>
     *   <li>same stream, head &lt; applied seq → the master went back: follow no more.</li>
     * </ul>
     */
    public static FollowDecision decide(SyncState state, ChangePage page) {
        if (!page.stream().equals(state.stream())) {
            return new FollowDecision.Resync(page.stream());
        }
        if (page.head() < state.appliedSeq()) {
            return new FollowDecision.MasterWentBack(page.head(), state.appliedSeq());
        }
        return new FollowDecision.Pull();
    }
}
