package io.weathersync.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;

/**
 * One change in the wire format (DESIGN "Message format", version 1), in this order: {@code v}, {@code stream},
 * {@code seq}, the reading's fields ({@link ReadingFields}), and {@code sig} when it carries one.
 */
final class ChangeFields {

    private ChangeFields() {
    }

    static void write(SignedChange signed, ObjectNode node) {
        Change change = signed.change();
        node.put("v", ChangeJson.VERSION);
        node.put("stream", change.stream().value());
        node.put("seq", change.seq());
        ReadingFields.write(change.reading(), node);
        if (signed.sig() != null) {
            node.put("sig", signed.sig());
        }
    }

    /**
     * The change in {@code node} with the signature it carries (not checked here); other members are ignored.
     *
     * @throws io.weathersync.domain.message.RejectedMessage MALFORMED when it is not an object, UNKNOWN_VERSION
     *                                                       for another {@code v}, INVALID_FIELD naming the field
     */
    static SignedChange read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw JsonFaults.notObject(node);
        }
        // The version first: a later version may change any other field, so nothing else is judged before it.
        JsonNode version = node.get("v");
        if (version == null || !version.isNumber() || version.doubleValue() != ChangeJson.VERSION) {
            throw JsonFaults.unknownVersion(version);
        }
        WeatherReading reading = ReadingFields.read(node);
        String stream = FieldReader.string(node, "stream");
        long seq = FieldReader.wholeNumber(node, "seq");
        String sig = FieldReader.optionalString(node, "sig");
        try {
            return new SignedChange(new Change(new StreamId(stream), seq, reading), sig);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw JsonFaults.invalid(e.getMessage());
        }
    }
}
