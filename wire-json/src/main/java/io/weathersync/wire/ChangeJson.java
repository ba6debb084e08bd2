package io.weathersync.wire;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weathersync.domain.cluster.RegistryBackup;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.message.SignedPush;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.WeatherReading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The JSON codec of DESIGN's message format, the one every transport uses: changes (one object, or an array),
 * catch-up pages, pushed pages, and a reading's fields alone. Two readers: {@link #readLive} for live messages
 * (per element: the good changes and a rejection per bad one) and the strict, all-or-nothing readers of pages
 * ({@link #pushFromJson}, {@link #pageFromJson}). Thread-safe; create one and share it.
 */
public final class ChangeJson {

    /** The version of the message format this node writes and reads ({@code v}). */
    public static final int VERSION = 1;
    /** The largest message read, in bytes, on every transport; a larger one is refused whole, unread. */
    public static final int MAX_MESSAGE_BYTES = 1 << 20;

    // Duplicate keys would make a message mean different things to different readers; trailing tokens mean it
    // was not one JSON value. Jackson's default stream limits (nesting depth, number length) stay on.
    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The strict mapper this codec reads and writes with, for the other JSON of a node (replies, bodies). */
    public JsonMapper mapper() {
        return mapper;
    }

    /** The JSON object of one change, with {@code sig} when it carries one. */
    public ObjectNode toJsonObject(SignedChange change) {
        ObjectNode node = mapper.createObjectNode();
        ChangeFields.write(change, node);
        return node;
    }

    /** A JSON array of the changes' objects, in order. */
    public ArrayNode toJsonArray(List<SignedChange> changes) {
        ArrayNode array = mapper.createArrayNode();
        changes.forEach(change -> ChangeFields.write(change, array.addObject()));
        return array;
    }

    /** One change as a message (a Redis message carries one), UTF-8. */
    public byte[] toJsonBytes(SignedChange change) {
        return bytes(toJsonObject(change));
    }

    /**
     * As {@link #toJsonBytes(SignedChange)}, with the sender's {@code traceparent}, when there is one, beside the
     * change's fields (what {@link LiveMessage#traceparent()} reads back).
     */
    public byte[] toJsonBytes(SignedChange change, Optional<String> traceparent) {
        ObjectNode message = toJsonObject(change);
        traceparent.ifPresent(trace -> message.put(LiveMessage.TRACEPARENT, trace));
        return bytes(message);
    }

    /** The changes as the UTF-8 bytes of a JSON array (an HTTP push body). */
    public byte[] toJsonBytes(List<SignedChange> changes) {
        return bytes(toJsonArray(changes));
    }

    /** The changes as the text of a JSON array. */
    public String toJson(List<SignedChange> changes) {
        return new String(toJsonBytes(changes), StandardCharsets.UTF_8);
    }

    /** A catch-up page: {@code {"stream","head","complete_through","changes":[change objects without sig]}}. */
    public ObjectNode toJsonObject(ChangePage page) {
        ObjectNode node = mapper.createObjectNode();
        PageFields.write(page, node);
        return node;
    }

    /**
     * A signed pushed page: {@code {"kind":"catch_up"|"repair","after":N,"stream","head","complete_through",
     * "changes":[…],"sig"}}, {@code sig} only when it carries one.
     */
    public ObjectNode toJsonObject(SignedPush push) {
        ObjectNode node = mapper.createObjectNode();
        PushFields.write(push, node);
        return node;
    }

    /** The pushed page as UTF-8 JSON bytes. */
    public byte[] toJsonBytes(SignedPush push) {
        return bytes(toJsonObject(push));
    }

    /** A reading's fields alone, as the read API answers them and {@code POST /api/publish} takes them. */
    public ObjectNode toJsonObject(WeatherReading reading) {
        ObjectNode node = mapper.createObjectNode();
        ReadingFields.write(reading, node);
        return node;
    }

    /**
     * Reads one JSON value strictly (no duplicate keys, nothing after it), at most {@link #MAX_MESSAGE_BYTES}.
     *
     * @throws RejectedMessage MALFORMED when it is too large, empty or not one JSON value
     */
    public JsonNode readTree(byte[] json) {
        if (json.length > MAX_MESSAGE_BYTES) {
            throw JsonFaults.tooLarge(json.length);
        }
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JacksonException e) {
            throw JsonFaults.notJson(e.getOriginalMessage());
        } catch (IOException e) {
            throw JsonFaults.notJson(e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw JsonFaults.empty();
        }
        return root;
    }

    /** Whether a parsed body is a pushed page (an object with {@code kind}) rather than live changes. */
    public static boolean isPush(JsonNode root) {
        return root != null && root.isObject() && root.has(PushFields.KIND);
    }

    /**
     * Reads a live message: one change object or an array of them, element by element.
     *
     * @throws RejectedMessage MALFORMED when the message as a whole is unreadable ({@link #readTree}) or neither
     *                         an object nor an array; nothing of it is read then
     */
    public LiveMessage readLive(byte[] message) {
        return readLive(readTree(message));
    }

    /** As {@link #readLive(byte[])}, from a parsed message. */
    public LiveMessage readLive(JsonNode root) {
        return LiveMessage.read(root);
    }

    /**
     * Reads a pushed page from UTF-8 JSON, strictly; its signature is not checked here.
     *
     * @throws RejectedMessage as {@link #readTree} and {@link #pushFromJson}
     */
    public SignedPush parsePush(byte[] json) {
        return pushFromJson(readTree(json));
    }

    /**
     * Reads a pushed page from a parsed body, all or nothing.
     *
     * @throws RejectedMessage MALFORMED when it is not an object; INVALID_FIELD (or, for a change, that change's
     *                         kind) naming what is missing, mistyped or inconsistent, e.g.
     *                         {@code changes[2]: humidity: …}
     */
    public SignedPush pushFromJson(JsonNode root) {
        return PushFields.read(root);
    }

    /**
     * Reads a catch-up page (an object as {@link #toJsonObject(ChangePage)} writes it), all or nothing.
     *
     * @throws RejectedMessage as {@link #pushFromJson}, naming the field relative to the page
     */
    public ChangePage pageFromJson(JsonNode page) {
        if (page == null || !page.isObject()) {
            throw JsonFaults.notObject(page);
        }
        return PageFields.read(page);
    }

    /** The registry a slave keeps a copy of, as the master serves it and a slave exports it. */
    public ObjectNode toJsonObject(RegistryBackup registry) {
        ObjectNode root = mapper.createObjectNode();
        RegistryFields.write(registry, root);
        return root;
    }

    /**
     * Reads a registry (an object as {@link #toJsonObject(RegistryBackup)} writes it), all or nothing.
     *
     * @throws RejectedMessage MALFORMED or INVALID_FIELD naming the field as {@code nodes[N].name}
     */
    public RegistryBackup registryFromJson(JsonNode registry) {
        return RegistryFields.read(registry);
    }

    /**
     * Reads a reading's fields alone; other members are ignored.
     *
     * @throws RejectedMessage MALFORMED when it is not an object, INVALID_FIELD naming the field
     */
    public WeatherReading readingFromJson(JsonNode object) {
        if (object == null || !object.isObject()) {
            throw JsonFaults.notObject(object);
        }
        return ReadingFields.read(object);
    }

    private byte[] bytes(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            // Only strings, numbers and objects go in: this cannot happen short of a broken Jackson.
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
