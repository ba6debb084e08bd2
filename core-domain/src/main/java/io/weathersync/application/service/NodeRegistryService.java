package io.weathersync.application.service;

import io.weathersync.application.port.in.AuthenticateNodeUseCase;
import io.weathersync.application.port.in.EnableNodeUseCase;
import io.weathersync.application.port.in.IssueCredentialsUseCase;
import io.weathersync.application.port.in.ListNodesUseCase;
import io.weathersync.application.port.in.ReadSyncLogsUseCase;
import io.weathersync.application.port.in.RecordSyncResultUseCase;
import io.weathersync.application.port.in.RegisterNodeUseCase;
import io.weathersync.application.port.in.TestConnectionUseCase;
import io.weathersync.application.port.out.NodeProbe;
import io.weathersync.application.port.out.NodeRegistry;
import io.weathersync.domain.cluster.AuthResult;
import io.weathersync.domain.cluster.IssuedCredential;
import io.weathersync.domain.cluster.NewNode;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.cluster.ProbeResult;
import io.weathersync.domain.cluster.SecretHasher;
import io.weathersync.domain.cluster.StoredCredential;
import io.weathersync.domain.cluster.SyncLogEntry;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The master's node registry: nodes, their credentials, connection tests and the sync log. */
public final class NodeRegistryService implements RegisterNodeUseCase, ListNodesUseCase, EnableNodeUseCase,
        IssueCredentialsUseCase, AuthenticateNodeUseCase, TestConnectionUseCase, RecordSyncResultUseCase,
        ReadSyncLogsUseCase {

    private final NodeRegistry registry;
    private final SecretHasher hasher;
    private final NodeProbe probe;
    private final Clock clock;
    /** Compared against when a key is unknown, so a miss costs as long as a wrong secret. */
    private final String decoyHash;

    /** Wires the registry, the hasher, the probe for connection tests and the clock. */
    public NodeRegistryService(NodeRegistry registry, SecretHasher hasher, NodeProbe probe, Clock clock) {
        this.registry = registry;
        this.hasher = hasher;
        this.probe = probe;
        this.clock = clock;
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
    public List<Node> list(Optional<NodeType> type) {
        return registry.list(type);
    }

    @Override
    public Optional<Node> find(String id) {
        return registry.find(id);
    }

    @Override
    public boolean setActive(String nodeId, boolean active) {
        return registry.setActive(nodeId, active);
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
    public List<SyncLogEntry> read(Optional<String> nodeId, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        return registry.syncLogs(nodeId, limit);
    }
}
