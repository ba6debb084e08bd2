package io.weathersync.application.port.in;

import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeType;

import java.util.List;
import java.util.Optional;

/** Lists the master's registered nodes. */
public interface ListNodesUseCase {

    /** All nodes, or those of one type, oldest first. */
    List<Node> list(Optional<NodeType> type);

    /** One node by id. */
    Optional<Node> find(String id);
}
