package io.weathersync.application.port.in;

import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.cluster.RegisteredNode;

import java.util.List;
import java.util.Optional;

/** Lists the master's registered nodes, each with its key id, last heartbeat and availability. */
public interface ListNodesUseCase {

    /** All nodes, or those of one type, oldest first. */
    List<RegisteredNode> list(Optional<NodeType> type);

    /** One node by id. */
    Optional<RegisteredNode> find(String id);
}
