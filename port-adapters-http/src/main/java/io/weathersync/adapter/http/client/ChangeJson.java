package io.weathersync.adapter.http.client;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weathersync.domain.message.ChangeMessage;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.RejectedMessage.Kind;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.message.SignedPush;
import io.weathersync.domain.model.Change;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Signed changes as JSON (DESIGN "Message format") for the HTTP push body, the catch-up page and the
 * receive route, and signed pushed pages ({@link SignedPush}) for seed 001's requested sync: the fields come
 * from {@link ChangeMessage}, this class only adds Jackson. Thread-safe; create one and share it.
 */
public final class ChangeJson {

    // Duplicate keys would make a message mean different things to different readers; trailing tokens mean
    // it was not one JSON value. Integers stay Integer/Long (ChangeMessage needs that for seq), floats Double.
    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The Jackson mapper this codec reads and writes with (strict: duplicate keys and trailing data fail). */
    public JsonMapper mapper() {
        return mapper;
    }

    /** The JSON object of one change, with {@code sig} when it carries one. */
    public ObjectNode toJsonObject(SignedChange change) {
        return mapper.valueToTree(ChangeMessage.toFields(change.change(), change.sig()));
    }

    /** A JSON array of the changes' objects, in order. */
    public ArrayNode toJsonArray(List<SignedChange> changes) {
        ArrayNode array = mapper.createArrayNode();
        changes.forEach(change -> array.add(toJsonObject(change)));
        return array;
    }

    /** The changes as the text of a JSON array. */
    public String toJson(List<SignedChange> changes) {
        try {
            return mapper.writeValueAsString(toJsonArray(changes));
        } catch (JsonProcessingException e) {
            // Only strings, numbers and null go in: this cannot happen short of a broken Jackson.
            throw new IllegalStateException("cannot write changes as JSON", e);
        }
    }

    /** The changes as the UTF-8 bytes of a JSON array. */
    public byte[] toJsonBytes(List<SignedChange> changes) {
        return toJson(changes).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads one change object or an array of them; all or nothing.
     *
     * @throws RejectedMessage MALFORMED (not JSON, not objects), UNKNOWN_VERSION or INVALID_FIELD; for an
     *                         array the message starts with the element's index
     */
    public List<SignedChange> parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #parse(String)}, from UTF-8 bytes. */
    public List<SignedChange> parse(byte[] json) {
        return changes(readTree(json));
    }

    /**
     * Reads one JSON value, strictly (no duplicate keys, nothing after it).
     *
     * @throws RejectedMessage MALFORMED when it is not one JSON value
     */
    public JsonNode readTree(byte[] json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new RejectedMessage(Kind.MALFORMED, "body: not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new RejectedMessage(Kind.MALFORMED, "body: unreadable (" + e.getMessage() + ")");
        }
        if (root == null || root.isMissingNode()) {
            throw new RejectedMessage(Kind.MALFORMED, "body: empty, expected a JSON object or array");
        }
        return root;
    }

    /**
     * Reads one change object or an array of them from a parsed body; all or nothing.
     *
     * @throws RejectedMessage as {@link #parse(String)}
     */
    public List<SignedChange> changes(JsonNode root) {
        if (root.isObject()) {
            return List.of(fromJsonObject(root));
        }
        if (root.isArray()) {
            List<SignedChange> changes = new ArrayList<>(root.size());
            for (int i = 0; i < root.size(); i++) {
                try {
                    changes.add(fromJsonObject(root.get(i)));
                } catch (RejectedMessage e) {
                    throw new RejectedMessage(e.kind(), "element " + i + ": " + e.getMessage());
                }
            }
            return changes;
        }
        throw new RejectedMessage(Kind.MALFORMED,
                "body: must be a JSON object or an array of objects, was " + describe(root));
    }

    /** Whether a parsed body is a pushed page (an object with {@code kind}) rather than live changes. */
    public static boolean isPush(JsonNode root) {
        return root != null && root.isObject() && root.has(PushFields.KIND);
    }

    /**
     * A signed pushed page as a JSON object: {@code {"kind":"catch_up"|"repair","after":N,"stream":…,"head":…,
     * "complete_through":…,"changes":[change objects],"sig":…}}, {@code sig} only when it carries one.
     */
    public ObjectNode toJsonObject(SignedPush push) {
        return PushFields.write(this, push);
    }

    /** The pushed page as UTF-8 JSON bytes. */
    public byte[] toJsonBytes(SignedPush push) {
        return toJsonObject(push).toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a pushed page from UTF-8 JSON.
     *
     * @throws RejectedMessage as {@link #pushFromJson}
     */
    public SignedPush parsePush(byte[] json) {
        return pushFromJson(readTree(json));
    }

    /**
     * Reads a pushed page from a parsed body. Its signature is not checked here.
     *
     * @throws RejectedMessage MALFORMED when it is not an object; INVALID_FIELD (or, for a change, that change's
     *                         kind) naming the field that is missing, mistyped or inconsistent, e.g.
     *                         {@code changes[2]: humidity: …} or {@code complete_through: must not exceed head …}
     */
    public SignedPush pushFromJson(JsonNode root) {
        return PushFields.read(this, root);
    }

    /**
     * Reads one change from a parsed JSON object (e.g. an element of a catch-up page).
     *
     * @throws RejectedMessage MALFORMED when it is not an object, else as {@link ChangeMessage#fromFields}
     */
    public SignedChange fromJsonObject(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new RejectedMessage(Kind.MALFORMED, "must be a JSON object, was " + describe(node));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = mapper.convertValue(node, Map.class);
        Change change = ChangeMessage.fromFields(fields);
        Object sig = fields.get("sig");
        if (sig != null && !(sig instanceof String)) {
            throw new RejectedMessage(Kind.INVALID_FIELD, "sig: must be a string, was " + describe(node.get("sig")));
        }
        return new SignedChange(change, ChangeMessage.signature(fields));
    }

    static String describe(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null";
        }
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            default -> "an object";
        };
    }
}
