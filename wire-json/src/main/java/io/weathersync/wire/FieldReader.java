package io.weathersync.wire;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The one reader of the wire format's fields: typed access to a JSON object's members, where a JSON {@code null}
 * counts as absent and every mismatch is an INVALID_FIELD rejection naming the field (in {@link JsonFaults}' words).
 */
final class FieldReader {

    private FieldReader() {
    }

    /** The member, or {@code null} when it is absent or JSON {@code null}. */
    static JsonNode value(JsonNode object, String name) {
        JsonNode value = object.get(name);
        return value == null || value.isNull() ? null : value;
    }

    static String string(JsonNode object, String name) {
        JsonNode value = object.get(name);
        if (value == null || !value.isTextual()) {
            throw JsonFaults.wrongType(name, "a string", value);
        }
        return value.textValue();
    }

    /** An optional string: absent or {@code null} gives {@code null}. */
    static String optionalString(JsonNode object, String name) {
        JsonNode value = value(object, name);
        if (value != null && !value.isTextual()) {
            throw JsonFaults.wrongType(name, "a string", value);
        }
        return value == null ? null : value.textValue();
    }

    static Instant instant(JsonNode object, String name) {
        String text = string(object, name);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw JsonFaults.wrongType(name, "an ISO-8601 UTC time", object.get(name));
        }
    }

    static double number(JsonNode object, String name) {
        Double value = optionalNumber(object, name);
        if (value == null) {
            throw JsonFaults.wrongType(name, "a number", object.get(name));
        }
        return value;
    }

    /** An optional number, as a double (integers and decimals alike): absent or {@code null} gives {@code null}. */
    static Double optionalNumber(JsonNode object, String name) {
        JsonNode value = value(object, name);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            throw JsonFaults.wrongType(name, "a number", value);
        }
        return value.doubleValue();
    }

    /** An optional integer; {@code 3.0} counts as 3, as any JSON number with a whole value does. */
    static Integer optionalInteger(JsonNode object, String name) {
        Double value = optionalNumber(object, name);
        if (value == null) {
            return null;
        }
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw JsonFaults.wrongType(name, "a whole number", object.get(name));
        }
        return value.intValue();
    }

    /**
     * A whole number written as one ({@code 42}, not {@code 42.0} or {@code 4.2e1}) that fits a long: a seq is
     * an identity, so nothing that only rounds to one is taken.
     */
    static long wholeNumber(JsonNode object, String name) {
        JsonNode value = object.get(name);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw JsonFaults.wrongType(name, "a whole number", value);
        }
        return value.longValue();
    }

    /** As {@link #wholeNumber}, and not negative. */
    static long nonNegative(JsonNode object, String name) {
        JsonNode value = object.get(name);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw JsonFaults.wrongType(name, "a non-negative whole number", value);
        }
        return value.longValue();
    }
}
