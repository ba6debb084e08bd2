package io.weathersync.adapter.memory;

import io.weathersync.application.port.out.NodeRegistry;
import io.weathersync.domain.cluster.HeartbeatRecord;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.cluster.StoredCredential;
import io.weathersync.domain.cluster.SyncLogEntry;
import io.weathersync.domain.cluster.SyncLogPage;
import io.weathersync.domain.cluster.SyncLogQuery;
import io.weathersync.domain.cluster.SyncLogRecord;

import java.time.Instant;
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
    private final List<SyncLogRecord> syncLogs = new ArrayList<>();
    private long lastSyncLogId;

    @Override
    public synchronized void add(Node node) {
        requireFreeName(node);
        if (nodes.containsKey(node.id())) {
            throw new IllegalArgumentException("node_id: " + node.id() + " already exists");
        }
        nodes.put(node.id(), node);
    }

    private void requireFreeName(Node node) {
        Optional<Node> named = findByName(node.name());
        if (named.isPresent() && !named.get().id().equals(node.id())) {
            throw new IllegalArgumentException("name: a node named '" + node.name() + "' already exists");
        }
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
    public synchronized boolean update(Node node) {
        Node current = nodes.get(node.id());
        if (current == null) {
            return false;
        }
        requireFreeName(node);
        nodes.put(node.id(), new Node(node.id(), current.type(), node.name(), node.description(), node.apiUrl(),
                node.active(), node.syncConfig(), current.createdAt(), node.updatedAt()));
        return true;
    }

    @Override
    public synchronized boolean remove(String id) {
        credentialsByNode.remove(id);
        heartbeats.remove(id);
        return nodes.remove(id) != null;
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
    public synchronized Optional<StoredCredential> credentialOf(String nodeId) {
        return Optional.ofNullable(credentialsByNode.get(nodeId));
    }

    @Override
    public synchronized void recordHeartbeat(HeartbeatRecord heartbeat) {
        heartbeats.put(heartbeat.nodeId(), heartbeat);
    }

    @Override
    public synchronized Optional<HeartbeatRecord> lastHeartbeat(String nodeId) {
        return Optional.ofNullable(heartbeats.get(nodeId));
    }

    @Override
    public synchronized List<HeartbeatRecord> lastHeartbeats() {
        return List.copyOf(heartbeats.values());
    }

    @Override
    public synchronized void appendSyncLog(SyncLogEntry entry) {
        syncLogs.add(new SyncLogRecord(++lastSyncLogId, entry));
    }

    @Override
    public synchronized int pruneSyncLogs(Instant startedBefore, int keepNewest) {
        int before = syncLogs.size();
        syncLogs.removeIf(r -> r.entry().startedAt().isBefore(startedBefore));
        while (syncLogs.size() > Math.max(0, keepNewest)) {
            syncLogs.removeFirst();
        }
        return before - syncLogs.size();
    }

    @Override
    public synchronized SyncLogPage syncLogs(SyncLogQuery query) {
        List<SyncLogRecord> selected = syncLogs.reversed().stream().filter(r -> query.selects(r.entry())).toList();
        int from = Math.min(selected.size(), query.offset());
        return new SyncLogPage(selected.subList(from, Math.min(selected.size(), from + query.limit())),
                selected.size());
    }
}
