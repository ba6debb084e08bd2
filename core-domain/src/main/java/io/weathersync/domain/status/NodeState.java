package io.weathersync.domain.status;

/** How a node is doing, as the status view reports it ({@code running}, {@code degraded}, {@code offline}). */
public enum NodeState {
    /** Answering and up to date (or catching up within the allowed delay). */
    RUNNING,
    /** Answering, but following another stream or behind for longer than allowed. */
    DEGRADED,
    /** Not heard from within the offline timeout. */
    OFFLINE
}
