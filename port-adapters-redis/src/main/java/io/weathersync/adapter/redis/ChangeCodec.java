package io.weathersync.adapter.redis;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.weathersync.domain.message.ChangeMessage;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.RejectedMessage.Kind;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.Change;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Change messages as JSON bytes (DESIGN "Message format"): one change per object written, an object or an
 * array of objects read. The fields come from {@link ChangeMessage}; this class only adds the JSON.
 */
final class ChangeCodec {

    /** The largest message parsed, in bytes; a larger one is rejected unread. */
    static final int MAX_MESSAGE_BYTES = 1 << 20;

    // Duplicate keys would make a message mean different things to different readers; trailing tokens
    // mean it was not one JSON value. Floats stay Double (exact round trip), integers Integer/Long/BigInteger.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** What one message held: the changes read, and a rejection for each part that could not be. */
    record Decoded(List<SignedChange> changes, List<RejectedMessage> rejections) {

        Decoded {
            changes = List.copyOf(changes);
            rejections = List.copyOf(rejections);
        }

        static Decoded rejected(Kind kind, String message) {
            return new Decoded(List.of(), List.of(new RejectedMessage(kind, message)));
        }
    }

    private ChangeCodec() {
    }

    /** The JSON object of one change, UTF-8. */
    static byte[] encode(SignedChange change) {
        try {
            return JSON.writeValueAsBytes(ChangeMessage.toFields(change.change(), change.sig()));
        } catch (JsonProcessingException e) {
            // Only strings, numbers and null go in: this cannot happen short of a broken Jackson.
            throw new IllegalStateException("cannot write a change as JSON", e);
        }
    }

    /** Reads a message; never throws for bad input, it says what was wrong in {@link Decoded#rejections}. */
    static Decoded decode(byte[] message) {
        if (message.length > MAX_MESSAGE_BYTES) {
            return Decoded.rejected(Kind.MALFORMED,
                    "message: " + message.length + " bytes exceeds the limit of " + MAX_MESSAGE_BYTES);
        }
        Object value;
        try {
            value = JSON.readValue(message, Object.class);
        } catch (JacksonException e) {
            return Decoded.rejected(Kind.MALFORMED, "message: not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            return Decoded.rejected(Kind.MALFORMED, "message: unreadable (" + e.getMessage() + ")");
        }
        if (value instanceof Map<?, ?> fields) {
            return decodeAll(List.of(fields), false);
        }
        if (value instanceof List<?> elements) {
            return decodeAll(elements, true);
        }
        return Decoded.rejected(Kind.MALFORMED,
                "message: must be a JSON object or an array of objects, was " + describe(value));
    }

    private static Decoded decodeAll(List<?> elements, boolean array) {
        List<SignedChange> changes = new ArrayList<>(elements.size());
        List<RejectedMessage> rejections = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            String where = array ? "element " + i + ": " : "";
            try {
                changes.add(decodeOne(elements.get(i)));
            } catch (RejectedMessage e) {
                rejections.add(array ? new RejectedMessage(e.kind(), where + e.getMessage()) : e);
            } catch (RuntimeException e) {
                rejections.add(new RejectedMessage(Kind.INVALID_FIELD, where + e));
            }
        }
        return new Decoded(changes, rejections);
    }

    @SuppressWarnings("unchecked")
    private static SignedChange decodeOne(Object element) {
        if (!(element instanceof Map<?, ?> map)) {
            throw new RejectedMessage(Kind.MALFORMED, "must be a JSON object, was " + describe(element));
        }
        // Jackson reads JSON object keys as strings.
        Map<String, ?> fields = (Map<String, ?>) map;
        Change change = ChangeMessage.fromFields(fields);
        Object sig = fields.get("sig");
        if (sig != null && !(sig instanceof String)) {
            throw new RejectedMessage(Kind.INVALID_FIELD, "sig: must be a string, was " + describe(sig));
        }
        return new SignedChange(change, ChangeMessage.signature(fields));
    }

    private static String describe(Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> "a string";
            case Number n -> "a number";
            case Boolean b -> "a boolean";
            case List<?> l -> "an array";
            default -> "an object";
        };
    }
}
