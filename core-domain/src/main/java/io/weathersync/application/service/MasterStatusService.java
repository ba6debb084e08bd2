package io.weathersync.application.service;

import io.weathersync.application.port.in.RecordHeartbeatUseCase;
import io.weathersync.application.port.in.ReportStatusUseCase;
import io.weathersync.application.port.out.ChangeLog;
import io.weathersync.application.port.out.HeartbeatReply;
import io.weathersync.application.port.out.NodeRegistry;
import io.weathersync.domain.cluster.Heartbeat;
import io.weathersync.domain.cluster.HeartbeatRecord;
import io.weathersync.domain.cluster.MasterIdentity;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.status.ClusterStatus;
import io.weathersync.domain.status.NodeObservation;
import io.weathersync.domain.status.NodeRole;
import io.weathersync.domain.status.StatusAggregator;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The master's side of heartbeats, and its status view: itself plus every registered slave. */
public final class MasterStatusService implements RecordHeartbeatUseCase, ReportStatusUseCase {

    private final NodeRegistry registry;
    private final ChangeLog log;
    private final MasterIdentity identity;
    private final String publicKey;
    private final StatusAggregator aggregator;
    private final Clock clock;

    /**
     * Wires the registry and the log, how the master describes itself, the public key slaves verify with,
     * the aggregator (with the offline timeout) and the clock.
     */
    public MasterStatusService(NodeRegistry registry, ChangeLog log, MasterIdentity identity, String publicKey,
                               StatusAggregator aggregator, Clock clock) {
        this.registry = registry;
        this.log = log;
        this.identity = identity;
        this.publicKey = publicKey;
        this.aggregator = aggregator;
        this.clock = clock;
    }

    @Override
    public HeartbeatReply heartbeat(Node node, Heartbeat heartbeat) {
        registry.recordHeartbeat(new HeartbeatRecord(node.id(), clock.instant(), heartbeat));
        return new HeartbeatReply(log.stream(), log.head(), publicKey, node.name());
    }

    @Override
    public ClusterStatus status() {
        Instant now = clock.instant();
        long head = log.head();
        List<NodeObservation> nodes = new ArrayList<>();
        nodes.add(new NodeObservation(identity.name(), NodeRole.MASTER, identity.host(), identity.port(),
                Duration.between(identity.startedAt(), now), identity.tasksCount(), now, null, log.stream(), head));
        Map<String, HeartbeatRecord> beats = registry.lastHeartbeats().stream()
                .collect(Collectors.toMap(HeartbeatRecord::nodeId, Function.identity()));
        for (Node node : registry.list(Optional.of(NodeType.CHILD))) {
            nodes.add(observe(node, beats.get(node.id())));
        }
        return aggregator.aggregate(log.stream(), head, nodes);
    }

    private static NodeObservation observe(Node node, HeartbeatRecord beat) {
        URI url = node.apiUrl().isEmpty() ? null : URI.create(node.apiUrl());
        String host = url == null ? "" : url.getHost();
        int port = url == null || url.getPort() < 0 ? 0 : url.getPort();
        if (beat == null) {
            return new NodeObservation(node.name(), NodeRole.SLAVE, host, port, Duration.ZERO, 0, null, null, null, 0);
        }
        Heartbeat hb = beat.heartbeat();
        return new NodeObservation(node.name(), NodeRole.SLAVE, hb.host().isEmpty() ? host : hb.host(),
                hb.port() > 0 ? hb.port() : port, hb.uptime(), 0, node.active() ? beat.receivedAt() : null,
                hb.lastSync(), hb.stream(), hb.appliedSeq());
    }
}
