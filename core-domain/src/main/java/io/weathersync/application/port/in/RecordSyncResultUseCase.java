package io.weathersync.application.port.in;

import io.weathersync.domain.cluster.SyncLogEntry;

/** Appends what happened in a sync to the master's sync log. */
public interface RecordSyncResultUseCase {

    /** Records one entry. */
    void record(SyncLogEntry entry);
}
