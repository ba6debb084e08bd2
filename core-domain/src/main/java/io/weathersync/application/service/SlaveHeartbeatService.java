package io.weathersync.application.service;

import io.weathersync.application.port.in.ReportReplicationUseCase;
import io.weathersync.application.port.in.ReportStatusUseCase;
import io.weathersync.application.port.in.RequestCatchUpUseCase;
import io.weathersync.application.port.in.TrustMasterUseCase;
import io.weathersync.application.port.out.HeartbeatReply;
import io.weathersync.application.port.out.MasterClient;
import io.weathersync.application.port.out.MasterRefusedException;
import io.weathersync.application.port.out.MasterUnavailableException;
import io.weathersync.application.port.out.Replica;
import io.weathersync.domain.cluster.Heartbeat;
import io.weathersync.domain.cluster.NodeIdentity;
import io.weathersync.domain.message.ChangeVerifier;
import io.weathersync.domain.model.SyncState;
import io.weathersync.domain.status.ClusterStatus;
import io.weathersync.domain.status.NodeObservation;
import io.weathersync.domain.status.NodeRole;
import io.weathersync.domain.status.StatusAggregator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A slave's heartbeat to its master, and its status view (the master plus itself). Each heartbeat learns the
 * master's key (so live changes can be verified) and head; a slave found behind catches up at once, which
 * also covers a lost last message. When the master refuses this slave (its credentials were re-issued or revoked,
 * or its node disabled), the slave keeps serving its replica and says so: its line in the status view is
 * degraded with the reason, which {@link #refusal()} also gives its health check, until the master accepts it again.
 * A replica that diverged from the master's new stream (it holds readings the new stream lacks) is {@code diverged}.
 */
public final class SlaveHeartbeatService implements ReportStatusUseCase {

    private static final System.Logger LOG = System.getLogger(SlaveHeartbeatService.class.getName());

    private final MasterClient master;
    private final Replica replica;
    private final ReportReplicationUseCase replication;
    private final TrustMasterUseCase trust;
    private final RequestCatchUpUseCase catchUp;
    private final NodeIdentity self;
    private final NodeIdentity masterNode;
    private final StatusAggregator aggregator;
    private final Clock clock;
    private volatile HeartbeatReply lastReply;
    private volatile Instant lastReplyAt;
    private volatile Instant lastHeardAt;
    private volatile String trustedKey;
    private volatile String refusal;

    /**
     * Wires the master, the replica, what its replication reports (the last sync), whom it trusts (the key each
     * reply carries), how to ask for a catch-up (without waiting, so a long catch-up never delays heartbeats),
     * this node's and the master's identities (the master's as configured: name, host and port), the aggregator
     * and the clock.
     */
    public SlaveHeartbeatService(MasterClient master, Replica replica, ReportReplicationUseCase replication,
                                 TrustMasterUseCase trust, RequestCatchUpUseCase catchUp, NodeIdentity self,
                                 NodeIdentity masterNode, StatusAggregator aggregator, Clock clock) {
        this.master = Objects.requireNonNull(master, "master");
        this.replica = Objects.requireNonNull(replica, "replica");
        this.replication = Objects.requireNonNull(replication, "replication");
        this.trust = Objects.requireNonNull(trust, "trust");
        this.catchUp = Objects.requireNonNull(catchUp, "catchUp");
        this.self = self;
        this.masterNode = masterNode;
        this.aggregator = aggregator;
        this.clock = clock;
    }

    /**
     * Sends one heartbeat; trusts the master's key when it is new and catches up when behind.
     *
     * @return whether the master answered
     */
    public boolean beat() {
        SyncState state = replica.state();
        Instant now = clock.instant();
        HeartbeatReply reply;
        try {
            reply = master.heartbeat(new Heartbeat(state.stream(), state.appliedSeq(),
                    replication.lastSync().orElse(null), Duration.between(self.startedAt(), now), self.version(),
                    self.host(), self.port()));
        } catch (MasterRefusedException e) {
            if (!e.getMessage().equals(refusal)) {
                LOG.log(System.Logger.Level.ERROR, "heartbeat refused: {0}", e.getMessage());
            }
            refusal = e.getMessage();
            lastHeardAt = clock.instant(); // the master answers: it is up, it only refuses this slave
            return false;
        } catch (MasterUnavailableException e) {
            LOG.log(System.Logger.Level.WARNING, "heartbeat failed: {0}", e.getMessage());
            return false;
        }
        if (refusal != null) {
            LOG.log(System.Logger.Level.INFO, "the master accepts this slave's credentials again");
            refusal = null;
        }
        lastReplyAt = clock.instant(); // before the reply: whoever sees the reply sees its time
        lastHeardAt = lastReplyAt;
        lastReply = reply;
        if (reply.publicKey() != null && !reply.publicKey().equals(trustedKey)) {
            try {
                trust.trust(ChangeVerifier.fromBase64(reply.publicKey()));
                trustedKey = reply.publicKey();
            } catch (IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "the master sent an unusable public key; live changes stay "
                        + "unverified and are repaired by catch-up: {0}", e.getMessage());
            }
        }
        SyncState current = replica.state();
        LOG.log(System.Logger.Level.DEBUG, "heartbeat: the master is at head {0}, this replica at seq {1}",
                reply.head(), current.appliedSeq());
        if (!reply.stream().equals(current.stream()) || reply.head() > current.appliedSeq()) {
            catchUp.requestCatchUp();
        }
        return true;
    }

    @Override
    public ClusterStatus status() {
        Instant now = clock.instant();
        HeartbeatReply reply = lastReply;
        SyncState state = replica.state();
        // The master's uptime as it told at its last answer, grown by the time since.
        Duration masterUptime = reply == null ? Duration.ZERO
                : reply.uptime().plus(Duration.between(lastReplyAt, now));
        NodeObservation masterLine = new NodeObservation(masterNode.name(), NodeRole.MASTER, masterNode.host(),
                masterNode.port(), masterUptime.isNegative() ? Duration.ZERO : masterUptime,
                reply == null ? masterNode.tasksCount() : reply.tasksCount(), lastHeardAt, null,
                reply == null ? null : reply.stream(), reply == null ? 0 : reply.head());
        String name = reply == null || reply.nodeName() == null ? self.name() : reply.nodeName();
        NodeObservation selfLine = new NodeObservation(name, NodeRole.SLAVE, self.host(), self.port(),
                Duration.between(self.startedAt(), now), self.tasksCount(), now,
                replication.lastSync().orElse(null), state.stream(), state.appliedSeq(),
                refusal != null ? refusal : replication.divergence().orElse(null), replication.divergence().isPresent());
        return aggregator.aggregate(reply == null ? null : reply.stream(), reply == null ? 0 : reply.head(),
                List.of(masterLine, selfLine));
    }

    /** Why the master refuses this slave (its last heartbeat's answer), or empty while it accepts it. */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }
}
