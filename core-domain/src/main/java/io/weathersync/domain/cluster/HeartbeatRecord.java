package io.weathersync.domain.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * A heartbeat as the master recorded it.
 *
 * @param nodeId     from whom
 * @param receivedAt when the master received it
 * @param heartbeat  what it said
 */
public record HeartbeatRecord(String nodeId, Instant receivedAt, Heartbeat heartbeat) {

    /** Requires every part. */
    public HeartbeatRecord {
        Objects.requireNonNull(nodeId, "node_id");
        Objects.requireNonNull(receivedAt, "received_at");
        Objects.requireNonNull(heartbeat, "heartbeat");
    }
}
