package io.weathersync.domain.sync;

import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.SyncPush;
import io.weathersync.domain.model.SyncState;

/** The replica's rule for a page the master pushed (seed 001's requested sync), as a pure function of its state. */
public final class PushPolicy {

    private PushPolicy() {
    }

    /**
     * Decides what to do with {@code push} for a replica in {@code state}.
     *
     * <ul>
     *   <li>another stream (or none followed yet) → catch up from the master's log instead;</li>
     *   <li>a repair page → repair, whatever the applied seq;</li>
     *   <li>a catch-up page that starts after the applied seq → ignore (a gap the log fills);</li>
     *   <li>a catch-up page complete through no more than the applied seq → ignore (nothing new);</li>
     *   <li>otherwise → apply.</li>
     * </ul>
     */
    public static PushDecision decide(SyncState state, SyncPush push) {
        ChangePage page = push.page();
        if (!page.stream().equals(state.stream())) {
            return new PushDecision.CatchUp(page.stream());
        }
        if (push.kind() == SyncPush.Kind.REPAIR) {
            return new PushDecision.Repair();
        }
        long applied = state.appliedSeq();
        if (push.after() > applied) {
            return new PushDecision.Ignore("the page starts after seq " + push.after() + ", beyond the applied seq "
                    + applied);
        }
        if (page.completeThrough() <= applied) {
            return new PushDecision.Ignore("the page is complete through seq " + page.completeThrough()
                    + ", already applied");
        }
        return new PushDecision.Apply();
    }
}
