package io.weathersync.adapter.http.server;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses the times clients send: ISO-8601 instants, offset date-times, and (where allowed) plain dates. */
final class Times {

    /** The earliest time a client may name: years beyond 1…9999 are no weather and overflow stores' arithmetic. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest time a client may name (exclusive). */
    static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private Times() {
    }

    /** {@code time} when it lies within years 1…9999; else a 400 naming {@code field}. */
    static Instant inRange(String field, String text, Instant time) {
        if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
            throw outOfRange(field, text);
        }
        return time;
    }

    private static ApiException outOfRange(String field, String text) {
        return ApiException.badRequest(field + ": out of range, must lie within years 0001 to 9999, was "
                + ApiException.quote(text));
    }

    /**
     * An instant ({@code 2026-11-23T10:00:00Z}), an offset date-time ({@code …T18:00:00+08:00}), or a local
     * date-time taken as UTC ({@code 2024-01-01T00:00:00}, as seed 002's reports write it).
     */
    static Instant parseDateTime(String field, String text) {
        try {
            return inRange(field, text, OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return inRange(field, text, LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest(field + ": must be an ISO-8601 date-time such as 2026-11-23T10:00:00Z,"
                        + " was " + ApiException.quote(text));
            }
        }
    }

    /**
     * A query bound: an instant or offset date-time, or a date (UTC); a date as an exclusive end means the end
     * of that day, so {@code start=2026-11-01&end=2026-11-30} covers all of November's first 30 days.
     */
    static Instant parseBound(String field, String text, boolean endOfDay) {
        try {
            return inRange(field, text, OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notDateTime) {
            try {
                LocalDate date = LocalDate.parse(text);
                if (date.getYear() < 1 || date.getYear() > 9999) {
                    throw outOfRange(field, text);
                }
                return inRange(field, text, (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC)
                        .toInstant());
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest(field + ": must be an ISO-8601 instant (2026-11-23T10:00:00Z) or date"
                        + " (2026-11-23), was " + ApiException.quote(text));
            }
        }
    }

    /**
     * A 400 saying so plainly when the end a client wrote lies before its start, compared as written (a date as
     * its day's beginning), so {@code start=2026-11-23&end=2026-11-22} is told as such rather than as the empty
     * range the end-of-day rule would make of it.
     */
    static void requireEndNotBeforeStart(String startField, String startText, String endField, String endText) {
        Instant start = parseBound(startField, startText, false);
        Instant end = parseBound(endField, endText, false);
        if (end.isBefore(start)) {
            throw ApiException.badRequest(endField + ": " + endText + " is before " + startField + " " + startText
                    + "; the range runs from " + startField + " to " + endField + ", swap them");
        }
    }
}
