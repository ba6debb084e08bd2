package io.weathersync.application.port.in;

import io.weathersync.domain.model.City;
import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.HistoryPage;
import io.weathersync.domain.model.HistoryQuery;
import io.weathersync.domain.model.WeatherReading;

import java.util.List;
import java.util.Optional;

/** The read API every node serves (seed 000's latest, history and local, and the digest). */
public interface QueryWeatherUseCase {

    /** The newest reading of a city. */
    Optional<WeatherReading> latest(City city);

    /** The newest reading of every city. */
    List<WeatherReading> latestAll();

    /** A page of a city's history. */
    HistoryPage history(HistoryQuery query);

    /** The digest of this node's data. */
    Digest digest();
}
