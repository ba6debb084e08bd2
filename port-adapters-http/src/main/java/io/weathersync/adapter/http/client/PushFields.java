package io.weathersync.adapter.http.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.RejectedMessage.Kind;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.message.SignedPush;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.SyncPush;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The wire form of a pushed page, {@code {"kind","after","stream","head","complete_through","changes","sig"}},
 * for {@link ChangeJson}. Each change is a message-format object without its own {@code sig}: the page's
 * signature covers them all. Reading is strict: every field is checked for presence and type and named when wrong.
 */
final class PushFields {

    /** The field that tells a pushed page from a change object, which never has it. */
    static final String KIND = "kind";

    private PushFields() {
    }

    static ObjectNode write(ChangeJson json, SignedPush signed) {
        SyncPush push = signed.push();
        ChangePage page = push.page();
        ObjectNode node = json.mapper().createObjectNode();
        node.put(KIND, push.kind().name().toLowerCase(Locale.ROOT));
        node.put("after", push.after());
        node.put("stream", page.stream().value());
        node.put("head", page.head());
        node.put("complete_through", page.completeThrough());
        ArrayNode changes = node.putArray("changes");
        page.changes().forEach(change -> changes.add(json.toJsonObject(new SignedChange(change, null))));
        if (signed.sig() != null) {
            node.put("sig", signed.sig());
        }
        return node;
    }

    static SignedPush read(ChangeJson json, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new RejectedMessage(Kind.MALFORMED, "body: must be a JSON object, was " + ChangeJson.describe(node));
        }
        SyncPush.Kind kind = kind(node.get(KIND));
        long after = whole(node, "after");
        StreamId stream = stream(node.get("stream"));
        long head = whole(node, "head");
        long through = whole(node, "complete_through");
        List<Change> changes = changes(json, node.get("changes"));
        JsonNode sig = node.get("sig");
        if (sig != null && !sig.isNull() && !sig.isTextual()) {
            throw invalid("sig: must be a string, was " + ChangeJson.describe(sig));
        }
        try {
            return new SignedPush(new SyncPush(kind, after, new ChangePage(stream, head, changes, through)),
                    sig == null || sig.isNull() ? null : sig.textValue());
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private static SyncPush.Kind kind(JsonNode value) {
        String text = value != null && value.isTextual() ? value.textValue() : null;
        if ("catch_up".equals(text)) {
            return SyncPush.Kind.CATCH_UP;
        }
        if ("repair".equals(text)) {
            return SyncPush.Kind.REPAIR;
        }
        throw invalid("kind: must be \"catch_up\" or \"repair\", was "
                + (text != null ? "\"" + abbreviate(text) + "\"" : ChangeJson.describe(value)));
    }

    private static long whole(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw invalid(field + ": must be a non-negative whole number, was "
                    + (value != null && value.isNumber() ? value.asText() : ChangeJson.describe(value)));
        }
        return value.longValue();
    }

    private static StreamId stream(JsonNode value) {
        if (value == null || !value.isTextual()) {
            throw invalid("stream: must be a string, was " + ChangeJson.describe(value));
        }
        try {
            return new StreamId(value.textValue());
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private static List<Change> changes(ChangeJson json, JsonNode value) {
        if (value == null || !value.isArray()) {
            throw invalid("changes: must be an array of change objects, was " + ChangeJson.describe(value));
        }
        List<Change> changes = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            try {
                changes.add(json.fromJsonObject(value.get(i)).change());
            } catch (RejectedMessage e) {
                throw new RejectedMessage(e.kind(), "changes[" + i + "]: " + e.getMessage());
            }
        }
        return changes;
    }

    private static String abbreviate(String text) {
        return text.length() <= 32 ? text : text.substring(0, 32) + "…";
    }

    private static RejectedMessage invalid(String message) {
        return new RejectedMessage(Kind.INVALID_FIELD, message);
    }
}
