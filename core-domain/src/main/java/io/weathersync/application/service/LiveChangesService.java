package io.weathersync.application.service;

import io.weathersync.application.port.in.ReceiveChangesUseCase;
import io.weathersync.application.port.out.Replica;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.SignatureCheck;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.SyncState;
import io.weathersync.domain.sync.GapBuffer;
import io.weathersync.domain.sync.SyncDecision;
import io.weathersync.domain.sync.SyncPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A slave applies changes that arrived live (Redis or HTTP push) through the {@link SyncPolicy}: the next ones in
 * one transaction, duplicates ignored, changes ahead of a gap buffered, and a catch-up whenever the replica is
 * behind. Each change is verified first, except a duplicate, which changes nothing. Not thread-safe: one caller
 * at a time ({@link SerialReplication}).
 */
public final class LiveChangesService implements ReceiveChangesUseCase {

    private static final System.Logger LOG = System.getLogger(LiveChangesService.class.getName());

    private final Replica replica;
    private final MasterTrust trust;
    private final GapBuffer buffer;
    private final ReplicationProgress progress;
    private final CatchUpService catchUp;

    LiveChangesService(Replica replica, MasterTrust trust, GapBuffer buffer, ReplicationProgress progress,
                       CatchUpService catchUp) {
        this.replica = replica;
        this.trust = trust;
        this.buffer = buffer;
        this.progress = progress;
        this.catchUp = catchUp;
    }

    @Override
    public void receive(List<SignedChange> received) {
        Optional<SignatureCheck> check = trust.liveCheck();
        SyncState state = replica.state();
        List<Change> run = new ArrayList<>();
        boolean behind = false;
        for (SignedChange signed : received) {
            SyncDecision decision = SyncPolicy.decide(state, signed.change());
            // A duplicate changes nothing, so it is not worth an Ed25519 verification (the costly part).
            if (!(decision instanceof SyncDecision.IgnoreDuplicate) && !verified(check, signed)) {
                behind |= check.isEmpty();
                continue;
            }
            switch (decision) {
                case SyncDecision.Apply apply -> {
                    run.add(apply.change());
                    run.addAll(buffer.drain(state.stream(), apply.change().seq()));
                    state = new SyncState(state.stream(), run.getLast().seq());
                }
                case SyncDecision.IgnoreDuplicate ignored -> progress.duplicate();
                case SyncDecision.BufferGap gap -> {
                    buffer.offer(gap.change());
                    progress.gap();
                    behind = true;
                }
                case SyncDecision.FullResync resync -> {
                    buffer.offer(signed.change());
                    behind = true;
                }
            }
        }
        if (!run.isEmpty() && !apply(state, run)) {
            behind = true;
        }
        if (behind) {
            catchUp.tryCatchUp();
        }
    }

    @Override
    public void rejected(RejectedMessage rejection) {
        progress.rejected(rejection);
    }

    /** Whether the change may be applied: counted as unverified while no key is known, as rejected when forged. */
    private boolean verified(Optional<SignatureCheck> check, SignedChange signed) {
        if (check.isEmpty()) {
            progress.unverified();
            return false;
        }
        try {
            check.get().verify(signed);
            return true;
        } catch (RejectedMessage e) {
            progress.rejected(e);
            return false;
        }
    }

    private boolean apply(SyncState state, List<Change> run) {
        try {
            replica.apply(state.stream(), run, state.appliedSeq());
            progress.synced(run.size());
            progress.appliedThrough(run.getFirst().seq() - 1, state.appliedSeq());
            return true;
        } catch (IllegalStateException e) {
            // The replica moved meanwhile (a resync finished); the log, not this message, decides.
            LOG.log(System.Logger.Level.WARNING, "live changes not applied: {0}; catching up", e.getMessage());
            return false;
        }
    }
}
