package io.weathersync.adapter.http.weather;

import com.fasterxml.jackson.databind.JsonNode;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.WeatherReading;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One location of an Open-Meteo {@code /v1/forecast} answer with {@code current=} variables, as a reading.
 * The observation time is {@code current.time} (ISO 8601 without zone, in the zone given by
 * {@code utc_offset_seconds}, which is 0 for the {@code timezone=GMT} the source asks for).
 */
final class OpenMeteoReadings {

    /** The variables asked for, in the API's names. */
    static final String CURRENT = "temperature_2m,relative_humidity_2m,pressure_msl,wind_speed_10m,"
            + "wind_direction_10m,precipitation,weather_code";

    // The units the source asks for; an answer in other units would store wrong numbers, so it is refused.
    private static final Map<String, String> UNITS = Map.of(
            "temperature_2m", "°C",
            "relative_humidity_2m", "%",
            "pressure_msl", "hPa",
            "wind_speed_10m", "m/s",
            "precipitation", "mm");

    private OpenMeteoReadings() {
    }

    /**
     * The location objects of a forecast answer: one location gives one object, several an array of objects
     * in request order.
     *
     * @throws CallFailed on malformed JSON, the error object, or another number of locations than asked
     */
    static List<JsonNode> locations(byte[] body, int expected, String what) {
        JsonNode root = AnswerFields.parse(body, what);
        if (root.isObject() && root.path("error").asBoolean(false)) {
            throw new CallFailed(what + ": refused (" + root.path("reason").asText("no reason given") + ")");
        }
        List<JsonNode> locations = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(locations::add);
        } else if (root.isObject()) {
            locations.add(root);
        } else {
            throw new CallFailed(what + ": expected a JSON object or array, was " + root.getNodeType());
        }
        if (locations.size() != expected) {
            throw new CallFailed(what + ": answered " + locations.size() + " locations for " + expected + " asked");
        }
        return locations;
    }

    /**
     * The reading of {@code city} in one location object.
     *
     * @throws CallFailed               when a field is missing, mistyped or in unexpected units
     * @throws IllegalArgumentException when the values cannot be weather (message names the field)
     */
    static WeatherReading reading(City city, JsonNode location, String source) {
        if (!location.isObject()) {
            throw new CallFailed("location entry is not a JSON object");
        }
        JsonNode current = AnswerFields.object(location, "current", "current");
        checkUnits(location.get("current_units"));
        Instant observedAt = time(AnswerFields.text(current, "time", "current.time"),
                location.path("utc_offset_seconds").asInt(0));
        return new WeatherReading(city, observedAt,
                AnswerFields.number(current, "temperature_2m", "current.temperature_2m"),
                AnswerFields.number(current, "relative_humidity_2m", "current.relative_humidity_2m"),
                AnswerFields.optionalNumber(current, "pressure_msl", "current.pressure_msl"),
                AnswerFields.optionalNumber(current, "wind_speed_10m", "current.wind_speed_10m"),
                AnswerFields.optionalNumber(current, "wind_direction_10m", "current.wind_direction_10m"),
                AnswerFields.optionalNumber(current, "precipitation", "current.precipitation"),
                AnswerFields.optionalInteger(current, "weather_code", "current.weather_code"),
                source);
    }

    private static void checkUnits(JsonNode units) {
        if (units == null || !units.isObject()) {
            return;
        }
        UNITS.forEach((field, expected) -> {
            JsonNode unit = units.get(field);
            if (unit != null && !expected.equals(unit.asText())) {
                throw new CallFailed("current_units." + field + ": expected '" + expected + "', was '"
                        + unit.asText() + "'");
            }
        });
    }

    private static Instant time(String text, int utcOffsetSeconds) {
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.ofTotalSeconds(utcOffsetSeconds));
        } catch (java.time.DateTimeException noLocalTime) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new CallFailed("current.time: not an ISO 8601 time ('" + AnswerFields.abbreviate(text) + "')");
            }
        }
    }
}
