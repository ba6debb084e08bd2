package io.weathersync.application.port.in;

/** Removes a node from the registry; its credentials stop working at once (its sync log stays). */
public interface DeleteNodeUseCase {

    /** Removes the node; false when there is no such node. */
    boolean delete(String nodeId);
}
