package io.weathersync.application.port.in;

import io.weathersync.domain.cluster.NodeChanges;
import io.weathersync.domain.cluster.RegisteredNode;

import java.util.Optional;

/** Edits a registered node (seed 002's {@code PUT /api/v1/cascade/nodes/{id}}). */
public interface UpdateNodeUseCase {

    /**
     * The node after the changes, or empty when there is no such node.
     *
     * @throws IllegalArgumentException naming the field when a new value is invalid or the new name is taken
     */
    Optional<RegisteredNode> update(String nodeId, NodeChanges changes);
}
