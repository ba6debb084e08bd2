package io.weathersync.domain.status;

import java.util.List;

/**
 * The status view of seed 001: every node, how many there are and how many are online.
 *
 * @param nodes       one line per node, master first
 * @param totalNodes  {@code nodes.size()}
 * @param onlineNodes nodes not offline
 */
public record ClusterStatus(List<NodeStatus> nodes, int totalNodes, int onlineNodes) {

    /** Derives the totals from the nodes. */
    public static ClusterStatus of(List<NodeStatus> nodes) {
        return new ClusterStatus(List.copyOf(nodes), nodes.size(),
                (int) nodes.stream().filter(NodeStatus::online).count());
    }
}
