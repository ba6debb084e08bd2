package io.weathersync.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.RejectedMessage.Kind;

/**
 * How the wire format words its faults, once, so a broken message reads the same whether it came over Redis or
 * HTTP: the whole message is the {@code body}, an element of an array is {@code element N}, a change of a page
 * is {@code changes[N]}, and a field is named first ({@code humidity: must be a number, was the string "wet"}).
 */
public final class JsonFaults {

    private static final int SHOWN_CHARACTERS = 32;

    private JsonFaults() {
    }

    /**
     * What a JSON value is, for a message: {@code missing}, {@code null}, {@code true}, {@code the number 1.5},
     * {@code the string "text"} (cut after a few characters), {@code an array} or {@code an object}.
     */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        return switch (node.getNodeType()) {
            case NULL -> "null";
            case BOOLEAN -> node.asText();
            case NUMBER -> "the number " + abbreviate(node.asText());
            case STRING -> "the string \"" + abbreviate(node.textValue()) + "\"";
            case ARRAY -> "an array";
            default -> "an object";
        };
    }

    /** The refusal of a message over {@link ChangeJson#MAX_MESSAGE_BYTES}, on every transport. */
    public static String tooLarge() {
        return "body: larger than the limit of " + ChangeJson.MAX_MESSAGE_BYTES + " bytes";
    }

    static RejectedMessage tooLarge(int length) {
        return new RejectedMessage(Kind.MALFORMED, tooLarge() + " (" + length + " bytes)");
    }

    static RejectedMessage notJson(String detail) {
        return new RejectedMessage(Kind.MALFORMED, "body: not JSON (" + detail + ")");
    }

    static RejectedMessage empty() {
        return new RejectedMessage(Kind.MALFORMED, "body: empty, expected a JSON object or array");
    }

    static RejectedMessage notObjectOrArray(JsonNode node) {
        return new RejectedMessage(Kind.MALFORMED,
                "body: must be a JSON object or an array of objects, was " + describe(node));
    }

    /** Not an object where one must be; {@link #at} says where. */
    static RejectedMessage notObject(JsonNode node) {
        return new RejectedMessage(Kind.MALFORMED, "must be a JSON object, was " + describe(node));
    }

    static RejectedMessage wrongType(String field, String expected, JsonNode value) {
        return invalid(field + ": must be " + expected + ", was " + describe(value));
    }

    static RejectedMessage unknownVersion(JsonNode value) {
        return new RejectedMessage(Kind.UNKNOWN_VERSION,
                "v: must be " + ChangeJson.VERSION + " (the version this node reads), was " + describe(value));
    }

    static RejectedMessage invalid(String message) {
        return new RejectedMessage(Kind.INVALID_FIELD, message);
    }

    /** The same rejection, placed: {@code element 2: humidity: …} or {@code changes[2]: humidity: …}. */
    static RejectedMessage at(String place, RejectedMessage rejection) {
        return new RejectedMessage(rejection.kind(), place + ": " + rejection.getMessage());
    }

    private static String abbreviate(String text) {
        return text.length() <= SHOWN_CHARACTERS ? text : text.substring(0, SHOWN_CHARACTERS) + "…";
    }
}
