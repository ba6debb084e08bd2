package io.weathersync.domain.sync;

import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.SyncState;

/** The replica's rule for following the master's log during a catch-up, as a pure function of both states. */
public final class FollowPolicy {

    private FollowPolicy() {
    }

    /**
     * Decides how a replica in {@code state}, holding {@code heldReadings} readings, follows a master whose answer
     * was {@code page}, with its operator's {@code consent} to follow a stream that would drop its history.
     *
     * <ul>
     *   <li>none followed yet → full resync (a new or wiped replica rebuilds itself);</li>
     *   <li>another stream whose head is below the readings the replica holds (so it holds fewer readings),
     *       without the operator's {@code consent} to that stream → diverged: keep the data, follow no more;</li>
     *   <li>another stream otherwise → full resync;</li>
     *   <li>same stream, head ≥ applied seq → pull;</li>
     *   <li>same stream, head &lt; applied seq → the master went back: follow no more.</li>
     * </ul>
     */
    public static FollowDecision decide(SyncState state, ChangePage page, long heldReadings, FollowConsent consent) {
        if (heldReadings < 0) {
            throw new IllegalArgumentException("held_readings: must not be negative, was " + heldReadings);
        }
        if (state.stream() != null && !page.stream().equals(state.stream()) && page.head() < heldReadings
                && !consent.allows(page.stream())) {
            return new FollowDecision.Diverged(page.stream(), page.head(), heldReadings);
        }
        if (!page.stream().equals(state.stream())) {
            return new FollowDecision.Resync(page.stream());
        }
        if (page.head() < state.appliedSeq()) {
            return new FollowDecision.MasterWentBack(page.head(), state.appliedSeq());
        }
        return new FollowDecision.Pull();
    }
}
