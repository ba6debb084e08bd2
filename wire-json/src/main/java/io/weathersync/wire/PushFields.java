package io.weathersync.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.SignedPush;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.SyncPush;

import java.util.Locale;

/**
 * A pushed page in the wire format, {@code "kind","after"}, the page's fields ({@link PageFields}) and
 * {@code "sig"}, in this order; {@code sig} is the master's signature over the whole page. Reading is strict:
 * every field is checked for presence and type and named when wrong.
 */
final class PushFields {

    /** The member that tells a pushed page from a change object, which never has it. */
    static final String KIND = "kind";

    private PushFields() {
    }

    static void write(SignedPush signed, ObjectNode node) {
        SyncPush push = signed.push();
        node.put(KIND, push.kind().name().toLowerCase(Locale.ROOT));
        node.put("after", push.after());
        PageFields.write(push.page(), node);
        if (signed.sig() != null) {
            node.put("sig", signed.sig());
        }
    }

    /**
     * The pushed page in {@code node}; its signature is not checked here.
     *
     * @throws RejectedMessage MALFORMED when it is not an object; else as {@link PageFields#read}, and
     *                         INVALID_FIELD for a wrong {@code kind}, {@code after} or {@code sig}
     */
    static SignedPush read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw JsonFaults.at("body", JsonFaults.notObject(node));
        }
        SyncPush.Kind kind = kind(node.get(KIND));
        long after = FieldReader.nonNegative(node, "after");
        ChangePage page = PageFields.read(node);
        String sig = FieldReader.optionalString(node, "sig");
        try {
            return new SignedPush(new SyncPush(kind, after, page), sig);
        } catch (IllegalArgumentException e) {
            throw JsonFaults.invalid(e.getMessage());
        }
    }

    private static SyncPush.Kind kind(JsonNode value) {
        return switch (value != null && value.isTextual() ? value.textValue() : "") {
            case "catch_up" -> SyncPush.Kind.CATCH_UP;
            case "repair" -> SyncPush.Kind.REPAIR;
            default -> throw JsonFaults.wrongType(KIND, "\"catch_up\" or \"repair\"", value);
        };
    }
}
