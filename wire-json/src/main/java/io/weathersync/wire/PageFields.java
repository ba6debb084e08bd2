package io.weathersync.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.StreamId;

import java.util.ArrayList;
import java.util.List;

/**
 * A page of the change log in the wire format, {@code "stream","head","complete_through","changes"} in this
 * order, as the catch-up reply's {@code data} and inside a pushed page. Its changes carry no {@code sig} of
 * their own (the connection or the page's signature vouches for them). Reading is strict, all or nothing: a page
 * is applied as a whole, so one bad change refuses it, named as {@code changes[N]}.
 */
final class PageFields {

    private PageFields() {
    }

    static void write(ChangePage page, ObjectNode node) {
        node.put("stream", page.stream().value());
        node.put("head", page.head());
        node.put("complete_through", page.completeThrough());
        ArrayNode changes = node.putArray("changes");
        for (Change change : page.changes()) {
            ChangeFields.write(new SignedChange(change, null), changes.addObject());
        }
    }

    /**
     * The page in {@code node} (an object; other members are ignored).
     *
     * @throws RejectedMessage INVALID_FIELD naming the missing, mistyped or inconsistent field; for a change,
     *                         that change's rejection as {@code changes[N]: …}
     */
    static ChangePage read(JsonNode node) {
        StreamId stream = stream(node);
        long head = FieldReader.nonNegative(node, "head");
        long through = FieldReader.nonNegative(node, "complete_through");
        JsonNode array = node.get("changes");
        if (array == null || !array.isArray()) {
            throw JsonFaults.wrongType("changes", "an array of change objects", array);
        }
        List<Change> changes = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            try {
                changes.add(ChangeFields.read(array.get(i)).change());
            } catch (RejectedMessage e) {
                throw JsonFaults.at("changes[" + i + "]", e);
            }
        }
        try {
            return new ChangePage(stream, head, changes, through);
        } catch (IllegalArgumentException e) {
            throw JsonFaults.invalid(e.getMessage());
        }
    }

    private static StreamId stream(JsonNode node) {
        String value = FieldReader.string(node, "stream");
        try {
            return new StreamId(value);
        } catch (IllegalArgumentException e) {
            throw JsonFaults.invalid(e.getMessage());
        }
    }
}
