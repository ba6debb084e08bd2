package io.weathersync.application.service;

import io.weathersync.application.port.out.MasterClient;
import io.weathersync.application.port.out.Replica;
import io.weathersync.application.port.out.ReplicationMeter;
import io.weathersync.application.port.out.ThreadContext;
import io.weathersync.domain.message.SignatureCheck;
import io.weathersync.domain.sync.FollowConsent;
import io.weathersync.domain.sync.GapBuffer;

import java.time.Clock;
import java.util.Objects;

/**
 * A slave's replication use cases over one replica, wired together: they share the gap buffer, the trust in the
 * master's key and the progress counters, and every one of them catches up when it finds the replica behind.
 * They are not thread-safe; {@link SerialReplication} is how a running node calls them.
 *
 * @param live     changes that arrived live
 * @param pushes   pages the master pushed for a requested sync
 * @param catchUp  pulls from the master's log
 * @param trust    the master's key, learnt at heartbeat
 * @param progress counts and the last sync
 * @param context  what work handed to the replication thread takes along (a trace), {@link ThreadContext#NONE}
 */
public record ReplicationServices(LiveChangesService live, PushedPageService pushes, CatchUpService catchUp,
                                  MasterTrust trust, ReplicationProgress progress, ThreadContext context) {

    /** Requires every part. */
    public ReplicationServices {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(pushes, "pushes");
        Objects.requireNonNull(catchUp, "catchUp");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(progress, "progress");
    }

    /**
     * Wires the use cases for {@code replica}, following {@code master}.
     *
     * @param signatureCheck how live changes are verified from the start; {@code null} until the master's key is
     *                       learnt, and until then live changes are not applied but trigger a catch-up
     * @param pageSize       changes per catch-up request
     * @param bufferCapacity how many out-of-order live changes are held while a gap is filled
     */
    public static ReplicationServices of(Replica replica, MasterClient master, SignatureCheck signatureCheck,
                                         Clock clock, int pageSize, int bufferCapacity) {
        return of(replica, master, signatureCheck, clock, pageSize, bufferCapacity, FollowConsent.NONE);
    }

    /**
     * As {@link #of(Replica, MasterClient, SignatureCheck, Clock, int, int)}, with the operator's standing
     * {@code consent} to follow a new stream that holds fewer readings than the replica.
     */
    public static ReplicationServices of(Replica replica, MasterClient master, SignatureCheck signatureCheck,
                                         Clock clock, int pageSize, int bufferCapacity, FollowConsent consent) {
        return of(replica, master, signatureCheck, clock, pageSize, bufferCapacity, consent, ReplicationMeter.NONE,
                ThreadContext.NONE);
    }

    /**
     * As {@link #of(Replica, MasterClient, SignatureCheck, Clock, int, int, FollowConsent)}, reporting apply
     * latencies and catch-up pages to {@code meter}, and running work handed to the replication thread in the
     * {@code context} of the thread that handed it over.
     */
    public static ReplicationServices of(Replica replica, MasterClient master, SignatureCheck signatureCheck,
                                         Clock clock, int pageSize, int bufferCapacity, FollowConsent consent,
                                         ReplicationMeter meter, ThreadContext context) {
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(replica, "replica");
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(clock, "clock");
        GapBuffer buffer = new GapBuffer(bufferCapacity);
        MasterTrust trust = new MasterTrust(signatureCheck);
        ReplicationProgress progress = new ReplicationProgress(clock, buffer, meter);
        CatchUpService catchUp = new CatchUpService(replica, master, clock, pageSize, buffer, progress, consent);
        return new ReplicationServices(new LiveChangesService(replica, trust, buffer, progress, catchUp),
                new PushedPageService(replica, trust, progress, catchUp), catchUp, trust, progress, context);
    }
}
