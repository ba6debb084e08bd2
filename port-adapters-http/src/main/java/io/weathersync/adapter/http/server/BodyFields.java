package io.weathersync.adapter.http.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.weathersync.wire.JsonFaults;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Typed access to the fields of a request body that is not a wire message (a node, a heartbeat, a report, a sync
 * request; changes and readings are wire-json's to read); every mismatch is a 400 naming the field (with its path
 * inside the body, e.g. {@code results[2].success}). JSON {@code null} counts as absent.
 */
final class BodyFields {

    private final String prefix;
    private final JsonNode object;

    BodyFields(String prefix, JsonNode object) {
        this.prefix = prefix;
        this.object = object;
    }

    /** The object as compact JSON text. */
    String asText() {
        return object.toString();
    }

    /** 400 naming the first field (with a non-null value) that is not one of {@code known}, e.g. a typo. */
    void rejectUnknown(Set<String> known) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String key = field.getKey();
            if (!known.contains(key) && !field.getValue().isNull()) {
                throw ApiException.badRequest(path(key.length() > 64 ? key.substring(0, 64) + "…" : key)
                        + ": unknown field; expected " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    Optional<String> string(String name, int maxLength) {
        JsonNode value = value(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw wrongType(name, "a string", value);
        }
        if (value.textValue().length() > maxLength) {
            throw ApiException.badRequest(path(name) + ": must be at most " + maxLength + " characters");
        }
        return Optional.of(value.textValue());
    }

    String requiredString(String name, int maxLength) {
        return string(name, maxLength).orElseThrow(() -> missing(name));
    }

    OptionalLong whole(String name, long min, long max) {
        JsonNode value = value(name);
        if (value == null) {
            return OptionalLong.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrongType(name, "a whole number", value);
        }
        long number = value.longValue();
        if (number < min || number > max) {
            throw ApiException.badRequest(path(name) + ": must be between " + min + " and " + max + ", was " + number);
        }
        return OptionalLong.of(number);
    }

    Optional<Double> number(String name, double min, double max) {
        JsonNode value = value(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw wrongType(name, "a number", value);
        }
        double number = value.doubleValue();
        if (!(number >= min && number <= max)) {
            throw ApiException.badRequest(path(name) + ": must be between " + min + " and " + max + ", was " + number);
        }
        return Optional.of(number);
    }

    Optional<Boolean> bool(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw wrongType(name, "true or false", value);
        }
        return Optional.of(value.booleanValue());
    }

    /** A field's JSON value, whatever its kind, if present and not null. */
    Optional<JsonNode> node(String name) {
        return Optional.ofNullable(value(name));
    }

    /** A time as an ISO-8601 instant, offset date-time, or local date-time taken as UTC. */
    Optional<Instant> time(String name) {
        return string(name, 64).map(text -> Times.parseDateTime(path(name), text));
    }

    /** The elements of an array field, each an object, at most {@code maxSize}. */
    List<BodyFields> objects(String name, int maxSize) {
        JsonNode value = value(name);
        if (value == null) {
            throw missing(name);
        }
        if (!value.isArray()) {
            throw wrongType(name, "an array", value);
        }
        if (value.size() > maxSize) {
            throw ApiException.badRequest(path(name) + ": at most " + maxSize + " elements, was " + value.size());
        }
        List<BodyFields> elements = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            String elementPath = path(name) + "[" + i + "]";
            if (!element.isObject()) {
                throw ApiException.badRequest(elementPath + ": must be a JSON object, was "
                        + JsonFaults.describe(element));
            }
            elements.add(new BodyFields(elementPath + ".", element));
        }
        return elements;
    }

    ApiException missing(String name) {
        return ApiException.badRequest(path(name) + ": is required");
    }

    /** The name of a field as the client should read it. */
    String path(String name) {
        return prefix + name;
    }

    private JsonNode value(String name) {
        JsonNode value = object.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private ApiException wrongType(String name, String expected, JsonNode value) {
        return ApiException.badRequest(path(name) + ": must be " + expected + ", was "
                + JsonFaults.describe(value));
    }
}
