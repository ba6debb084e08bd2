package io.weathersync.adapter.http.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeChanges;
import io.weathersync.wire.JsonFaults;

import java.util.Optional;
import java.util.Set;

/**
 * Reads the body of {@code PUT /api/v1/cascade/nodes/{id}}: {@code name}, {@code description}, {@code api_url},
 * {@code is_active}, {@code sync_config} (a JSON object), each optional, absent or null = unchanged. The other
 * fields of a listed node are accepted and ignored, so an admin page may send back the node it read; any other
 * field is a 400 naming it.
 */
final class NodeEdits {

    private static final Set<String> EDITABLE = Set.of("name", "description", "api_url", "is_active", "sync_config");
    private static final Set<String> KNOWN = Set.of("name", "description", "api_url", "is_active", "sync_config",
            "id", "node_id", "node_type", "api_key", "parent_id", "status", "last_sync_at", "last_heartbeat_at",
            "created_at", "updated_at");

    private NodeEdits() {
    }

    static NodeChanges read(BodyFields body) {
        body.rejectUnknown(KNOWN);
        NodeChanges changes = new NodeChanges(body.string("name", 64), body.string("description", 500),
                body.string("api_url", 2000), body.bool("is_active"), syncConfig(body));
        if (changes.equals(new NodeChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()))) {
            throw ApiException.badRequest("body: names nothing to change; give any of "
                    + String.join(", ", EDITABLE.stream().sorted().toList()));
        }
        return changes;
    }

    private static Optional<String> syncConfig(BodyFields body) {
        Optional<JsonNode> value = body.node("sync_config");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.get().isObject()) {
            throw ApiException.badRequest(body.path("sync_config") + ": must be a JSON object, was "
                    + JsonFaults.describe(value.get()));
        }
        String text = value.get().toString();
        if (text.length() > Node.MAX_SYNC_CONFIG) {
            throw ApiException.badRequest(body.path("sync_config") + ": must be at most " + Node.MAX_SYNC_CONFIG
                    + " characters as JSON, was " + text.length());
        }
        return Optional.of(text);
    }
}
