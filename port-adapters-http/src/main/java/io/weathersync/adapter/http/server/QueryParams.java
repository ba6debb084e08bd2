package io.weathersync.adapter.http.server;

import io.helidon.common.uri.UriQuery;
import io.weathersync.domain.model.City;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads query parameters; a parameter given twice, without {@code =}, empty where a value is needed, or mistyped is
 * a 400.
 */
final class QueryParams {

    private final UriQuery query;

    QueryParams(UriQuery query) {
        this.query = query;
    }

    Optional<String> text(String name) {
        if (!query.contains(name)) {
            return Optional.empty();
        }
        List<String> values = query.all(name);
        if (values.isEmpty()) {
            // Helidon keeps "?name" (no '=') as a name without any value.
            throw ApiException.badRequest(name + ": has no value; write " + name + "=<value>");
        }
        if (values.size() > 1) {
            throw ApiException.badRequest(name + ": given " + values.size() + " times, expected once");
        }
        return Optional.of(values.getFirst());
    }

    String required(String name) {
        String value = text(name).orElseThrow(() -> ApiException.badRequest(name + ": is required"));
        if (value.isBlank()) {
            throw ApiException.badRequest(name + ": must not be empty");
        }
        return value;
    }

    Optional<City> city(String name) {
        return text(name).map(QueryParams::toCity);
    }

    City requiredCity(String name) {
        return toCity(required(name));
    }

    /** A whole number, {@code fallback} when absent; the range is the use case's to check. */
    long whole(String name, long fallback) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.get().strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + ": must be a whole number, was " + ApiException.quote(value.get()));
        }
    }

    /** A whole number that fits an int, {@code fallback} when absent. */
    int wholeInt(String name, int fallback) {
        long value = whole(name, fallback);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw ApiException.badRequest(name + ": out of range, was " + value);
        }
        return (int) value;
    }

    /** An exact instant such as a paging cursor. */
    Optional<Instant> instant(String name) {
        return text(name).filter(value -> !value.isEmpty()).map(value -> {
            try {
                return Times.inRange(name, value, Instant.parse(value));
            } catch (java.time.format.DateTimeParseException e) {
                throw ApiException.badRequest(name + ": must be an ISO-8601 instant such as 2026-11-23T10:00:00Z, was "
                        + ApiException.quote(value));
            }
        });
    }

    private static City toCity(String name) {
        return Validation.valid(() -> new City(name));
    }
}
