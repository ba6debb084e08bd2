package io.weathersync.application.port.in;

/** Asks a slave's replication to catch up from the master soon, without waiting for it (heartbeat, reconnect). */
public interface RequestCatchUpUseCase {

    /** Schedules a catch-up after the work already queued; returns at once. */
    void requestCatchUp();
}
