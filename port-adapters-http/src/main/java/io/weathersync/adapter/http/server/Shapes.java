package io.weathersync.adapter.http.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weathersync.application.port.out.SyncOutcome;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.RegisteredNode;
import io.weathersync.domain.cluster.SyncLogEntry;
import io.weathersync.domain.cluster.SyncLogRecord;
import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.WeatherReading;
import io.weathersync.domain.status.ClusterStatus;
import io.weathersync.domain.status.NodeRole;
import io.weathersync.domain.status.NodeStatus;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON shapes of replies (seed 000 readings, seed 001 status and sync outcome, seed 002 nodes, logs, digest). */
final class Shapes {

    private Shapes() {
    }

    /** A reading as seed 000 shows it: its fields in the wire format. */
    static ObjectNode reading(WeatherReading reading) {
        return Replies.CODEC.toJsonObject(reading);
    }

    static List<ObjectNode> readings(List<WeatherReading> readings) {
        return readings.stream().map(Shapes::reading).toList();
    }

    static Map<String, Object> digest(Digest digest) {
        return Replies.object(
                "stream", digest.stream() == null ? null : digest.stream().value(),
                "applied_seq", digest.appliedSeq(),
                "rows", digest.rows(),
                "hash", digest.hash());
    }

    /** Seed 001's status format; a master's line has no sync delay (it is the source), so it is null there. */
    static Map<String, Object> status(ClusterStatus status) {
        return Replies.object(
                "nodes", status.nodes().stream().map(Shapes::nodeStatus).toList(),
                "total_nodes", status.totalNodes(),
                "online_nodes", status.onlineNodes());
    }

    private static Map<String, Object> nodeStatus(NodeStatus node) {
        return Replies.object(
                "name", node.name(),
                "role", node.role().name().toLowerCase(Locale.ROOT),
                "host", node.host(),
                "port", node.port(),
                "status", node.state().name().toLowerCase(Locale.ROOT),
                "uptime", node.uptimeSeconds(),
                "tasks_count", node.tasksCount(),
                "last_sync", iso(node.lastSync()),
                "sync_delay", node.role() == NodeRole.MASTER ? null : node.syncDelaySeconds(),
                "lag_changes", node.lagChanges(),
                "problem", node.problem());
    }

    /**
     * A registered node as seed 002's registry lists it: {@code id} (and {@code node_id}, as the create reply names
     * it), {@code status} {@code 0} offline, {@code 1} online, {@code 2} disabled, and {@code api_key} the public
     * key id; never a secret or its hash. {@code parent_id} is null: every node's parent is this master.
     */
    static Map<String, Object> node(RegisteredNode registered) {
        Node node = registered.node();
        return Replies.object(
                "id", node.id(),
                "node_id", node.id(),
                "node_type", node.type().code(),
                "name", node.name(),
                "description", node.description(),
                "api_url", node.apiUrl(),
                "api_key", registered.apiKey().orElse(null),
                "parent_id", null,
                "status", registered.availability().code(),
                "is_active", node.active(),
                "last_sync_at", iso(registered.lastSyncAt().orElse(null)),
                "last_heartbeat_at", iso(registered.lastHeartbeatAt().orElse(null)),
                "sync_config", syncConfig(node),
                "created_at", iso(node.createdAt()),
                "updated_at", iso(node.updatedAt()));
    }

    private static JsonNode syncConfig(Node node) {
        try {
            return Replies.MAPPER.readTree(node.syncConfig());
        } catch (JsonProcessingException e) {
            // Only this API writes it, as a JSON object; anything else stored is shown as empty, not fatal.
            return Replies.MAPPER.createObjectNode();
        }
    }

    /**
     * A sync log entry as seed 002 shows it: {@code status} {@code 1} succeeded, {@code 2} failed (entries are
     * written when their operation ends, so never {@code 0} running); {@code extra_data} the seqs, the task and
     * anything else known.
     */
    static Map<String, Object> syncLog(SyncLogRecord record) {
        SyncLogEntry entry = record.entry();
        Map<String, Object> extra = Replies.object("from_seq", entry.fromSeq(), "to_seq", entry.toSeq());
        if (!entry.taskId().isEmpty()) {
            extra.put("task_id", entry.taskId());
        }
        if (entry.success() && !entry.detail().isEmpty()) {
            extra.put("detail", entry.detail());
        }
        return Replies.object(
                "id", record.id(),
                "node_id", entry.nodeId(),
                "operation", entry.operation().wireName(),
                "direction", entry.operation().direction().name().toLowerCase(Locale.ROOT),
                "status", entry.success() ? 1 : 2,
                "data_count", entry.count(),
                "error_message", entry.success() ? null : entry.detail(),
                "extra_data", extra,
                "started_at", iso(entry.startedAt()),
                "completed_at", iso(entry.completedAt()));
    }

    /** What a requested sync pushed: {@code {"from_seq","to_seq","pushed","resent"}}. */
    static Map<String, Object> syncOutcome(SyncOutcome outcome) {
        return Replies.object(
                "from_seq", outcome.fromSeq(),
                "to_seq", outcome.toSeq(),
                "pushed", outcome.pushed(),
                "resent", outcome.resent());
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
