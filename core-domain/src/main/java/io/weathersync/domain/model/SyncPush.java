package io.weathersync.domain.model;

import java.util.Objects;

/**
 * A page of the master's log pushed to one slave (seed 001's {@code /api/dms/sync/receive}).
 *
 * @param kind  {@link Kind#CATCH_UP}: the page of changes after {@code after}, to apply like a pulled page;
 *              {@link Kind#REPAIR}: readings re-sent so the slave overwrites any that differ
 * @param after the seq the page starts after (0 for a repair page)
 * @param page  the changes, head and complete-through
 */
public record SyncPush(Kind kind, long after, ChangePage page) {

    /** What the slave does with the page. */
    public enum Kind {
        /** Apply like a pulled page and advance the applied seq. */
        CATCH_UP,
        /** Overwrite readings that differ, without moving the applied seq. */
        REPAIR
    }

    /** Requires a kind, a page and a non-negative start. */
    public SyncPush {
        Objects.requireNonNull(kind, "kind: must not be null");
        Objects.requireNonNull(page, "page: must not be null");
        if (after < 0) {
            throw new IllegalArgumentException("after: must not be negative, was " + after);
        }
        if (kind == Kind.CATCH_UP && after > page.completeThrough()) {
            throw new IllegalArgumentException("after: must not exceed complete_through " + page.completeThrough());
        }
    }
}
