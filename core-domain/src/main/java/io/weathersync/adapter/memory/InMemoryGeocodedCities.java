package io.weathersync.adapter.memory;

import io.weathersync.application.port.out.GeocodedCities;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.GeocodingAnswer;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Geocoding answers in memory, for the life of the process: for embedders and tests. */
public final class InMemoryGeocodedCities implements GeocodedCities {

    private final Map<City, GeocodingAnswer> answers = new ConcurrentHashMap<>();

    @Override
    public Optional<GeocodingAnswer> find(City city) {
        return city == null ? Optional.empty() : Optional.ofNullable(answers.get(city));
    }

    @Override
    public void remember(City city, GeocodingAnswer answer) {
        Objects.requireNonNull(city, "city: must not be null");
        Objects.requireNonNull(answer, "answer: must not be null");
        answers.put(city, answer);
    }
}
