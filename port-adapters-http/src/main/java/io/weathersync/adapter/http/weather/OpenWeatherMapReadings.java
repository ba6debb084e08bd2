package io.weathersync.adapter.http.weather;

import com.fasterxml.jackson.databind.JsonNode;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.WeatherReading;

import java.time.Instant;

/**
 * An OpenWeatherMap {@code /data/2.5/weather} answer ({@code units=metric}) as a reading: {@code main.temp},
 * {@code main.humidity}, {@code main.pressure}, {@code wind.speed}/{@code deg}, {@code rain.1h} plus
 * {@code snow.1h}, {@code weather[0].id}, observed at {@code dt} (Unix seconds, UTC).
 */
final class OpenWeatherMapReadings {

    private OpenWeatherMapReadings() {
    }

    /**
     * The reading of {@code city}.
     *
     * @throws CallFailed               when a field is missing or mistyped
     * @throws IllegalArgumentException when the values cannot be weather (message names the field)
     */
    static WeatherReading reading(City city, JsonNode root, String source) {
        if (!root.isObject()) {
            throw new CallFailed("answer is not a JSON object");
        }
        JsonNode main = AnswerFields.object(root, "main", "main");
        JsonNode wind = root.get("wind");
        double dt = AnswerFields.number(root, "dt", "dt");
        if (dt != Math.rint(dt) || dt < 0) {
            throw new CallFailed("dt: not a Unix time in seconds (" + dt + ")");
        }
        return new WeatherReading(city, Instant.ofEpochSecond((long) dt),
                AnswerFields.number(main, "temp", "main.temp"),
                AnswerFields.number(main, "humidity", "main.humidity"),
                AnswerFields.optionalNumber(main, "pressure", "main.pressure"),
                AnswerFields.optionalNumber(wind, "speed", "wind.speed"),
                AnswerFields.optionalNumber(wind, "deg", "wind.deg"),
                precipitation(root),
                weatherCode(root),
                source);
    }

    // Rain and snow are both given as mm of water in the last hour, each only when there was some.
    private static Double precipitation(JsonNode root) {
        Double rain = AnswerFields.optionalNumber(root.get("rain"), "1h", "rain.1h");
        Double snow = AnswerFields.optionalNumber(root.get("snow"), "1h", "snow.1h");
        if (rain == null && snow == null) {
            return null;
        }
        return (rain == null ? 0 : rain) + (snow == null ? 0 : snow);
    }

    private static Integer weatherCode(JsonNode root) {
        JsonNode weather = root.get("weather");
        if (weather == null || !weather.isArray() || weather.isEmpty()) {
            return null;
        }
        return AnswerFields.optionalInteger(weather.get(0), "id", "weather[0].id");
    }
}
