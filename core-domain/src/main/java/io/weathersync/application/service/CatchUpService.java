package io.weathersync.application.service;

import io.weathersync.application.port.in.CatchUpUseCase;
import io.weathersync.application.port.out.MasterClient;
import io.weathersync.application.port.out.MasterUnavailableException;
import io.weathersync.application.port.out.Replica;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.SyncState;
import io.weathersync.domain.sync.FollowDecision;
import io.weathersync.domain.sync.FollowPolicy;
import io.weathersync.domain.sync.GapBuffer;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A slave pulls what it lacks from the master's compacted log, page by page, following the {@link FollowPolicy}:
 * the same stream is pulled from the applied seq, another stream is resynced fully (old data served until done),
 * and a master that went back on the same stream is followed no more. Not thread-safe: one caller at a time
 * ({@link SerialReplication}).
 */
public final class CatchUpService implements CatchUpUseCase {

    private static final System.Logger LOG = System.getLogger(CatchUpService.class.getName());
    /** How many times one catch-up follows a stream switch before giving up until the next trigger. */
    private static final int MAX_STREAM_SWITCHES = 3;

    private final Replica replica;
    private final MasterClient master;
    private final Clock clock;
    private final int pageSize;
    private final GapBuffer buffer;
    private final ReplicationProgress progress;
    private boolean masterUnavailable;
    private boolean masterWentBackLogged;

    CatchUpService(Replica replica, MasterClient master, Clock clock, int pageSize, GapBuffer buffer,
                   ReplicationProgress progress) {
        this.replica = replica;
        this.master = master;
        this.clock = clock;
        this.pageSize = pageSize;
        this.buffer = buffer;
        this.progress = progress;
    }

    /** Catches up, logging (once until it works again) instead of throwing when the master cannot be reached. */
    public boolean tryCatchUp() {
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
    public long catchUp() {
        for (int attempt = 0; attempt < MAX_STREAM_SWITCHES; attempt++) {
            SyncState state = replica.state();
            ChangePage page = master.changesAfter(state.appliedSeq(), pageSize);
            Optional<Long> done = switch (FollowPolicy.decide(state, page)) {
                case FollowDecision.Pull pull -> pull(page.stream(), state.appliedSeq(), page);
                case FollowDecision.Resync resync -> resync(resync.stream());
                case FollowDecision.MasterWentBack back -> throw masterWentBack(back);
            };
            if (done.isPresent()) {
                long applied = done.get() + applyBuffered();
                progress.synced(applied);
                return applied;
            }
        }
        throw new MasterUnavailableException("the master's stream kept changing during catch-up");
    }

    /** Live changes that arrived ahead of the gap just filled. */
    private long applyBuffered() {
        SyncState now = replica.state();
        List<Change> successors = buffer.drain(now.stream(), now.appliedSeq());
        if (!successors.isEmpty()) {
            replica.apply(now.stream(), successors, successors.getLast().seq());
        }
        return successors.size();
    }

    private MasterUnavailableException masterWentBack(FollowDecision.MasterWentBack back) {
        if (!masterWentBackLogged) {
            masterWentBackLogged = true;
            LOG.log(System.Logger.Level.ERROR, "the master''s head {0} is behind this replica''s applied seq {1} on the "
                    + "same stream: the master lost committed changes. Not applying anything more; wipe this "
                    + "replica''s data directory (or database) to resync it from the master", back.head(),
                    back.appliedSeq());
        }
        return new MasterUnavailableException("master head " + back.head() + " is behind the applied seq "
                + back.appliedSeq() + " on the same stream");
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
        progress.resync();
        Optional<Long> applied = pull(stream, from, master.changesAfter(from, pageSize));
        applied.ifPresent(n -> replica.finishResync());
        return applied;
    }

    /**
     * Applies pages of {@code stream} until the last, asking for each next page while applying the one before;
     * empty when the master switched streams meanwhile.
     */
    private Optional<Long> pull(StreamId stream, long from, ChangePage first) {
        CatchUpProgress log = new CatchUpProgress(clock, from, first.head());
        long applied = 0;
        ChangePage page = first;
        while (true) {
            if (!page.stream().equals(stream)) {
                return Optional.empty();
            }
            NextPage next = page.isLast() ? null : NextPage.request(master, page.completeThrough(), pageSize);
            replica.apply(stream, page.changes(), page.completeThrough());
            applied += page.changes().size();
            log.reached(page.completeThrough(), page.head());
            if (next == null) {
                log.finished();
                return Optional.of(applied);
            }
            page = next.get();
        }
    }
}
