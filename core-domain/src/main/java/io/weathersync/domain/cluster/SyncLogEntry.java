package io.weathersync.domain.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the sync log: what a slave pulled, was pushed or reported, when, and with what result.
 *
 * @param nodeId  which node
 * @param at      when
 * @param kind    {@code pull}, {@code push}, {@code request} or {@code report}
 * @param success whether it succeeded
 * @param fromSeq first seq concerned (0 when none)
 * @param toSeq   last seq concerned (0 when none)
 * @param count   how many readings
 * @param detail  free text (an error, the report's body), at most 2,000 characters
 */
public record SyncLogEntry(String nodeId, Instant at, String kind, boolean success, long fromSeq, long toSeq,
                           int count, String detail) {

    /** Requires a node, a time and a kind; trims the detail to its bound. */
    public SyncLogEntry {
        Objects.requireNonNull(nodeId, "node_id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail.length() > 2000 ? detail.substring(0, 2000) : detail;
    }
}
