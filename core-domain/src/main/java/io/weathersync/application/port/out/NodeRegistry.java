package io.weathersync.application.port.out;

import io.weathersync.domain.cluster.HeartbeatRecord;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.cluster.StoredCredential;
import io.weathersync.domain.cluster.SyncLogEntry;
import io.weathersync.domain.cluster.SyncLogPage;
import io.weathersync.domain.cluster.SyncLogQuery;

import java.time.Instant;
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

    /**
     * Replaces what can change of the node with {@code node.id()} (name, description, URL, enabled, sync config,
     * update time); false when there is no such node.
     *
     * @throws IllegalArgumentException when the new name is another node's
     */
    boolean update(Node node);

    /**
     * Removes a node with its credential and its heartbeat, so its key stops working at once; its sync log
     * entries stay. False when there is no such node.
     */
    boolean remove(String id);

    /** Stores a node's credential, revoking any earlier one of that node. */
    void replaceCredential(StoredCredential credential);

    /** The credential with {@code apiKey}. */
    Optional<StoredCredential> credentialByKey(String apiKey);

    /** The current credential of the node {@code nodeId}. */
    Optional<StoredCredential> credentialOf(String nodeId);

    /** Records a heartbeat, replacing the node's previous one. */
    void recordHeartbeat(HeartbeatRecord heartbeat);

    /** The last heartbeat of the node {@code nodeId}. */
    Optional<HeartbeatRecord> lastHeartbeat(String nodeId);

    /** Every node's last heartbeat. */
    List<HeartbeatRecord> lastHeartbeats();

    /** Appends to the sync log. */
    void appendSyncLog(SyncLogEntry entry);

    /** The page of the sync log {@code query} asks for, newest first, with how many entries it selects in all. */
    SyncLogPage syncLogs(SyncLogQuery query);

    /**
     * Bounds the sync log: removes the entries that started before {@code startedBefore} and all but the newest
     * {@code keepNewest}; returns how many went.
     */
    int pruneSyncLogs(Instant startedBefore, int keepNewest);
}
