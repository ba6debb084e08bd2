package io.weathersync.domain.message;

import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The wire form of one change (DESIGN "Message format", version 1) as a map of JSON-ready values, so that
 * every transport writes the same fields with its own JSON library. Seed 000's fields ({@code city},
 * {@code temp}, {@code humidity}, {@code timestamp}) stay at the top level for plain subscribers.
 */
public final class ChangeMessage {

    /** The version this node writes and reads. */
    public static final int VERSION = 1;

    private ChangeMessage() {
    }

    /** The fields of {@code change}, with {@code sig} when a signature is given (Base64), in a stable order. */
    public static Map<String, Object> toFields(Change change, String sig) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("v", VERSION);
        fields.put("stream", change.stream().value());
        fields.put("seq", change.seq());
        fields.putAll(readingFields(change.reading()));
        putIfPresent(fields, "sig", sig);
        return fields;
    }

    /** The fields of a reading alone, as the read API answers and {@code POST /api/publish} takes them. */
    public static Map<String, Object> readingFields(WeatherReading r) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("city", r.city().name());
        fields.put("temp", r.temperature());
        fields.put("humidity", r.humidity());
        fields.put("timestamp", r.observedAt().toString());
        putIfPresent(fields, "pressure", r.pressure());
        putIfPresent(fields, "wind_speed", r.windSpeed());
        putIfPresent(fields, "wind_direction", r.windDirection());
        putIfPresent(fields, "precipitation", r.precipitation());
        putIfPresent(fields, "weather_code", r.weatherCode());
        fields.put("source", r.source());
        return fields;
    }

    /**
     * Reads a reading from parsed JSON fields.
     *
     * @throws IllegalArgumentException naming the field that is missing, of the wrong type or out of range
     */
    public static WeatherReading readingFromFields(Map<String, ?> fields) {
        return new WeatherReading(
                new City(string(fields, "city")),
                instant(fields, "timestamp"),
                number(fields, "temp"),
                number(fields, "humidity"),
                optionalNumber(fields, "pressure"),
                optionalNumber(fields, "wind_speed"),
                optionalNumber(fields, "wind_direction"),
                optionalNumber(fields, "precipitation"),
                optionalInteger(fields, "weather_code"),
                string(fields, "source"));
    }

    /**
     * Reads a change from parsed JSON fields; the signature, if any, is {@link #signature}'s business.
     *
     * @throws RejectedMessage of kind UNKNOWN_VERSION or INVALID_FIELD, saying which field
     */
    public static Change fromFields(Map<String, ?> fields) {
        Object version = fields.get("v");
        if (!(version instanceof Number n) || n.doubleValue() != VERSION) {
            throw new RejectedMessage(RejectedMessage.Kind.UNKNOWN_VERSION, "v: unsupported version " + version);
        }
        try {
            WeatherReading reading = readingFromFields(fields);
            return new Change(new StreamId(string(fields, "stream")), wholeNumber(fields, "seq"), reading);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RejectedMessage(RejectedMessage.Kind.INVALID_FIELD, e.getMessage());
        }
    }

    /** The Base64 signature in the fields, or {@code null}. */
    public static String signature(Map<String, ?> fields) {
        return fields.get("sig") instanceof String sig ? sig : null;
    }

    private static void putIfPresent(Map<String, Object> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    private static String string(Map<String, ?> fields, String name) {
        Object value = fields.get(name);
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException(name + ": must be a string, was " + describe(value));
    }

    private static Instant instant(Map<String, ?> fields, String name) {
        String text = string(fields, name);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": must be an ISO-8601 UTC time, was '" + text + "'");
        }
    }

    private static double number(Map<String, ?> fields, String name) {
        Double value = optionalNumber(fields, name);
        if (value == null) {
            throw new IllegalArgumentException(name + ": is required");
        }
        return value;
    }

    private static Double optionalNumber(Map<String, ?> fields, String name) {
        Object value = fields.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(name + ": must be a number, was " + describe(value));
    }

    private static Integer optionalInteger(Map<String, ?> fields, String name) {
        Double value = optionalNumber(fields, name);
        if (value == null) {
            return null;
        }
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + ": must be a whole number, was " + value);
        }
        return value.intValue();
    }

    private static long wholeNumber(Map<String, ?> fields, String name) {
        Object value = fields.get(name);
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw new IllegalArgumentException(name + ": must be a whole number, was " + describe(value));
    }

    private static String describe(Object value) {
        return value == null ? "missing" : value.getClass().getSimpleName().toLowerCase() + " " + value;
    }
}
