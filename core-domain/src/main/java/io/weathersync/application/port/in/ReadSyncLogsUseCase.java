package io.weathersync.application.port.in;

import io.weathersync.domain.cluster.SyncLogPage;
import io.weathersync.domain.cluster.SyncLogQuery;

/** Reads the master's sync log. */
public interface ReadSyncLogsUseCase {

    /** The page {@code query} asks for, newest first, with the number of entries it selects in all. */
    SyncLogPage read(SyncLogQuery query);
}
