package io.weathersync.application.service;

import io.weathersync.application.port.in.CatchUpUseCase;
import io.weathersync.application.port.in.ReceiveChangesUseCase;
import io.weathersync.application.port.in.ReceivePushUseCase;
import io.weathersync.application.port.out.MasterClient;
import io.weathersync.application.port.out.MasterUnavailableException;
import io.weathersync.application.port.out.Replica;
import io.weathersync.domain.message.ChangeVerifier;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.SignatureCheck;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.message.SignedPush;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.SyncPush;
import io.weathersync.domain.model.SyncState;
import io.weathersync.domain.sync.GapBuffer;
import io.weathersync.domain.sync.SyncDecision;
import io.weathersync.domain.sync.SyncPolicy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A slave's replication: applies live changes through the {@link SyncPolicy} and pulls what it lacks from the
 * master's compacted log. All work is serialised on this object, so live changes and catch-up never interleave.
 */
public final class ReplicationService implements ReceiveChangesUseCase, ReceivePushUseCase, CatchUpUseCase {

    private static final System.Logger LOG = System.getLogger(ReplicationService.class.getName());
    /** How many times one catch-up follows a stream switch before giving up until the next trigger. */
    private static final int MAX_STREAM_SWITCHES = 3;

    private final Replica replica;
    private final MasterClient master;
    private final Clock clock;
    private final int pageSize;
    private final GapBuffer buffer;
    private final ReplicationCounters counters = new ReplicationCounters();
    private volatile SignatureCheck signatureCheck;
    private volatile ChangeVerifier pushVerifier;
    private volatile Instant lastSync;
    private boolean masterUnavailable;
    private boolean masterWentBackLogged;

    /**
     * Wires the replica and the master.
     *
     * @param signatureCheck how live changes are verified; {@code null} until the master's key is known,
     *                       and until then live changes are not applied but trigger a catch-up
     * @param pageSize       changes per catch-up request
     * @param bufferCapacity how many out-of-order changes are held while a gap is filled
     */
    public ReplicationService(Replica replica, MasterClient master, SignatureCheck signatureCheck, Clock clock,
                              int pageSize, int bufferCapacity) {
        this.replica = Objects.requireNonNull(replica, "replica");
        this.master = Objects.requireNonNull(master, "master");
        this.signatureCheck = signatureCheck;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pageSize = pageSize;
        this.buffer = new GapBuffer(bufferCapacity);
    }

    /** Trusts live changes that pass {@code check} from now on. */
    public void trust(SignatureCheck check) {
        this.signatureCheck = Objects.requireNonNull(check, "check");
    }

    /** Trusts live changes and pushed pages signed with the master's key (learnt at heartbeat). */
    public void trust(ChangeVerifier verifier) {
        trust((SignatureCheck) verifier);
        this.pushVerifier = verifier;
    }

    @Override
    public synchronized int receive(SignedPush signed) {
        ChangeVerifier verifier = pushVerifier;
        if (verifier == null) {
            tryCatchUp();
            throw new RejectedMessage(RejectedMessage.Kind.BAD_SIGNATURE,
                    "sig: the master's key is not known yet; caught up by pulling instead");
        }
        try {
            verifier.verify(signed);
        } catch (RejectedMessage e) {
            rejected(e);
            throw e;
        }
        SyncPush push = signed.push();
        ChangePage page = push.page();
        SyncState state = replica.state();
        if (!page.stream().equals(state.stream())) {
            tryCatchUp();
            return 0;
        }
        if (push.kind() == SyncPush.Kind.REPAIR) {
            return replica.repair(page.stream(), page.changes());
        }
        if (push.after() > state.appliedSeq() || page.completeThrough() <= state.appliedSeq()) {
            return 0;
        }
        replica.apply(page.stream(), page.changes(), page.completeThrough());
        counters.applied(page.changes().size());
        lastSync = clock.instant();
        return page.changes().size();
    }

    /** Whether live changes can be verified yet. */
    public boolean hasSignatureCheck() {
        return signatureCheck != null;
    }

    @Override
    public synchronized void receive(List<SignedChange> received) {
        SignatureCheck check = signatureCheck;
        SyncState state = replica.state();
        List<Change> run = new ArrayList<>();
        boolean behind = false;
        for (SignedChange signed : received) {
            Change change = signed.change();
            SyncDecision decision = SyncPolicy.decide(state, change);
            // A duplicate changes nothing, so it is not worth an Ed25519 verification (the costly part).
            if (!(decision instanceof SyncDecision.IgnoreDuplicate)) {
                if (check == null) {
                    counters.unverified();
                    behind = true;
                    continue;
                }
                try {
                    check.verify(signed);
                } catch (RejectedMessage e) {
                    rejected(e);
                    continue;
                }
            }
            switch (decision) {
                case SyncDecision.Apply apply -> {
                    run.add(apply.change());
                    run.addAll(buffer.drain(state.stream(), apply.change().seq()));
                    state = new SyncState(state.stream(), run.getLast().seq());
                }
                case SyncDecision.IgnoreDuplicate ignored -> counters.duplicate();
                case SyncDecision.BufferGap gap -> {
                    buffer.offer(gap.change());
                    counters.gap();
                    behind = true;
                }
                case SyncDecision.FullResync resync -> {
                    buffer.offer(change);
                    behind = true;
                }
            }
        }
        if (!run.isEmpty()) {
            try {
                replica.apply(state.stream(), run, state.appliedSeq());
                counters.applied(run.size());
                lastSync = clock.instant();
            } catch (IllegalStateException e) {
                // The replica moved meanwhile (a resync finished); the log, not this message, decides.
                LOG.log(System.Logger.Level.WARNING, "live changes not applied: {0}; catching up", e.getMessage());
                behind = true;
            }
        }
        if (behind) {
            tryCatchUp();
        }
    }

    /** Records a message a transport could not read. */
    public void rejected(RejectedMessage rejection) {
        if (counters.rejected(rejection.kind()) == 1) {
            LOG.log(System.Logger.Level.WARNING, "dropped a live message ({0}): {1}; further ones of this kind are "
                    + "only counted", rejection.kind(), rejection.getMessage());
        }
    }

    /** Catches up, logging instead of throwing when the master cannot be reached; returns whether it worked. */
    public synchronized boolean tryCatchUp() {
        try {
            catchUp();
            if (masterUnavailable) {
                masterUnavailable = false;
                LOG.log(System.Logger.Level.INFO, "catch-up works again: master reachable");
            }
            return true;
        } catch (MasterUnavailableException e) {
            if (!masterUnavailable) {
                masterUnavailable = true;
                LOG.log(System.Logger.Level.WARNING, "catch-up postponed, master unavailable: {0} (logged once "
                        + "until it works again)", e.getMessage());
            }
            return false;
        }
    }

    @Override
    public synchronized long catchUp() {
        long applied = 0;
        for (int attempt = 0; attempt < MAX_STREAM_SWITCHES; attempt++) {
            SyncState state = replica.state();
            ChangePage page = master.changesAfter(state.appliedSeq(), pageSize);
            if (page.stream().equals(state.stream()) && page.head() < state.appliedSeq()) {
                throw masterWentBack(page.head(), state.appliedSeq());
            }
            Optional<Long> done = page.stream().equals(state.stream())
                    ? pull(page.stream(), state.appliedSeq(), page)
                    : resync(page.stream());
            if (done.isPresent()) {
                applied += done.get();
                SyncState now = replica.state();
                List<Change> successors = buffer.drain(now.stream(), now.appliedSeq());
                if (!successors.isEmpty()) {
                    replica.apply(now.stream(), successors, successors.getLast().seq());
                    applied += successors.size();
                }
                counters.applied(applied);
                lastSync = clock.instant();
                return applied;
            }
        }
        throw new MasterUnavailableException("the master's stream kept changing during catch-up");
    }

    /**
     * The master's head is behind this replica on the same stream: it lost committed changes (a store restored
     * from an older backup under the same stream id) and will hand their seqs out again for other readings.
     * Applying anything more would mix two histories, so this replica stops following until it is wiped.
     */
    private MasterUnavailableException masterWentBack(long head, long applied) {
        if (!masterWentBackLogged) {
            masterWentBackLogged = true;
            LOG.log(System.Logger.Level.ERROR, "the master''s head {0} is behind this replica''s applied seq {1} on the "
                    + "same stream: the master lost committed changes. Not applying anything more; wipe this "
                    + "replica''s data directory (or database) to resync it from the master", head, applied);
        }
        return new MasterUnavailableException("master head " + head + " is behind the applied seq " + applied
                + " on the same stream");
    }

    private Optional<Long> resync(StreamId stream) {
        Optional<SyncState> pending = replica.pendingResync();
        long from = 0;
        if (pending.isPresent() && pending.get().stream().equals(stream)) {
            from = pending.get().appliedSeq();
            LOG.log(System.Logger.Level.INFO, "resuming full resync of stream {0} from seq {1}", stream, from);
        } else {
            LOG.log(System.Logger.Level.INFO, "master stream is {0}: full resync, old data served until done", stream);
            replica.beginResync(stream);
        }
        counters.resync();
        Optional<Long> applied = pull(stream, from, master.changesAfter(from, pageSize));
        applied.ifPresent(n -> replica.finishResync());
        return applied;
    }

    /**
     * Applies pages of {@code stream} until the last, asking for each next page while applying the one before;
     * empty when the master switched streams meanwhile.
     */
    private Optional<Long> pull(StreamId stream, long from, ChangePage first) {
        CatchUpProgress progress = new CatchUpProgress(clock, from, first.head());
        long applied = 0;
        ChangePage page = first;
        while (true) {
            if (!page.stream().equals(stream)) {
                return Optional.empty();
            }
            NextPage next = page.isLast() ? null : NextPage.request(master, page.completeThrough(), pageSize);
            replica.apply(stream, page.changes(), page.completeThrough());
            applied += page.changes().size();
            progress.reached(page.completeThrough(), page.head());
            if (next == null) {
                progress.finished();
                return Optional.of(applied);
            }
            page = next.get();
        }
    }

    /** When this replica last completed a sync, if ever since start. */
    public Optional<Instant> lastSync() {
        return Optional.ofNullable(lastSync);
    }

    /** A snapshot of what replication has done since start. */
    public ReplicationStats stats() {
        return counters.snapshot(buffer.size());
    }
}
