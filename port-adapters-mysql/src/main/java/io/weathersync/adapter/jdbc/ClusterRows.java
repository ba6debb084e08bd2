package io.weathersync.adapter.jdbc;

import io.weathersync.domain.cluster.Heartbeat;
import io.weathersync.domain.cluster.HeartbeatRecord;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.cluster.StoredCredential;
import io.weathersync.domain.cluster.SyncLogEntry;
import io.weathersync.domain.model.StreamId;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/** Maps the registry's domain records to its rows and back. */
final class ClusterRows {

    static final String NODE = "node_id, node_type, node_name, description, api_url, active, created_at";
    static final String CREDENTIAL = "node_id, api_key, secret_hash";
    static final String HEARTBEAT =
            "node_id, received_at, stream_id, applied_seq, last_sync, uptime_ms, version, host, port";
    static final String SYNC_LOG =
            "node_id, logged_at, kind, succeeded, from_seq, to_seq, item_count, detail";

    private ClusterRows() {
    }

    static Update insertNode(Handle h, Node node) {
        return h.createUpdate("INSERT INTO cluster_nodes (" + NODE + ") VALUES (:id, :type, :name, :description,"
                        + " :api_url, :active, :created_at)")
                .bind("id", node.id())
                .bind("type", node.type().code())
                .bind("name", node.name())
                .bind("description", node.description())
                .bind("api_url", node.apiUrl())
                .bind("active", node.active())
                .bind("created_at", node.createdAt().toEpochMilli());
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
        return h.createUpdate("INSERT INTO cluster_sync_logs (" + SYNC_LOG + ") VALUES (:node_id, :logged_at, :kind,"
                        + " :succeeded, :from_seq, :to_seq, :item_count, :detail)")
                .bind("node_id", entry.nodeId())
                .bind("logged_at", entry.at().toEpochMilli())
                .bind("kind", entry.kind())
                .bind("succeeded", entry.success())
                .bind("from_seq", entry.fromSeq())
                .bind("to_seq", entry.toSeq())
                .bind("item_count", entry.count())
                .bind("detail", entry.detail());
    }

    static Node node(ResultSet rs) throws SQLException {
        return new Node(rs.getString("node_id"), NodeType.ofCode(rs.getInt("node_type")), rs.getString("node_name"),
                rs.getString("description"), rs.getString("api_url"), rs.getBoolean("active"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
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

    static SyncLogEntry syncLog(ResultSet rs) throws SQLException {
        return new SyncLogEntry(rs.getString("node_id"), Instant.ofEpochMilli(rs.getLong("logged_at")),
                rs.getString("kind"), rs.getBoolean("succeeded"), rs.getLong("from_seq"), rs.getLong("to_seq"),
                rs.getInt("item_count"), rs.getString("detail"));
    }
}
