package io.weathersync.domain.status;

import io.weathersync.domain.cluster.NodeAvailability;
import io.weathersync.domain.model.StreamId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Computes the status view from what is known of each node and the master's head, at the clock's now.
 *
 * <p>A node is offline when it has not been heard from for more than {@code offlineAfter}; exactly at the
 * bound it is still online ({@link NodeAvailability#silent}, the registry's rule too). An online node that says it
 * diverged (it keeps data the master's new stream lacks) is diverged. Otherwise an online node is degraded
 * when it has a problem (it answers but cannot do its work), follows another stream than the master's, or has been
 * behind for more than {@code offlineAfter}.
 */
public final class StatusAggregator {

    private final Clock clock;
    private final Duration offlineAfter;

    /** An aggregator that marks nodes offline after {@code offlineAfter} of silence. */
    public StatusAggregator(Clock clock, Duration offlineAfter) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (offlineAfter.isNegative() || offlineAfter.isZero()) {
            throw new IllegalArgumentException("offline_after: must be positive, was " + offlineAfter);
        }
        this.offlineAfter = offlineAfter;
    }

    /** The status of {@code nodes} against a master whose log is {@code masterStream} at {@code masterHead}. */
    public ClusterStatus aggregate(StreamId masterStream, long masterHead, List<NodeObservation> nodes) {
        Instant now = clock.instant();
        return ClusterStatus.of(nodes.stream().map(node -> status(node, masterStream, masterHead, now)).toList());
    }

    private NodeStatus status(NodeObservation node, StreamId masterStream, long masterHead, Instant now) {
        boolean sameStream = masterStream != null && masterStream.equals(node.stream());
        long lag = sameStream ? Math.max(0, masterHead - node.appliedSeq()) : masterHead;
        Long delay = syncDelay(node, lag, now);
        NodeState state;
        if (NodeAvailability.silent(node.lastSeen(), now, offlineAfter)) {
            state = NodeState.OFFLINE;
        } else if (node.diverged()) {
            state = NodeState.DIVERGED;
        } else if (node.problem() != null || (!sameStream && masterHead > 0)
                || (delay != null && delay > offlineAfter.toSeconds())) {
            state = NodeState.DEGRADED;
        } else {
            state = NodeState.RUNNING;
        }
        return new NodeStatus(node.name(), node.role(), node.host(), node.port(), state, node.uptime().toSeconds(),
                node.tasksCount(), node.lastSync(), delay, lag, node.problem());
    }

    private static Long syncDelay(NodeObservation node, long lag, Instant now) {
        if (lag == 0) {
            return 0L;
        }
        if (node.lastSync() == null) {
            return null;
        }
        return Math.max(0, Duration.between(node.lastSync(), now).toSeconds());
    }
}
