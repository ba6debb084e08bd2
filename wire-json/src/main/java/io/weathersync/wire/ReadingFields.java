package io.weathersync.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.WeatherReading;

import java.time.Instant;

/**
 * A reading's fields in the wire format: seed 000's {@code city}, {@code temp}, {@code humidity},
 * {@code timestamp}, then the optional ones (left out when absent) and {@code source}, in this order. A change
 * carries them at its top level; the read API answers them and {@code POST /api/publish} takes them alone.
 */
final class ReadingFields {

    private ReadingFields() {
    }

    static void write(WeatherReading r, ObjectNode node) {
        node.put("city", r.city().name());
        node.put("temp", r.temperature());
        node.put("humidity", r.humidity());
        node.put("timestamp", r.observedAt().toString());
        putIfPresent(node, "pressure", r.pressure());
        putIfPresent(node, "wind_speed", r.windSpeed());
        putIfPresent(node, "wind_direction", r.windDirection());
        putIfPresent(node, "precipitation", r.precipitation());
        if (r.weatherCode() != null) {
            node.put("weather_code", r.weatherCode());
        }
        node.put("source", r.source());
    }

    /**
     * The reading in {@code object}; other members are ignored.
     *
     * @throws io.weathersync.domain.message.RejectedMessage INVALID_FIELD naming the field that is missing, of
     *                                                       the wrong type or out of range
     */
    static WeatherReading read(JsonNode object) {
        String city = FieldReader.string(object, "city");
        Instant observedAt = FieldReader.instant(object, "timestamp");
        double temp = FieldReader.number(object, "temp");
        double humidity = FieldReader.number(object, "humidity");
        Double pressure = FieldReader.optionalNumber(object, "pressure");
        Double windSpeed = FieldReader.optionalNumber(object, "wind_speed");
        Double windDirection = FieldReader.optionalNumber(object, "wind_direction");
        Double precipitation = FieldReader.optionalNumber(object, "precipitation");
        Integer weatherCode = FieldReader.optionalInteger(object, "weather_code");
        String source = FieldReader.string(object, "source");
        try {
            return new WeatherReading(new City(city), observedAt, temp, humidity, pressure, windSpeed, windDirection,
                    precipitation, weatherCode, source);
        } catch (IllegalArgumentException | NullPointerException e) {
            // The model's validation names the field already (e.g. "humidity: must be between 0 and 100, was 140").
            throw JsonFaults.invalid(e.getMessage());
        }
    }

    private static void putIfPresent(ObjectNode node, String name, Double value) {
        if (value != null) {
            node.put(name, value.doubleValue());
        }
    }
}
