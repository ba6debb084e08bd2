package io.weathersync.adapter.http.weather;

import io.weathersync.adapter.http.client.FakeHttpServer.Request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Answers in Open-Meteo's documented formats: {@code /v1/forecast} with {@code current=} (one object for one
 * location, an array of objects in request order for several), the geocoding {@code /v1/search} answer, and
 * the error object {@code {"error":true,"reason":…}}.
 */
final class OpenMeteoAnswers {

    static final String TIME = "2026-11-23T10:00";

    private OpenMeteoAnswers() {
    }

    /** Temperature of the i-th location asked for. */
    static double temperature(int i) {
        return 10 + i * 0.5;
    }

    /** The forecast answer for the coordinates in the request, observed at {@code time}. */
    static String forecast(Request request, String time) {
        String[] latitudes = request.params().get("latitude").split(",");
        String[] longitudes = request.params().get("longitude").split(",");
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < latitudes.length; i++) {
            locations.add(location(Double.parseDouble(latitudes[i]), Double.parseDouble(longitudes[i]),
                    current(time, temperature(i), 40 + i % 50)));
        }
        return locations.size() == 1 ? locations.getFirst() : "[" + String.join(",", locations) + "]";
    }

    /** One location object around {@code current}. */
    static String location(double latitude, double longitude, String current) {
        return String.format(Locale.ROOT, """
                {"latitude":%.6f,"longitude":%.6f,"generationtime_ms":0.0820159912109375,"utc_offset_seconds":0,\
                "timezone":"GMT","timezone_abbreviation":"GMT","elevation":44.0,\
                "current_units":{"time":"iso8601","interval":"seconds","temperature_2m":"°C",\
                "relative_humidity_2m":"%%","pressure_msl":"hPa","wind_speed_10m":"m/s","wind_direction_10m":"°",\
                "precipitation":"mm","weather_code":"wmo code"},\
                "current":%s}""", latitude + 0.02, longitude - 0.03, current);
    }

    /** A {@code current} object. */
    static String current(String time, double temperature, double humidity) {
        return String.format(Locale.ROOT, """
                {"time":"%s","interval":900,"temperature_2m":%.1f,"relative_humidity_2m":%.0f,"pressure_msl":1021.4,\
                "wind_speed_10m":3.6,"wind_direction_10m":284,"precipitation":0.10,"weather_code":61}""",
                time, temperature, humidity);
    }

    /** A geocoding answer with one result. */
    static String geocoded(String name, double latitude, double longitude) {
        return String.format(Locale.ROOT, """
                {"results":[{"id":3163858,"name":"%s","latitude":%.5f,"longitude":%.5f,"elevation":739.0,\
                "feature_code":"PPLA3","country_code":"IT","admin1_id":3181042,"timezone":"Europe/Rome",\
                "population":4000,"country_id":3175395,"country":"Italy","admin1":"Emilia-Romagna"}],\
                "generationtime_ms":0.5831718}""", name, latitude, longitude);
    }

    /** A geocoding answer without results (an unknown name). */
    static String notFound() {
        return "{\"generationtime_ms\":0.3869533}";
    }

    /** The error object. */
    static String error(String reason) {
        return "{\"error\":true,\"reason\":\"" + reason + "\"}";
    }
}
