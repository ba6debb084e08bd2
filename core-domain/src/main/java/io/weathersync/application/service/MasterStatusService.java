package io.weathersync.application.service;

import io.weathersync.application.port.in.RecordHeartbeatUseCase;
import io.weathersync.application.port.in.ReportStatusUseCase;
import io.weathersync.application.port.out.ChangeLog;
import io.weathersync.application.port.out.HeartbeatReply;
import io.weathersync.application.port.out.NodeRegistry;
import io.weathersync.domain.cluster.Heartbeat;
import io.weathersync.domain.cluster.HeartbeatRecord;
import io.weathersync.domain.cluster.HeartbeatReport;
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
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The master's side of heartbeats, and its status view: itself plus every registered slave. A heartbeat updates
 * only what it reports (seed 002's client sends none of it), and is answered with the master's stream, head, key,
 * uptime and tasks, so a slave's view of the master shows the master's real figures.
 */
public final class MasterStatusService implements RecordHeartbeatUseCase, ReportStatusUseCase {

    private final NodeRegistry registry;
    private final ChangeLog log;
    private final MasterIdentity identity;
    private final String publicKey;
    private final StatusAggregator aggregator;
    private final Clock clock;
    private final Supplier<Optional<String>> problem;

    /**
     * Wires the registry and the log, how the master describes itself, the public key slaves verify with,
     * the aggregator (with the offline timeout), the clock, and what the master's own line shows as its problem
     * (why it collects nothing, e.g. its weather source failing), if any.
     */
    public MasterStatusService(NodeRegistry registry, ChangeLog log, MasterIdentity identity, String publicKey,
                               StatusAggregator aggregator, Clock clock, Supplier<Optional<String>> problem) {
        this.registry = registry;
        this.log = log;
        this.identity = identity;
        this.publicKey = publicKey;
        this.aggregator = aggregator;
        this.clock = clock;
        this.problem = problem;
    }

    @Override
    public HeartbeatReply heartbeat(Node node, HeartbeatReport report) {
        Heartbeat known = registry.lastHeartbeat(node.id()).map(HeartbeatRecord::heartbeat).orElse(null);
        Instant now = clock.instant();
        registry.recordHeartbeat(new HeartbeatRecord(node.id(), now, report.applyTo(known)));
        return new HeartbeatReply(log.stream(), log.head(), publicKey, node.name(), uptime(now),
                identity.tasksCount());
    }

    private Duration uptime(Instant now) {
        Duration uptime = Duration.between(identity.startedAt(), now);
        return uptime.isNegative() ? Duration.ZERO : uptime;
    }

    @Override
    public ClusterStatus status() {
        Instant now = clock.instant();
        long head = log.head();
        List<NodeObservation> nodes = new ArrayList<>();
        nodes.add(new NodeObservation(identity.name(), NodeRole.MASTER, identity.host(), identity.port(),
                uptime(now), identity.tasksCount(), now, null, log.stream(), head, problem.get().orElse(null)));
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
