package io.weathersync.domain.status;

/** A node's place in the cluster. */
public enum NodeRole {
    /** Collects, stores and broadcasts readings. */
    MASTER,
    /** Holds a replica of the master's readings. */
    SLAVE
}
