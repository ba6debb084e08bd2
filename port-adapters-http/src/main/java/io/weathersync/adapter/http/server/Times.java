package io.weathersync.adapter.http.server;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses the times clients send: ISO-8601 instants, offset date-times, and (where allowed) plain dates. */
final class Times {

    private Times() {
    }

    /**
     * An instant ({@code 2026-11-23T10:00:00Z}), an offset date-time ({@code …T18:00:00+08:00}), or a local
     * date-time taken as UTC ({@code 2024-01-01T00:00:00}, as seed 002's reports write it).
     */
    static Instant parseDateTime(String field, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
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
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                LocalDate date = LocalDate.parse(text);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest(field + ": must be an ISO-8601 instant (2026-11-23T10:00:00Z) or date"
                        + " (2026-11-23), was " + ApiException.quote(text));
            }
        }
    }
}
