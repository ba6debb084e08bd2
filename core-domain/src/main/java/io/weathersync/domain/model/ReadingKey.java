package io.weathersync.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The identity of a reading: one observation of one city.
 *
 * @param city       the city (case-insensitive)
 * @param observedAt the observation time
 */
public record ReadingKey(City city, Instant observedAt) {

    /** Requires both parts. */
    public ReadingKey {
        Objects.requireNonNull(city, "city: must not be null");
        Objects.requireNonNull(observedAt, "timestamp: must not be null");
    }
}
