package io.weathersync.app.master;

import io.weathersync.adapter.http.weather.HttpSettings;
import io.weathersync.adapter.http.weather.InMemoryGeocodingCache;
import io.weathersync.adapter.http.weather.OpenMeteoWeatherSource;
import io.weathersync.adapter.http.weather.OpenWeatherMapWeatherSource;
import io.weathersync.adapter.http.weather.SimulatedWeatherSource;
import io.weathersync.adapter.http.weather.Sleeper;
import io.weathersync.application.port.out.WeatherSource;

import java.time.Clock;

/** The weather source {@code WEATHER_SOURCE} names, built on the configured URLs. */
final class Sources {

    private Sources() {
    }

    static WeatherSource create(MasterConfig config, Clock clock) {
        return switch (config.source()) {
            case OPEN_METEO -> new OpenMeteoWeatherSource(config.openMeteoUrl().toString(),
                    OpenMeteoWeatherSource.DEFAULT_GEOCODING_URL, new InMemoryGeocodingCache(), HttpSettings.defaults(),
                    Sleeper.REAL, clock);
            case OPENWEATHERMAP -> new OpenWeatherMapWeatherSource(config.openWeatherMapUrl().toString(),
                    config.openWeatherMapKey().orElseThrow(), HttpSettings.defaults(), Sleeper.REAL, clock);
            case SIMULATED -> new SimulatedWeatherSource(clock);
        };
    }
}
