package io.weathersync.app.master;

import io.weathersync.adapter.http.weather.HttpSettings;
import io.weathersync.adapter.http.weather.OpenMeteoWeatherSource;
import io.weathersync.adapter.http.weather.OpenWeatherMapWeatherSource;
import io.weathersync.adapter.http.weather.SimulatedWeatherSource;
import io.weathersync.adapter.http.weather.Sleeper;
import io.weathersync.application.port.out.GeocodedCities;
import io.weathersync.application.port.out.WeatherSource;

import java.time.Clock;

/** The weather source {@code WEATHER_SOURCE} names, built on the configured URLs. */
final class Sources {

    private Sources() {
    }

    /** The configured source; Open-Meteo remembers its geocoding answers in {@code geocoded}. */
    static WeatherSource create(MasterConfig config, GeocodedCities geocoded, Clock clock) {
        return switch (config.source()) {
            case OPEN_METEO -> new OpenMeteoWeatherSource(config.openMeteoUrl().toString(),
                    OpenMeteoWeatherSource.DEFAULT_GEOCODING_URL, geocoded, HttpSettings.defaults(), Sleeper.REAL,
                    clock);
            case OPENWEATHERMAP -> new OpenWeatherMapWeatherSource(config.openWeatherMapUrl().toString(),
                    config.openWeatherMapKey().orElseThrow(), HttpSettings.defaults(), Sleeper.REAL, clock);
            // A new observation at every poll; without a free tier the interval is the configured or preferred one.
            case SIMULATED -> new SimulatedWeatherSource(clock, config.pollInterval().orElse(PollCycle.PREFERRED));
        };
    }
}
