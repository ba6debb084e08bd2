package io.weathersync.application.port.in;

/** Enables or disables a node; a disabled node cannot authenticate and is not pushed to. */
public interface EnableNodeUseCase {

    /** Sets the node's state; false when there is no such node. */
    boolean setActive(String nodeId, boolean active);
}
