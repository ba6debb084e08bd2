package io.weathersync.adapter.jdbc;

import io.weathersync.domain.cluster.Heartbeat;
import io.weathersync.domain.cluster.HeartbeatRecord;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.cluster.StoredCredential;
import io.weathersync.domain.cluster.SyncLogEntry;
import io.weathersync.domain.cluster.SyncLogRecord;
import io.weathersync.domain.cluster.SyncOperation;
import io.weathersync.domain.model.StreamId;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/** Maps the registry's domain records to its rows and back. */
final class ClusterRows {

    static final String NODE =
            "node_id, node_type, node_name, description, api_url, active, sync_config, created_at, updated_at";
    static final String CREDENTIAL = "node_id, api_key, secret_hash";
    static final String HEARTBEAT =
            "node_id, received_at, stream_id, applied_seq, last_sync, uptime_ms, version, host, port";
    /** Columns written; {@code logged_at} is when the operation completed. */
    static final String SYNC_LOG =
            "node_id, kind, succeeded, item_count, from_seq, to_seq, started_at, logged_at, task_id, detail";

    private ClusterRows() {
    }

    static Update insertNode(Handle h, Node node) {
        return insertNode(h, "cluster_nodes", "", "", node);
    }

    /**
     * Inserts {@code node} into {@code table} (one with the node columns), with {@code moreColumns} (each
     * starting with a comma) bound by the caller as {@code moreValues}.
     */
    static Update insertNode(Handle h, String table, String moreColumns, String moreValues, Node node) {
        return bindNode(h.createUpdate("INSERT INTO " + table + " (" + NODE + moreColumns + ") VALUES (:id, :type,"
                + " :name, :description, :api_url, :active, :sync_config, :created_at, :updated_at" + moreValues
                + ")"), node);
    }

    /** Replaces what can change of the node with {@code node.id()}. */
    static Update updateNode(Handle h, Node node) {
        return bindNode(h.createUpdate("UPDATE cluster_nodes SET node_name = :name, description = :description,"
                + " api_url = :api_url, active = :active, sync_config = :sync_config, updated_at = :updated_at"
                + " WHERE node_id = :id"), node);
    }

    private static Update bindNode(Update update, Node node) {
        return update.bind("id", node.id())
                .bind("type", node.type().code())
                .bind("name", node.name())
                .bind("description", node.description())
                .bind("api_url", node.apiUrl())
                .bind("active", node.active())
                .bind("sync_config", node.syncConfig())
                .bind("created_at", node.createdAt().toEpochMilli())
                .bind("updated_at", node.updatedAt().toEpochMilli());
    }

    static Update insertCredential(Handle h, StoredCredential credential) {
        return h.createUpdate("INSERT INTO cluster_credentials (" + CREDENTIAL + ") VALUES (:node_id, :api_key,"
                        + " :secret_hash)")
                .bind("node_id", credential.nodeId())
                .bind("api_key", credential.apiKey())
                .bind("secret_hash", credential.secretHash());
    }

    /** Inserts the node's heartbeat, or replaces the one it has. */
    static Update upsertHeartbeat(Handle h, HeartbeatRecord record) {
        Heartbeat beat = record.heartbeat();
        return h.createUpdate("INSERT INTO cluster_heartbeats (" + HEARTBEAT + ") VALUES (:node_id, :received_at,"
                        + " :stream_id, :applied_seq, :last_sync, :uptime_ms, :version, :host, :port)"
                        + " ON DUPLICATE KEY UPDATE received_at = VALUES(received_at), stream_id = VALUES(stream_id),"
                        + " applied_seq = VALUES(applied_seq), last_sync = VALUES(last_sync),"
                        + " uptime_ms = VALUES(uptime_ms), version = VALUES(version), host = VALUES(host),"
                        + " port = VALUES(port)")
                .bind("node_id", record.nodeId())
                .bind("received_at", record.receivedAt().toEpochMilli())
                .bind("stream_id", beat.stream() == null ? null : beat.stream().value())
                .bind("applied_seq", beat.appliedSeq())
                .bind("last_sync", beat.lastSync() == null ? null : beat.lastSync().toEpochMilli())
                .bind("uptime_ms", beat.uptime().toMillis())
                .bind("version", beat.version())
                .bind("host", beat.host())
                .bind("port", beat.port());
    }

    static Update insertSyncLog(Handle h, SyncLogEntry entry) {
        return h.createUpdate("INSERT INTO cluster_sync_logs (" + SYNC_LOG + ") VALUES (:node_id, :kind,"
                        + " :succeeded, :item_count, :from_seq, :to_seq, :started_at, :logged_at, :task_id, :detail)")
                .bind("node_id", entry.nodeId())
                .bind("kind", entry.operation().wireName())
                .bind("succeeded", entry.success())
                .bind("item_count", entry.count())
                .bind("from_seq", entry.fromSeq())
                .bind("to_seq", entry.toSeq())
                .bind("started_at", entry.startedAt().toEpochMilli())
                .bind("logged_at", entry.completedAt().toEpochMilli())
                .bind("task_id", entry.taskId())
                .bind("detail", entry.detail());
    }

    static Node node(ResultSet rs) throws SQLException {
        return new Node(rs.getString("node_id"), NodeType.ofCode(rs.getInt("node_type")), rs.getString("node_name"),
                rs.getString("description"), rs.getString("api_url"), rs.getBoolean("active"),
                rs.getString("sync_config"), Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    static StoredCredential credential(ResultSet rs) throws SQLException {
        return new StoredCredential(rs.getString("node_id"), rs.getString("api_key"), rs.getString("secret_hash"));
    }

    static HeartbeatRecord heartbeat(ResultSet rs) throws SQLException {
        String stream = rs.getString("stream_id");
        long lastSync = rs.getLong("last_sync");
        Instant lastSyncAt = rs.wasNull() ? null : Instant.ofEpochMilli(lastSync);
        Heartbeat heartbeat = new Heartbeat(stream == null ? null : new StreamId(stream), rs.getLong("applied_seq"),
                lastSyncAt, Duration.ofMillis(rs.getLong("uptime_ms")), rs.getString("version"),
                rs.getString("host"), rs.getInt("port"));
        return new HeartbeatRecord(rs.getString("node_id"), Instant.ofEpochMilli(rs.getLong("received_at")),
                heartbeat);
    }

    /** A sync log row read with {@code log_id, } + {@link #SYNC_LOG}. */
    static SyncLogRecord syncLog(ResultSet rs) throws SQLException {
        String kind = rs.getString("kind");
        long id = rs.getLong("log_id");
        SyncOperation operation = SyncOperation.named(kind).orElseThrow(() -> new SQLException(
                "cluster_sync_logs.kind: unknown operation '" + kind + "' in row " + id));
        return new SyncLogRecord(id, new SyncLogEntry(rs.getString("node_id"), operation,
                rs.getBoolean("succeeded"), rs.getInt("item_count"), rs.getLong("from_seq"), rs.getLong("to_seq"),
                Instant.ofEpochMilli(rs.getLong("started_at")), Instant.ofEpochMilli(rs.getLong("logged_at")),
                rs.getString("task_id"), rs.getString("detail")));
    }
}
