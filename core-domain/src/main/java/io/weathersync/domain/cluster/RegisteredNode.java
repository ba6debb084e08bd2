package io.weathersync.domain.cluster;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A node as the registry lists it: its record, its public key id, what its last heartbeat said and whether it is
 * online now.
 *
 * @param node          the node
 * @param apiKey        the key of its current credential ({@code CN…}), never the secret; empty before one is issued
 * @param lastHeartbeat its last heartbeat, if any
 * @param availability  offline, online or disabled
 */
public record RegisteredNode(Node node, Optional<String> apiKey, Optional<HeartbeatRecord> lastHeartbeat,
                             NodeAvailability availability) {

    /** Requires every part. */
    public RegisteredNode {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(apiKey, "api_key");
        Objects.requireNonNull(lastHeartbeat, "last_heartbeat");
        Objects.requireNonNull(availability, "availability");
    }

    /** When its last heartbeat arrived. */
    public Optional<Instant> lastHeartbeatAt() {
        return lastHeartbeat.map(HeartbeatRecord::receivedAt);
    }

    /** When it last completed a sync, as it reported. */
    public Optional<Instant> lastSyncAt() {
        return lastHeartbeat.map(beat -> beat.heartbeat().lastSync());
    }
}
