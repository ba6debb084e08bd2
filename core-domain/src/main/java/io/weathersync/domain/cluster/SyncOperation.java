package io.weathersync.domain.cluster;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a sync log entry records, by seed 002's {@code operation} name, and which way its data went. */
public enum SyncOperation {
    /** A slave pulled a page of the master's log ({@code GET /api/v1/cascade/changes}). */
    CATCH_UP(Direction.PULL),
    /** The master pushed a slave what it lacks, on that slave's or an operator's request. */
    SYNC_REQUEST(Direction.PUSH),
    /** A slave reported a result ({@code POST /api/v1/cascade/report-result}). */
    REPORT_RESULT(Direction.PUSH);

    /** Which way data moved: a slave pulling from the master, or a node pushing to the other. */
    public enum Direction {
        /** The slave fetched from the master. */
        PULL,
        /** The sender pushed (the master its changes, a slave its report). */
        PUSH
    }

    private final Direction direction;

    SyncOperation(Direction direction) {
        this.direction = direction;
    }

    /** Which way its data went. */
    public Direction direction() {
        return direction;
    }

    /** Seed 002's name, e.g. {@code catch_up}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The operation named {@code name} ({@code catch_up}, {@code sync_request}, {@code report_result}). */
    public static Optional<SyncOperation> named(String name) {
        return Arrays.stream(values()).filter(op -> op.wireName().equals(name)).findFirst();
    }

    /** Every name, for messages. */
    public static String names() {
        return Arrays.stream(values()).map(SyncOperation::wireName).collect(Collectors.joining(", "));
    }
}
