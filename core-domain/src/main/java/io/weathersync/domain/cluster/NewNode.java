package io.weathersync.domain.cluster;

import java.util.Objects;

/**
 * A request to register a node (seed 002's body).
 *
 * @param type        parent or child
 * @param name        unique name
 * @param description free text
 * @param apiUrl      its base URL, or empty
 */
public record NewNode(NodeType type, String name, String description, String apiUrl) {

    /** Requires a type and a name; the rest is checked when the {@link Node} is made. */
    public NewNode {
        Objects.requireNonNull(type, "node_type: is required");
        Objects.requireNonNull(name, "name: is required");
    }
}
