package io.weathersync.adapter.http.weather;

import io.weathersync.domain.model.City;
import io.weathersync.domain.model.Coordinates;

import java.util.Optional;

/**
 * Where a source remembers the coordinates it looked up by name, so each name is geocoded once. The app may
 * back it with its store; {@link InMemoryGeocodingCache} keeps them for the life of the process.
 */
public interface GeocodingCache {

    /** The remembered coordinates of {@code city}. */
    Optional<Coordinates> find(City city);

    /** Remembers where {@code city} is. */
    void remember(City city, Coordinates coordinates);
}
