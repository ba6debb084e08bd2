package io.weathersync.application.port.out;

import io.weathersync.domain.cluster.HeartbeatRecord;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.cluster.StoredCredential;
import io.weathersync.domain.cluster.SyncLogEntry;

import java.util.List;
import java.util.Optional;

/** The master's registry of nodes, their credentials, heartbeats and sync logs. */
public interface NodeRegistry {

    /**
     * Registers a node.
     *
     * @throws IllegalArgumentException when the name is taken
     */
    void add(Node node);

    /** The node with {@code id}. */
    Optional<Node> find(String id);

    /** The node named {@code name}. */
    Optional<Node> findByName(String name);

    /** All nodes, or those of one type, by creation time. */
    List<Node> list(Optional<NodeType> type);

    /** Enables or disables a node; false when there is no such node. */
    boolean setActive(String id, boolean active);

    /** Stores a node's credential, revoking any earlier one of that node. */
    void replaceCredential(StoredCredential credential);

    /** The credential with {@code apiKey}. */
    Optional<StoredCredential> credentialByKey(String apiKey);

    /** Records a heartbeat, replacing the node's previous one. */
    void recordHeartbeat(HeartbeatRecord heartbeat);

    /** Every node's last heartbeat. */
    List<HeartbeatRecord> lastHeartbeats();

    /** Appends to the sync log. */
    void appendSyncLog(SyncLogEntry entry);

    /** The newest {@code limit} sync log entries, of one node or all, newest first. */
    List<SyncLogEntry> syncLogs(Optional<String> nodeId, int limit);
}
