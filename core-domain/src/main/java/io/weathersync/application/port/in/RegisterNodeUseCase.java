package io.weathersync.application.port.in;

import io.weathersync.domain.cluster.NewNode;
import io.weathersync.domain.cluster.Node;

/** Registers a node with the master (seed 002's {@code POST /api/v1/cascade/nodes}). */
public interface RegisterNodeUseCase {

    /**
     * Registers an enabled node with a new id.
     *
     * @throws IllegalArgumentException naming the field when the request is invalid or the name is taken
     */
    Node register(NewNode request);
}
