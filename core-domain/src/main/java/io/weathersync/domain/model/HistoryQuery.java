package io.weathersync.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A bounded request for a city's history: observations in [start, end), after a cursor, at most a page.
 *
 * @param city  the city
 * @param start inclusive
 * @param end   exclusive
 * @param after only observations strictly after this time (the previous page's cursor, within [start, end)),
 *              or {@code null}
 * @param limit page size, 1…{@link #MAX_LIMIT}
 */
public record HistoryQuery(City city, Instant start, Instant end, Instant after, int limit) {

    /** Largest page. */
    public static final int MAX_LIMIT = 1000;
    /** Longest span one query may cover. */
    public static final Duration MAX_SPAN = Duration.ofDays(366);

    /** Checks the range, the span and the page size. */
    public HistoryQuery {
        Objects.requireNonNull(city, "city: must not be null");
        Objects.requireNonNull(start, "start: must not be null");
        Objects.requireNonNull(end, "end: must not be null");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException(end.isBefore(start)
                    ? "end: " + end + " is before start " + start + "; swap them"
                    : "end: equals start " + start + ", so the range [start, end) holds nothing; give a later end");
        }
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw new IllegalArgumentException("end: the span from start must be at most " + MAX_SPAN.toDays() + " days");
        }
        if (after != null && (after.isBefore(start) || !after.isBefore(end))) {
            // A cursor outside the range would widen it (before start) or is not one a page returned.
            throw new IllegalArgumentException(
                    "after: must be within [start " + start + ", end " + end + "), was " + after);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** The lower bound the store should apply: the cursor if there is one, else the start. */
    public Instant effectiveAfterOrAt() {
        return after == null ? start : after;
    }
}
