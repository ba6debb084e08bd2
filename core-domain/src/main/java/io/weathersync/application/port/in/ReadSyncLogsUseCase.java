package io.weathersync.application.port.in;

import io.weathersync.domain.cluster.SyncLogEntry;

import java.util.List;
import java.util.Optional;

/** Reads the master's sync log. */
public interface ReadSyncLogsUseCase {

    /** Largest page. */
    int MAX_LIMIT = 500;

    /**
     * The newest entries, of one node or all.
     *
     * @throws IllegalArgumentException when {@code limit} is outside 1…{@link #MAX_LIMIT}
     */
    List<SyncLogEntry> read(Optional<String> nodeId, int limit);
}
