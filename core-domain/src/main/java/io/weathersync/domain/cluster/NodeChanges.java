package io.weathersync.domain.cluster;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An operator's edit of a node (seed 002's {@code PUT …/nodes/{id}}): each field is the new value, or empty to
 * keep the current one. The id, the type and the creation time never change.
 *
 * @param name        a new unique name
 * @param description a new description
 * @param apiUrl      a new base URL ({@code ""} removes it)
 * @param active      enabled or disabled
 * @param syncConfig  a new {@code sync_config}, as compact JSON object text
 */
public record NodeChanges(Optional<String> name, Optional<String> description, Optional<String> apiUrl,
                          Optional<Boolean> active, Optional<String> syncConfig) {

    /** Requires every part (each may be empty). */
    public NodeChanges {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(apiUrl, "api_url");
        Objects.requireNonNull(active, "is_active");
        Objects.requireNonNull(syncConfig, "sync_config");
    }

    /** Only enabling or disabling. */
    public static NodeChanges active(boolean isActive) {
        return new NodeChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(isActive),
                Optional.empty());
    }

    /**
     * {@code node} with these changes, updated {@code at}.
     *
     * @throws IllegalArgumentException naming the field when a new value is not valid
     */
    public Node applyTo(Node node, Instant at) {
        return new Node(node.id(), node.type(), name.orElse(node.name()), description.orElse(node.description()),
                apiUrl.orElse(node.apiUrl()), active.orElse(node.active()), syncConfig.orElse(node.syncConfig()),
                node.createdAt(), at);
    }
}
