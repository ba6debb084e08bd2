package io.weathersync.application.port.out;

import io.weathersync.domain.model.City;
import io.weathersync.domain.model.WeatherReading;

import java.util.List;
import java.util.Map;

/**
 * What one fetch produced: readings for the cities that worked, a reason for each that did not.
 *
 * @param readings the readings
 * @param failures city → why it produced no reading
 */
public record FetchResult(List<WeatherReading> readings, Map<City, String> failures) {

    /** Copies both. */
    public FetchResult {
        readings = List.copyOf(readings);
        failures = Map.copyOf(failures);
    }
}
