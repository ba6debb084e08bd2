package io.weathersync.adapter.http.weather;

import io.weathersync.domain.model.City;
import io.weathersync.domain.model.Coordinates;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Geocoding results in memory, for the life of the process. */
public final class InMemoryGeocodingCache implements GeocodingCache {

    private final Map<City, Coordinates> known = new ConcurrentHashMap<>();

    @Override
    public Optional<Coordinates> find(City city) {
        return Optional.ofNullable(known.get(city));
    }

    @Override
    public void remember(City city, Coordinates coordinates) {
        known.put(city, coordinates);
    }

    /** How many names are remembered. */
    public int size() {
        return known.size();
    }
}
