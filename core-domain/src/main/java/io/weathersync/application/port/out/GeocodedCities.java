package io.weathersync.application.port.out;

import io.weathersync.domain.model.City;
import io.weathersync.domain.model.GeocodingAnswer;

import java.util.Optional;

/**
 * Where a weather source remembers what looking city names up gave, so that a name is geocoded once and not
 * again after a restart. One answer per city (names equal as {@link City} share it); times are kept to the
 * millisecond.
 */
public interface GeocodedCities {

    /** The last answer remembered for {@code city}, if its name was ever looked up. */
    Optional<GeocodingAnswer> find(City city);

    /**
     * Remembers {@code answer} for {@code city}, replacing any earlier answer for it.
     *
     * @throws NullPointerException naming the argument when either is null (then nothing changes)
     */
    void remember(City city, GeocodingAnswer answer);
}
