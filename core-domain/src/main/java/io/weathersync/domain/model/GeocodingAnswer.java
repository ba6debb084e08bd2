package io.weathersync.domain.model;

import java.time.Instant;
import java.util.Objects;

/** What looking a city's name up gave, and when: its coordinates, or that the name matched nothing. */
public sealed interface GeocodingAnswer {

    /** When the lookup answered. */
    Instant at();

    /**
     * The name matched a place.
     *
     * @param coordinates where it is
     * @param at          when the lookup answered
     */
    record Found(Coordinates coordinates, Instant at) implements GeocodingAnswer {

        /** Requires both. */
        public Found {
            Objects.requireNonNull(coordinates, "coordinates: must not be null");
            Objects.requireNonNull(at, "at: must not be null");
        }
    }

    /**
     * The name matched no place.
     *
     * @param at when the lookup answered
     */
    record NotFound(Instant at) implements GeocodingAnswer {

        /** Requires the time. */
        public NotFound {
            Objects.requireNonNull(at, "at: must not be null");
        }
    }
}
