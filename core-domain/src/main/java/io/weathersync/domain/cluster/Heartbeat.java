package io.weathersync.domain.cluster;

import io.weathersync.domain.model.StreamId;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a slave reports about itself at each heartbeat.
 *
 * @param stream     the stream its replica follows, or {@code null}
 * @param appliedSeq the seq its replica is complete through
 * @param lastSync   when it last completed a sync, or {@code null}
 * @param uptime     how long it has been running
 * @param version    its software version
 * @param host       the address it was seen from or reports
 * @param port       the port it serves on (0 when unknown)
 */
public record Heartbeat(StreamId stream, long appliedSeq, Instant lastSync, Duration uptime, String version,
                        String host, int port) {

    /** Checks the numbers. */
    public Heartbeat {
        if (appliedSeq < 0) {
            throw new IllegalArgumentException("applied_seq: must not be negative, was " + appliedSeq);
        }
        Objects.requireNonNull(uptime, "uptime: must not be null");
        if (uptime.isNegative()) {
            throw new IllegalArgumentException("uptime: must not be negative");
        }
        version = version == null ? "" : version;
        host = host == null ? "" : host;
    }
}
