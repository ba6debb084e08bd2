package io.weathersync.domain.status;

/** How a node is doing, as the status view reports it ({@code running}, {@code degraded}, {@code offline}). */
public enum NodeState {
    /** Answering and up to date (or catching up within the allowed delay). */
    RUNNING,
    /** Answering, but following another stream or behind for longer than allowed. */
    DEGRADED,
    /**
     * Answering and serving its data, but the master's stream changed to one holding fewer readings than it has
     * (the master came back empty): it follows no more until the master is restored or its operator says so.
     */
    DIVERGED,
    /** Not heard from within the offline timeout. */
    OFFLINE
}
