package io.weathersync.application.port.out;

import io.weathersync.domain.model.City;
import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.HistoryPage;
import io.weathersync.domain.model.HistoryQuery;
import io.weathersync.domain.model.WeatherReading;

import java.util.List;
import java.util.Optional;

/** The read side every node serves from its own store. */
public interface WeatherReadings {

    /** The newest observation of {@code city}, if any. */
    Optional<WeatherReading> latest(City city);

    /** The newest observation of every city, by city name. */
    List<WeatherReading> latestAll();

    /** One page of a city's history. */
    HistoryPage history(HistoryQuery query);

    /** The digest of everything held. */
    Digest digest();
}
