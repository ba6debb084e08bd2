package io.weathersync.domain.status;

import java.time.Instant;

/**
 * One node's line in the status view (seed 001's fields plus the lag in changes and, when degraded, why).
 *
 * @param name             the node's name
 * @param role             master or slave
 * @param host             where it is reached
 * @param port             its port
 * @param state            running, degraded or offline
 * @param uptimeSeconds    uptime as last reported
 * @param tasksCount       scheduled tasks it runs
 * @param lastSync         when it last completed a sync, or {@code null}
 * @param syncDelaySeconds how long it has been behind (0 when up to date), or {@code null} if never synced
 * @param lagChanges       how many changes it is behind the master's head
 * @param problem          why it is degraded though it answers, or {@code null}
 */
public record NodeStatus(String name, NodeRole role, String host, int port, NodeState state, long uptimeSeconds,
                         int tasksCount, Instant lastSync, Long syncDelaySeconds, long lagChanges, String problem) {

    /** Whether the node counts as online. */
    public boolean online() {
        return state != NodeState.OFFLINE;
    }
}
