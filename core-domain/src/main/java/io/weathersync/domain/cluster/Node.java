package io.weathersync.domain.cluster;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A registered node.
 *
 * @param id          its UUID
 * @param type        parent or child
 * @param name        unique name, 1…64 letters, digits, '.', '_' or '-'
 * @param description free text, at most 500 characters
 * @param apiUrl      its base URL ({@code http(s)://host:port}), or empty
 * @param active      disabled nodes cannot authenticate and are not pushed to
 * @param syncConfig  seed 002's {@code sync_config}: a JSON object the operator keeps with the node, as compact
 *                    text (at most {@value #MAX_SYNC_CONFIG} characters); the master stores it and does not read it
 * @param createdAt   when it was registered
 * @param updatedAt   when it was last changed (registered, edited, enabled or disabled)
 */
public record Node(String id, NodeType type, String name, String description, String apiUrl, boolean active,
                   String syncConfig, Instant createdAt, Instant updatedAt) {

    /** Longest {@code sync_config}, as JSON text. */
    public static final int MAX_SYNC_CONFIG = 2000;
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._-]{1,64}");

    /** Validates the name, the description, the URL and the sync config's bound. */
    public Node {
        Objects.requireNonNull(id, "node_id: must not be null");
        Objects.requireNonNull(type, "node_type: must not be null");
        Objects.requireNonNull(name, "name: must not be null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: must be 1 to 64 letters, digits, '.', '_' or '-', was '" + name + "'");
        }
        description = description == null ? "" : description;
        if (description.length() > 500) {
            throw new IllegalArgumentException("description: must be at most 500 characters");
        }
        apiUrl = apiUrl == null ? "" : apiUrl.strip();
        if (!apiUrl.isEmpty() && !isHttpUrl(apiUrl)) {
            throw new IllegalArgumentException("api_url: must be an http:// or https:// URL, was '" + apiUrl + "'");
        }
        syncConfig = syncConfig == null || syncConfig.isBlank() ? "{}" : syncConfig;
        if (syncConfig.length() > MAX_SYNC_CONFIG) {
            throw new IllegalArgumentException("sync_config: must be at most " + MAX_SYNC_CONFIG
                    + " characters as JSON");
        }
        Objects.requireNonNull(createdAt, "created_at: must not be null");
        Objects.requireNonNull(updatedAt, "updated_at: must not be null");
    }

    /** A node just registered: no sync config yet, updated when created. */
    public Node(String id, NodeType type, String name, String description, String apiUrl, boolean active,
                Instant createdAt) {
        this(id, type, name, description, apiUrl, active, "{}", createdAt, createdAt);
    }

    /** Whether the master can connect to {@code url}: http(s), a host, a valid port (else status and push fail). */
    private static boolean isHttpUrl(String url) {
        if (!url.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && uri.getPort() <= 65_535;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** This node, enabled or disabled. */
    public Node withActive(boolean isActive) {
        return new Node(id, type, name, description, apiUrl, isActive, syncConfig, createdAt, updatedAt);
    }
}
