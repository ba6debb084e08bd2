package io.weathersync.application.service;

import io.weathersync.application.port.in.QueryWeatherUseCase;
import io.weathersync.application.port.out.WeatherReadings;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.HistoryPage;
import io.weathersync.domain.model.HistoryQuery;
import io.weathersync.domain.model.WeatherReading;

import java.util.List;
import java.util.Optional;

/** Serves reads from this node's own store, master or replica alike. */
public final class QueryWeatherService implements QueryWeatherUseCase {

    private final WeatherReadings readings;

    /** Reads from {@code readings}. */
    public QueryWeatherService(WeatherReadings readings) {
        this.readings = readings;
    }

    @Override
    public Optional<WeatherReading> latest(City city) {
        return readings.latest(city);
    }

    @Override
    public List<WeatherReading> latestAll() {
        return readings.latestAll();
    }

    @Override
    public HistoryPage history(HistoryQuery query) {
        return readings.history(query);
    }

    @Override
    public Digest digest() {
        return readings.digest();
    }
}
