package io.weathersync.domain.model;

import java.util.Objects;

/**
 * Seed 003's counter: how many readings a source delivered for a city.
 *
 * @param source the source's name, e.g. {@code open-meteo}
 * @param city   the city's name
 * @param count  readings counted, 0 or more
 */
public record ReadingCount(String source, String city, long count) {

    /** Requires a source, a city and a count of 0 or more. */
    public ReadingCount {
        Objects.requireNonNull(source, "source: must not be null");
        Objects.requireNonNull(city, "city: must not be null");
        if (count < 0) {
            throw new IllegalArgumentException("count: must be 0 or more, was " + count);
        }
    }
}
