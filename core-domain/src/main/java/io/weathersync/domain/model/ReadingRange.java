package io.weathersync.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Readings observed in [start, end), of one city or of all.
 *
 * @param city  the city, or {@code null} for every city
 * @param start inclusive
 * @param end   exclusive
 */
public record ReadingRange(City city, Instant start, Instant end) {

    /** Everything ever observed. */
    public static final ReadingRange ALL = new ReadingRange(null, Instant.EPOCH, Instant.parse("9999-12-31T00:00:00Z"));

    /** Requires a non-empty range. */
    public ReadingRange {
        Objects.requireNonNull(start, "start_date: must not be null");
        Objects.requireNonNull(end, "end_date: must not be null");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException(end.isBefore(start)
                    ? "end_date: " + end + " is before start_date " + start + "; swap them"
                    : "end_date: equals start_date " + start + ", so the range holds nothing; give a later end_date");
        }
    }

    /** The city, when the range is of one. */
    public Optional<City> onlyCity() {
        return Optional.ofNullable(city);
    }

    /** Whether {@code reading} lies in the range. */
    public boolean contains(WeatherReading reading) {
        return (city == null || city.equals(reading.city()))
                && !reading.observedAt().isBefore(start) && reading.observedAt().isBefore(end);
    }
}
