package io.weathersync.domain.status;

import io.weathersync.domain.model.StreamId;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What is known of a node: what it last reported and when it was last heard from.
 *
 * @param name       the node's name
 * @param role       master or slave
 * @param host       where it is reached
 * @param port       its port (0 when unknown)
 * @param uptime     its uptime when it last reported
 * @param tasksCount scheduled tasks it runs
 * @param lastSeen   when it was last heard from (its last heartbeat), or {@code null} if never
 * @param lastSync   when it last completed a sync, or {@code null}
 * @param stream     the stream its data follows, or {@code null}
 * @param appliedSeq the seq its data is complete through
 * @param problem    why it cannot do its work though it answers (its credentials refused, its weather source
 *                   failing), or {@code null}
 * @param diverged   whether it keeps data the master's new stream lacks and follows no more (a slave's own view)
 */
public record NodeObservation(String name, NodeRole role, String host, int port, Duration uptime, int tasksCount,
                              Instant lastSeen, Instant lastSync, StreamId stream, long appliedSeq, String problem,
                              boolean diverged) {

    /** Requires a name, a role and an uptime. */
    public NodeObservation {
        Objects.requireNonNull(name, "name: must not be null");
        Objects.requireNonNull(role, "role: must not be null");
        Objects.requireNonNull(uptime, "uptime: must not be null");
    }

    /** A node that has not diverged. */
    public NodeObservation(String name, NodeRole role, String host, int port, Duration uptime, int tasksCount,
                           Instant lastSeen, Instant lastSync, StreamId stream, long appliedSeq, String problem) {
        this(name, role, host, port, uptime, tasksCount, lastSeen, lastSync, stream, appliedSeq, problem, false);
    }

    /** A node without a known problem. */
    public NodeObservation(String name, NodeRole role, String host, int port, Duration uptime, int tasksCount,
                           Instant lastSeen, Instant lastSync, StreamId stream, long appliedSeq) {
        this(name, role, host, port, uptime, tasksCount, lastSeen, lastSync, stream, appliedSeq, null, false);
    }
}
