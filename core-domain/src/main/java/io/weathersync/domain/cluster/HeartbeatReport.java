package io.weathersync.domain.cluster;

import io.weathersync.domain.model.StreamId;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What one heartbeat said, field by field: each is what the node reported, or empty when it left it out (seed
 * 002's client sends a heartbeat with no body at all). {@code stream} and {@code appliedSeq} describe the replica
 * together: when either is reported, both count as reported, an absent stream then meaning "none". No
 * {@code lastSync} keeps the one known: a slave that restarted has not synced since, but its data is as fresh.
 *
 * @param stream     the stream its replica follows
 * @param appliedSeq the seq its replica is complete through
 * @param lastSync   when it last completed a sync
 * @param uptime     how long it has been running
 * @param version    its software version
 * @param host       the address it serves on
 * @param port       the port it serves on
 */
public record HeartbeatReport(Optional<StreamId> stream, OptionalLong appliedSeq, Optional<Instant> lastSync,
                              Optional<Duration> uptime, Optional<String> version, Optional<String> host,
                              OptionalInt port) {

    /** A heartbeat that reports nothing but that the node is alive. */
    public static final HeartbeatReport ALIVE = new HeartbeatReport(Optional.empty(), OptionalLong.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty());

    /** Requires every part (each may be empty); the values themselves are checked by {@link Heartbeat}. */
    public HeartbeatReport {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(appliedSeq, "applied_seq");
        Objects.requireNonNull(lastSync, "last_sync");
        Objects.requireNonNull(uptime, "uptime");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
    }

    /** A report of every field of {@code heartbeat}, as a weather-sync slave sends it. */
    public static HeartbeatReport of(Heartbeat heartbeat) {
        return new HeartbeatReport(Optional.ofNullable(heartbeat.stream()), OptionalLong.of(heartbeat.appliedSeq()),
                Optional.ofNullable(heartbeat.lastSync()), Optional.of(heartbeat.uptime()),
                Optional.of(heartbeat.version()), Optional.of(heartbeat.host()), OptionalInt.of(heartbeat.port()));
    }

    /**
     * What the master knows of the node after this report: each reported field replaces what {@code known} said,
     * every other field stays as it was; with nothing known ({@code null}), an unreported field is empty.
     *
     * @throws IllegalArgumentException naming the field when a reported value cannot be
     */
    public Heartbeat applyTo(Heartbeat known) {
        Heartbeat base = known != null ? known : new Heartbeat(null, 0, null, Duration.ZERO, "", "", 0);
        boolean positionReported = stream.isPresent() || appliedSeq.isPresent();
        return new Heartbeat(
                positionReported ? stream.orElse(null) : base.stream(),
                positionReported ? appliedSeq.orElse(0) : base.appliedSeq(),
                lastSync.orElse(base.lastSync()),
                uptime.orElse(base.uptime()),
                version.orElse(base.version()),
                host.orElse(base.host()),
                port.orElse(base.port()));
    }
}
