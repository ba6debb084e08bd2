package io.weathersync.adapter.memory;

import io.weathersync.application.port.out.NodeRegistry;
import io.weathersync.domain.cluster.HeartbeatRecord;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.cluster.StoredCredential;
import io.weathersync.domain.cluster.SyncLogEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The node registry in memory, for embedders and tests. */
public final class InMemoryNodeRegistry implements NodeRegistry {

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, StoredCredential> credentialsByNode = new LinkedHashMap<>();
    private final Map<String, HeartbeatRecord> heartbeats = new LinkedHashMap<>();
    private final List<SyncLogEntry> syncLogs = new ArrayList<>();

    @Override
    public synchronized void add(Node node) {
        if (findByName(node.name()).isPresent()) {
            throw new IllegalArgumentException("name: a node named '" + node.name() + "' already exists");
        }
        if (nodes.containsKey(node.id())) {
            throw new IllegalArgumentException("node_id: " + node.id() + " already exists");
        }
        nodes.put(node.id(), node);
    }

    @Override
    public synchronized Optional<Node> find(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    @Override
    public synchronized Optional<Node> findByName(String name) {
        return nodes.values().stream().filter(node -> node.name().equals(name)).findFirst();
    }

    @Override
    public synchronized List<Node> list(Optional<NodeType> type) {
        return nodes.values().stream()
                .filter(node -> type.isEmpty() || node.type() == type.get())
                .sorted(Comparator.comparing(Node::createdAt))
                .toList();
    }

    @Override
    public synchronized boolean setActive(String id, boolean active) {
        Node node = nodes.get(id);
        if (node == null) {
            return false;
        }
        nodes.put(id, node.withActive(active));
        return true;
    }

    @Override
    public synchronized void replaceCredential(StoredCredential credential) {
        if (!nodes.containsKey(credential.nodeId())) {
            throw new IllegalArgumentException("node_id: no node " + credential.nodeId());
        }
        credentialsByNode.put(credential.nodeId(), credential);
    }

    @Override
    public synchronized Optional<StoredCredential> credentialByKey(String apiKey) {
        return credentialsByNode.values().stream().filter(c -> c.apiKey().equals(apiKey)).findFirst();
    }

    @Override
    public synchronized void recordHeartbeat(HeartbeatRecord heartbeat) {
        heartbeats.put(heartbeat.nodeId(), heartbeat);
    }

    @Override
    public synchronized List<HeartbeatRecord> lastHeartbeats() {
        return List.copyOf(heartbeats.values());
    }

    @Override
    public synchronized void appendSyncLog(SyncLogEntry entry) {
        syncLogs.add(entry);
    }

    @Override
    public synchronized List<SyncLogEntry> syncLogs(Optional<String> nodeId, int limit) {
        List<SyncLogEntry> matching = new ArrayList<>();
        for (int i = syncLogs.size() - 1; i >= 0 && matching.size() < limit; i--) {
            SyncLogEntry entry = syncLogs.get(i);
            if (nodeId.isEmpty() || nodeId.get().equals(entry.nodeId())) {
                matching.add(entry);
            }
        }
        return matching;
    }
}
