package io.weathersync.domain.cluster;

import java.util.Objects;

/**
 * A sync log entry as the registry stored it, under the id it gave it.
 *
 * @param id    ascending in the order entries were appended
 * @param entry what was logged
 */
public record SyncLogRecord(long id, SyncLogEntry entry) {

    /** Requires a positive id and an entry. */
    public SyncLogRecord {
        if (id < 1) {
            throw new IllegalArgumentException("id: must be positive, was " + id);
        }
        Objects.requireNonNull(entry, "entry");
    }
}
