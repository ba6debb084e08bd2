package io.weathersync.application.service;

import io.weathersync.application.port.in.BackUpRegistryUseCase;
import io.weathersync.domain.cluster.RegistryBackup;
import io.weathersync.domain.cluster.RegistryEntry;
import io.weathersync.application.port.in.AuthenticateNodeUseCase;
import io.weathersync.application.port.in.DeleteNodeUseCase;
import io.weathersync.application.port.in.EnableNodeUseCase;
import io.weathersync.application.port.in.IssueCredentialsUseCase;
import io.weathersync.application.port.in.ListNodesUseCase;
import io.weathersync.application.port.in.ReadSyncLogsUseCase;
import io.weathersync.application.port.in.RecordSyncResultUseCase;
import io.weathersync.application.port.in.RegisterNodeUseCase;
import io.weathersync.application.port.in.TestConnectionUseCase;
import io.weathersync.application.port.in.UpdateNodeUseCase;
import io.weathersync.application.port.out.NodeProbe;
import io.weathersync.application.port.out.NodeRegistry;
import io.weathersync.domain.cluster.AuthResult;
import io.weathersync.domain.cluster.HeartbeatRecord;
import io.weathersync.domain.cluster.IssuedCredential;
import io.weathersync.domain.cluster.NewNode;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeAvailability;
import io.weathersync.domain.cluster.NodeChanges;
import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.cluster.ProbeResult;
import io.weathersync.domain.cluster.RegisteredNode;
import io.weathersync.domain.cluster.SecretHasher;
import io.weathersync.domain.cluster.StoredCredential;
import io.weathersync.domain.cluster.SyncLogEntry;
import io.weathersync.domain.cluster.SyncLogPage;
import io.weathersync.domain.cluster.SyncLogQuery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The master's node registry: nodes, their credentials, connection tests and the sync log. */
public final class NodeRegistryService implements RegisterNodeUseCase, ListNodesUseCase, EnableNodeUseCase,
        UpdateNodeUseCase, DeleteNodeUseCase, IssueCredentialsUseCase, AuthenticateNodeUseCase,
        TestConnectionUseCase, RecordSyncResultUseCase, ReadSyncLogsUseCase, BackUpRegistryUseCase {

    private final NodeRegistry registry;
    private final SecretHasher hasher;
    private final NodeProbe probe;
    private final Clock clock;
    private final Duration offlineAfter;
    /** Compared against when a key is unknown, so a miss costs as long as a wrong secret. */
    private final String decoyHash;

    /**
     * Wires the registry, the hasher, the probe for connection tests, the clock, and the silence after which a
     * node is listed offline ({@code CASCADE_OFFLINE_AFTER}, as in the status view).
     */
    public NodeRegistryService(NodeRegistry registry, SecretHasher hasher, NodeProbe probe, Clock clock,
                               Duration offlineAfter) {
        this.registry = registry;
        this.hasher = hasher;
        this.probe = probe;
        this.clock = clock;
        if (offlineAfter.isNegative() || offlineAfter.isZero()) {
            throw new IllegalArgumentException("offline_after: must be positive, was " + offlineAfter);
        }
        this.offlineAfter = offlineAfter;
        this.decoyHash = hasher.hash("decoy");
    }

    @Override
    public Node register(NewNode request) {
        Node node = new Node(UUID.randomUUID().toString(), request.type(), request.name(), request.description(),
                request.apiUrl(), true, clock.instant());
        registry.add(node);
        return node;
    }

    @Override
    public RegistryBackup backup() {
        return new RegistryBackup(registry.list(Optional.empty()).stream()
                .map(node -> new RegistryEntry(node, registry.credentialOf(node.id()).orElse(null)))
                .toList());
    }

    @Override
    public List<RegisteredNode> list(Optional<NodeType> type) {
        Map<String, HeartbeatRecord> beats = registry.lastHeartbeats().stream()
                .collect(Collectors.toMap(HeartbeatRecord::nodeId, Function.identity()));
        Instant now = clock.instant();
        return registry.list(type).stream()
                .map(node -> registered(node, Optional.ofNullable(beats.get(node.id())), now))
                .toList();
    }

    @Override
    public Optional<RegisteredNode> find(String id) {
        return registry.find(id).map(node -> registered(node, registry.lastHeartbeat(id), clock.instant()));
    }

    private RegisteredNode registered(Node node, Optional<HeartbeatRecord> beat, Instant now) {
        return new RegisteredNode(node, registry.credentialOf(node.id()).map(StoredCredential::apiKey), beat,
                NodeAvailability.of(node.active(), beat.map(HeartbeatRecord::receivedAt).orElse(null), now,
                        offlineAfter));
    }

    @Override
    public boolean setActive(String nodeId, boolean active) {
        return update(nodeId, NodeChanges.active(active)).isPresent();
    }

    @Override
    public Optional<RegisteredNode> update(String nodeId, NodeChanges changes) {
        Optional<Node> node = registry.find(nodeId);
        if (node.isEmpty() || !registry.update(changes.applyTo(node.get(), clock.instant()))) {
            return Optional.empty();
        }
        return find(nodeId);
    }

    @Override
    public boolean delete(String nodeId) {
        return registry.remove(nodeId);
    }

    @Override
    public Optional<IssuedCredential> issue(String nodeId) {
        if (registry.find(nodeId).isEmpty()) {
            return Optional.empty();
        }
        IssuedCredential issued = hasher.issue(nodeId);
        registry.replaceCredential(new StoredCredential(nodeId, issued.apiKey(), hasher.hash(issued.apiSecret())));
        return Optional.of(issued);
    }

    @Override
    public AuthResult authenticate(String apiKey, String apiSecret) {
        Optional<StoredCredential> credential = registry.credentialByKey(apiKey);
        boolean matches = hasher.matches(apiSecret, credential.map(StoredCredential::secretHash).orElse(decoyHash));
        if (credential.isEmpty() || !matches) {
            return new AuthResult.Denied(AuthResult.Reason.INVALID_CREDENTIALS);
        }
        Optional<Node> node = registry.find(credential.get().nodeId());
        if (node.isEmpty()) {
            return new AuthResult.Denied(AuthResult.Reason.INVALID_CREDENTIALS);
        }
        return node.get().active()
                ? new AuthResult.Authenticated(node.get())
                : new AuthResult.Denied(AuthResult.Reason.NODE_DISABLED);
    }

    @Override
    public ProbeResult testConnection(String apiUrl, String apiKey, String apiSecret) {
        return probe.probe(apiUrl, apiKey, apiSecret);
    }

    @Override
    public void record(SyncLogEntry entry) {
        registry.appendSyncLog(entry);
    }

    @Override
    public SyncLogPage read(SyncLogQuery query) {
        return registry.syncLogs(query);
    }
}
