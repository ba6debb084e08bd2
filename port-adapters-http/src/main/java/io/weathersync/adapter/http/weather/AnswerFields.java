package io.weathersync.adapter.http.weather;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * Reads weather API answers (Open-Meteo, OpenWeatherMap) field by field; every problem becomes a {@link CallFailed}
 * naming the field. Not the wire codec's reader: these are third parties' formats, read as leniently as they are.
 */
final class AnswerFields {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AnswerFields() {
    }

    /** The parsed body. */
    static JsonNode parse(byte[] body, String what) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new CallFailed(what + ": empty answer");
            }
            return root;
        } catch (JacksonException e) {
            throw new CallFailed(what + ": malformed JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new CallFailed(what + ": unreadable answer (" + e.getMessage() + ")");
        }
    }

    /** The parsed body, or null when it is not JSON (for reading an error answer). */
    static JsonNode parseOrNull(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** A required object member. */
    static JsonNode object(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || !node.isObject()) {
            throw new CallFailed(path + ": " + (node == null || node.isNull() ? "missing" : "not an object"));
        }
        return node;
    }

    /** A required number. */
    static double number(JsonNode parent, String name, String path) {
        Double value = optionalNumber(parent, name, path);
        if (value == null) {
            throw new CallFailed(path + ": missing");
        }
        return value;
    }

    /** An optional number: absent or null gives null. */
    static Double optionalNumber(JsonNode parent, String name, String path) {
        JsonNode node = parent == null ? null : parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new CallFailed(path + ": not a number (" + abbreviate(node.toString()) + ")");
        }
        return node.doubleValue();
    }

    /** An optional whole number. */
    static Integer optionalInteger(JsonNode parent, String name, String path) {
        Double value = optionalNumber(parent, name, path);
        if (value == null) {
            return null;
        }
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new CallFailed(path + ": not a whole number (" + value + ")");
        }
        return value.intValue();
    }

    /** A required string. */
    static String text(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            throw new CallFailed(path + ": missing");
        }
        if (!node.isTextual()) {
            throw new CallFailed(path + ": not a string (" + abbreviate(node.toString()) + ")");
        }
        return node.asText();
    }

    /**
     * The message of a failed call, with the API's own explanation when its error body carries one in
     * {@code field} (Open-Meteo: {@code reason}, OpenWeatherMap: {@code message}).
     */
    static String refusal(CallFailed failure, String field) {
        if (failure.status() == 0) {
            return failure.getMessage();
        }
        JsonNode body = parseOrNull(failure.body());
        JsonNode reason = body == null ? null : body.get(field);
        return reason == null || !reason.isTextual() ? failure.getMessage()
                : failure.getMessage() + " (" + abbreviate(reason.asText()) + ")";
    }

    /** At most 200 characters of {@code text}, for messages. */
    static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }
}
