package io.weathersync.adapter.memory;

import io.weathersync.application.port.out.FetchResult;
import io.weathersync.application.port.out.WeatherSource;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.CitySpec;
import io.weathersync.domain.model.FreeTier;
import io.weathersync.domain.model.WeatherReading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A source that answers what it was given: the current reading per city set by the embedder or test. */
public final class InMemoryWeatherSource implements WeatherSource {

    private final String name;
    private final Map<City, WeatherReading> current = new ConcurrentHashMap<>();

    /** A source called {@code name}. */
    public InMemoryWeatherSource(String name) {
        this.name = name;
    }

    /** Sets the current reading of its city. */
    public void put(WeatherReading reading) {
        current.put(reading.city(), reading);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FetchResult fetch(List<CitySpec> cities) {
        List<WeatherReading> readings = new ArrayList<>();
        Map<City, String> failures = new HashMap<>();
        for (CitySpec spec : cities) {
            WeatherReading reading = current.get(spec.city());
            if (reading == null) {
                failures.put(spec.city(), "no reading set for this city");
            } else {
                readings.add(reading);
            }
        }
        return new FetchResult(readings, failures);
    }

    @Override
    public int requestsPerCycle(int cityCount) {
        return 0;
    }

    @Override
    public List<FreeTier> freeTiers() {
        return List.of();
    }
}
