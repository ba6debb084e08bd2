package io.weathersync.domain.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the sync log: what a slave pulled, was pushed or reported, when, and with what result.
 *
 * @param nodeId      which node
 * @param operation   what happened
 * @param success     whether it succeeded
 * @param count       how many readings it carried
 * @param fromSeq     first seq concerned (0 when none)
 * @param toSeq       last seq concerned (0 when none)
 * @param startedAt   when it began
 * @param completedAt when it ended
 * @param taskId      the task a report belongs to (seed 002's {@code task_id}), or empty
 * @param detail      the error when it failed; else what else is known (a re-sent range, a report's body); at most
 *                    2,000 characters
 */
public record SyncLogEntry(String nodeId, SyncOperation operation, boolean success, int count, long fromSeq,
                           long toSeq, Instant startedAt, Instant completedAt, String taskId, String detail) {

    /** Longest detail kept. */
    public static final int MAX_DETAIL = 2000;
    /** Longest task id kept. */
    public static final int MAX_TASK_ID = 200;

    /** Requires a node, an operation and both times; trims the texts to their bounds. */
    public SyncLogEntry {
        Objects.requireNonNull(nodeId, "node_id");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(startedAt, "started_at");
        Objects.requireNonNull(completedAt, "completed_at");
        if (completedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("completed_at: must not be before started_at " + startedAt
                    + ", was " + completedAt);
        }
        taskId = cut(taskId, MAX_TASK_ID);
        detail = cut(detail, MAX_DETAIL);
    }

    /** An entry of something that happened at one instant (a page served, a report received). */
    public static SyncLogEntry at(String nodeId, SyncOperation operation, boolean success, int count, long fromSeq,
                                  long toSeq, Instant at, String detail) {
        return new SyncLogEntry(nodeId, operation, success, count, fromSeq, toSeq, at, at, "", detail);
    }

    private static String cut(String text, int max) {
        return text == null ? "" : text.length() > max ? text.substring(0, max) : text;
    }
}
