package io.weathersync.domain.cluster;

import java.util.Objects;
import java.util.Optional;

/**
 * Which sync log entries to read (seed 002's {@code GET /api/v1/cascade/sync-logs?node_id&operation&limit&offset}):
 * newest first, those of one node and/or one operation, a page of {@code limit} after skipping {@code offset}.
 *
 * @param nodeId    only this node's entries
 * @param operation only this operation's entries
 * @param limit     page size, 1…{@value #MAX_LIMIT}
 * @param offset    entries skipped, 0 or more
 */
public record SyncLogQuery(Optional<String> nodeId, Optional<SyncOperation> operation, int limit, int offset) {

    /** Largest page. */
    public static final int MAX_LIMIT = 200;
    /** Page size when none is asked for. */
    public static final int DEFAULT_LIMIT = 50;

    /** Checks the page. */
    public SyncLogQuery {
        Objects.requireNonNull(nodeId, "node_id");
        Objects.requireNonNull(operation, "operation");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset: must not be negative, was " + offset);
        }
    }

    /** Whether {@code entry} is one this query selects (paging aside). */
    public boolean selects(SyncLogEntry entry) {
        return nodeId.map(entry.nodeId()::equals).orElse(true)
                && operation.map(op -> op == entry.operation()).orElse(true);
    }
}
