package io.weathersync.application.port.out;

import io.weathersync.domain.model.StreamId;

import java.time.Duration;
import java.util.Objects;

/**
 * The master's answer to a heartbeat.
 *
 * @param stream     the master's stream
 * @param head       the master's head
 * @param publicKey  the master's Ed25519 public key, Base64 X.509
 * @param nodeName   the name the master registered the asking slave under, or {@code null} when not told
 * @param uptime     how long the master has been running ({@link Duration#ZERO} when not told)
 * @param tasksCount the master's scheduled tasks (seed 001's {@code tasks_count}; 0 when not told)
 */
public record HeartbeatReply(StreamId stream, long head, String publicKey, String nodeName, Duration uptime,
                             int tasksCount) {

    /** Requires an uptime that is not negative, and a count that is not either. */
    public HeartbeatReply {
        Objects.requireNonNull(uptime, "uptime");
        if (uptime.isNegative() || tasksCount < 0) {
            throw new IllegalArgumentException("uptime, tasks_count: must not be negative");
        }
    }
}
