package io.weathersync.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.cluster.RegistryBackup;
import io.weathersync.domain.cluster.RegistryEntry;
import io.weathersync.domain.cluster.StoredCredential;
import io.weathersync.domain.message.RejectedMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * The registry a slave keeps a copy of, in the wire format: {@code {"nodes":[{"id","node_type","name",
 * "description","api_url","active","sync_config","created_at","updated_at","api_key","secret_hash"}]}}, the last
 * two {@code null} for a node without credentials. Reading is strict, all or nothing, naming {@code nodes[N]}.
 */
final class RegistryFields {

    private RegistryFields() {
    }

    static void write(RegistryBackup registry, ObjectNode root) {
        ArrayNode nodes = root.putArray("nodes");
        for (RegistryEntry entry : registry.entries()) {
            Node node = entry.node();
            ObjectNode item = nodes.addObject();
            item.put("id", node.id());
            item.put("node_type", node.type().code());
            item.put("name", node.name());
            item.put("description", node.description());
            item.put("api_url", node.apiUrl());
            item.put("active", node.active());
            item.put("sync_config", node.syncConfig());
            item.put("created_at", node.createdAt().toString());
            item.put("updated_at", node.updatedAt().toString());
            item.put("api_key", entry.credential() == null ? null : entry.credential().apiKey());
            item.put("secret_hash", entry.credential() == null ? null : entry.credential().secretHash());
        }
    }

    static RegistryBackup read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw JsonFaults.notObject(root);
        }
        JsonNode nodes = root.get("nodes");
        if (nodes == null || !nodes.isArray()) {
            throw JsonFaults.wrongType("nodes", "an array of node objects", nodes);
        }
        List<RegistryEntry> entries = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            try {
                entries.add(entry(nodes.get(i)));
            } catch (RejectedMessage e) {
                throw JsonFaults.at("nodes[" + i + "]", e);
            } catch (IllegalArgumentException e) {
                throw JsonFaults.at("nodes[" + i + "]", JsonFaults.invalid(e.getMessage()));
            }
        }
        try {
            return new RegistryBackup(entries);
        } catch (IllegalArgumentException e) {
            throw JsonFaults.invalid(e.getMessage());
        }
    }

    private static RegistryEntry entry(JsonNode item) {
        if (item == null || !item.isObject()) {
            throw JsonFaults.notObject(item);
        }
        JsonNode active = item.get("active");
        if (active == null || !active.isBoolean()) {
            throw JsonFaults.wrongType("active", "true or false", active);
        }
        String id = FieldReader.string(item, "id");
        Node node = new Node(id, NodeType.ofCode((int) FieldReader.wholeNumber(item, "node_type")),
                FieldReader.string(item, "name"), FieldReader.optionalString(item, "description"),
                FieldReader.optionalString(item, "api_url"), active.booleanValue(),
                FieldReader.optionalString(item, "sync_config"), FieldReader.instant(item, "created_at"),
                FieldReader.instant(item, "updated_at"));
        String key = FieldReader.optionalString(item, "api_key");
        String hash = FieldReader.optionalString(item, "secret_hash");
        if ((key == null) != (hash == null)) {
            throw JsonFaults.invalid("api_key and secret_hash: both or neither");
        }
        return new RegistryEntry(node, key == null ? null : new StoredCredential(id, key, hash));
    }
}
