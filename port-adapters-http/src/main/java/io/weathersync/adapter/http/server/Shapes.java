package io.weathersync.adapter.http.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weathersync.application.port.out.SyncOutcome;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.SyncLogEntry;
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
                "lag_changes", node.lagChanges());
    }

    /** A registered node; it never carries a credential or its hash. */
    static Map<String, Object> node(Node node) {
        return Replies.object(
                "node_id", node.id(),
                "node_type", node.type().code(),
                "name", node.name(),
                "description", node.description(),
                "api_url", node.apiUrl(),
                "is_active", node.active(),
                "created_at", iso(node.createdAt()));
    }

    static Map<String, Object> syncLog(SyncLogEntry entry) {
        return Replies.object(
                "node_id", entry.nodeId(),
                "at", iso(entry.at()),
                "kind", entry.kind(),
                "success", entry.success(),
                "from_seq", entry.fromSeq(),
                "to_seq", entry.toSeq(),
                "count", entry.count(),
                "detail", entry.detail());
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
