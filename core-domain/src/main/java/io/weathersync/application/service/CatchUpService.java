package io.weathersync.application.service;

import io.weathersync.application.port.in.CatchUpUseCase;
import io.weathersync.application.port.out.MasterClient;
import io.weathersync.application.port.out.MasterUnavailableException;
import io.weathersync.application.port.out.Replica;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.SyncState;
import io.weathersync.domain.sync.FollowConsent;
import io.weathersync.domain.sync.FollowDecision;
import io.weathersync.domain.sync.FollowPolicy;
import io.weathersync.domain.sync.GapBuffer;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A slave pulls what it lacks from the master's compacted log, page by page, following the {@link FollowPolicy}:
 * the same stream is pulled from the applied seq, another stream is resynced fully (old data served until done),
 * a master that went back on the same stream is followed no more, and neither is a new stream holding fewer
 * readings than the replica (the master came back empty) until the operator consents or the master is restored
 * on the old stream. Not thread-safe: one caller at a time ({@link SerialReplication}), except
 * {@link #approveDiverged()}.
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
    private final FollowConsent configured;
    private volatile FollowDecision.Diverged diverged;
    private volatile StreamId approved;
    private StreamId divergedLogged;

    CatchUpService(Replica replica, MasterClient master, Clock clock, int pageSize, GapBuffer buffer,
                   ReplicationProgress progress, FollowConsent configured) {
        this.replica = replica;
        this.master = master;
        this.clock = clock;
        this.pageSize = pageSize;
        this.buffer = buffer;
        this.progress = progress;
        this.configured = configured;
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
            FollowDecision decision = FollowPolicy.decide(state, page, heldReadings(state, page), consent(page));
            Optional<Long> done;
            switch (decision) {
                case FollowDecision.Pull pull -> done = pull(page.stream(), state.appliedSeq(), following(page));
                case FollowDecision.Resync resync -> done = resync(following(page).stream());
                case FollowDecision.MasterWentBack back -> throw masterWentBack(back);
                case FollowDecision.Diverged newStream -> {
                    diverged(state, newStream);
                    return 0;
                }
            }
            if (done.isPresent()) {
                long applied = done.get() + applyBuffered();
                progress.synced(applied);
                return applied;
            }
        }
        throw new MasterUnavailableException("the master's stream kept changing during catch-up");
    }

    /**
     * The operator's consent to follow the stream this replica diverged from, dropping its history (thread-safe).
     *
     * @return the stream now followed at the next catch-up
     * @throws IllegalStateException when the replica has not diverged
     */
    public StreamId approveDiverged() {
        FollowDecision.Diverged now = diverged;
        if (now == null) {
            SyncState state = replica.state();
            throw new IllegalStateException("this replica has not diverged: it follows stream "
                    + state.followed().map(StreamId::value).orElse("(none yet)") + " at seq " + state.appliedSeq()
                    + "; there is no new stream to approve");
        }
        approved = now.stream();
        LOG.log(System.Logger.Level.WARNING, "the operator approved following stream {0}: this replica drops the {1} "
                + "readings of its old stream once the full resync is done", now.stream(), now.held());
        return now.stream();
    }

    /** The readings held, counted only where the policy needs them: a followed stream meets another. */
    private long heldReadings(SyncState state, ChangePage page) {
        return state.stream() == null || page.stream().equals(state.stream()) ? 0 : replica.digest().rows();
    }

    /** A resync of the page's stream already begun was consented to when it began. */
    private FollowConsent consent(ChangePage page) {
        boolean begun = replica.pendingResync().map(p -> p.stream().equals(page.stream())).orElse(false);
        StreamId allowed = begun ? page.stream() : approved;
        return allowed == null ? configured : new FollowConsent(configured.anyStream(), allowed);
    }

    private void diverged(SyncState state, FollowDecision.Diverged newStream) {
        diverged = newStream;
        String why = "diverged: the master's stream is now " + newStream.stream() + " at head " + newStream.head()
                + ", fewer readings than the " + newStream.held() + " this replica holds of stream " + state.stream()
                + "; restore the master from the slaves (app-master.jar restore --from SLAVE_URL,...), or follow "
                + "the new stream with POST /api/dms/follow-stream (ADMIN_TOKEN)";
        progress.diverged(why);
        if (!newStream.stream().equals(divergedLogged)) {
            divergedLogged = newStream.stream();
            LOG.log(System.Logger.Level.ERROR, "{0}. The master came back empty or from an older copy; this replica "
                    + "keeps serving its {1} readings and follows no more. To recover them on the master, stop it and "
                    + "run: java -jar app-master.jar restore --from URL_OF_THIS_SLAVE[,URL_OF_ANOTHER_SLAVE...] "
                    + "--config MASTER.yaml (README: When the master is lost). To drop them instead: "
                    + "POST /api/dms/follow-stream on this slave with Authorization: Bearer $ADMIN_TOKEN, or set "
                    + "CASCADE_FOLLOW_NEW_STREAM=true", why, newStream.held());
        }
    }

    /** Clears a divergence: the replica follows the master's stream of {@code page} (again). */
    private ChangePage following(ChangePage page) {
        if (diverged != null) {
            LOG.log(System.Logger.Level.INFO, "following the master''s stream {0}: diverged no more", page.stream());
            diverged = null;
            divergedLogged = null;
        }
        progress.following();
        return page;
    }

    /** Live changes that arrived ahead of the gap just filled. */
    private long applyBuffered() {
        SyncState now = replica.state();
        List<Change> successors = buffer.drain(now.stream(), now.appliedSeq());
        if (!successors.isEmpty()) {
            replica.apply(now.stream(), successors, successors.getLast().seq());
            progress.appliedThrough(now.appliedSeq(), successors.getLast().seq());
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
        long through = from;
        ChangePage page = first;
        while (true) {
            if (!page.stream().equals(stream)) {
                return Optional.empty();
            }
            NextPage next = page.isLast() ? null : NextPage.request(master, page.completeThrough(), pageSize);
            replica.apply(stream, page.changes(), page.completeThrough());
            applied += page.changes().size();
            progress.pulled(page.changes().size());
            progress.appliedThrough(through, page.completeThrough());
            through = page.completeThrough();
            LOG.log(System.Logger.Level.DEBUG, "catch-up: a page of {0} changes, through seq {1} of head {2}",
                    page.changes().size(), page.completeThrough(), page.head());
            log.reached(page.completeThrough(), page.head());
            if (next == null) {
                log.finished();
                return Optional.of(applied);
            }
            page = next.get();
        }
    }
}
