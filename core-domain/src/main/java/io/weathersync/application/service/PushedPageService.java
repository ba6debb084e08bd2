package io.weathersync.application.service;

import io.weathersync.application.port.in.ReceivePushUseCase;
import io.weathersync.application.port.out.Replica;
import io.weathersync.domain.message.ChangeVerifier;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.SignedPush;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.SyncState;
import io.weathersync.domain.sync.PushDecision;
import io.weathersync.domain.sync.PushPolicy;

/**
 * A slave takes a page the master pushed for a requested sync (seed 001): verified as a whole with the master's
 * key, then applied, used for repair, ignored or answered with a catch-up as the {@link PushPolicy} decides.
 * Not thread-safe: one caller at a time ({@link SerialReplication}).
 */
public final class PushedPageService implements ReceivePushUseCase {

    private final Replica replica;
    private final MasterTrust trust;
    private final ReplicationProgress progress;
    private final CatchUpService catchUp;

    PushedPageService(Replica replica, MasterTrust trust, ReplicationProgress progress, CatchUpService catchUp) {
        this.replica = replica;
        this.trust = trust;
        this.progress = progress;
        this.catchUp = catchUp;
    }

    @Override
    public int receive(SignedPush push) {
        verify(push);
        ChangePage page = push.push().page();
        SyncState state = replica.state();
        return switch (PushPolicy.decide(state, push.push())) {
            case PushDecision.CatchUp other -> {
                catchUp.tryCatchUp();
                yield 0;
            }
            case PushDecision.Repair repair -> replica.repair(page.stream(), page.changes());
            case PushDecision.Ignore ignore -> 0;
            case PushDecision.Apply apply -> {
                replica.apply(page.stream(), page.changes(), page.completeThrough());
                progress.synced(page.changes().size());
                progress.appliedThrough(state.appliedSeq(), page.completeThrough());
                yield page.changes().size();
            }
        };
    }

    /** Checks the page's signature with the master's key; while the key is unknown, catches up by pulling. */
    private void verify(SignedPush push) {
        ChangeVerifier verifier = trust.pushVerifier().orElse(null);
        if (verifier == null) {
            catchUp.tryCatchUp();
            throw new RejectedMessage(RejectedMessage.Kind.BAD_SIGNATURE,
                    "sig: the master's key is not known yet; caught up by pulling instead");
        }
        try {
            verifier.verify(push);
        } catch (RejectedMessage e) {
            progress.rejected(e);
            throw e;
        }
    }
}
