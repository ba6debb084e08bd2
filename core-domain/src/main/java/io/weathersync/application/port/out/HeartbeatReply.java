package io.weathersync.application.port.out;

import io.weathersync.domain.model.StreamId;

/**
 * The master's answer to a heartbeat.
 *
 * @param stream    the master's stream
 * @param head      the master's head
 * @param publicKey the master's Ed25519 public key, Base64 X.509
 * @param nodeName  the name the master registered the asking slave under, or {@code null} when not told
 */
public record HeartbeatReply(StreamId stream, long head, String publicKey, String nodeName) {
}
