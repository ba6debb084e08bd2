package io.weathersync.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.SignedChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one live message (a Redis message, an HTTP push body) held: the changes that could be read, in their
 * order, and one rejection per element that could not, naming it ({@code element N: …} in an array). A live
 * transport delivers the first and reports the second; one bad change never holds back the good ones, since
 * each is verified and sequenced on its own.
 *
 * @param changes     the changes read, signatures unchecked
 * @param rejections  why each other element was not read
 * @param traceparent the W3C {@code traceparent} a one-change message carried beside its fields (as text, checked
 *                    by whoever uses it; empty when absent, not text, or longer than {@link #MAX_TRACEPARENT}); it
 *                    is not signed and only ties log lines together
 */
public record LiveMessage(List<SignedChange> changes, List<RejectedMessage> rejections, Optional<String> traceparent) {

    /** The message field that carries the sender's trace (the W3C header's name). */
    public static final String TRACEPARENT = "traceparent";
    /** The longest {@code traceparent} read (version 00 has 55 characters; later versions may add more). */
    public static final int MAX_TRACEPARENT = 256;

    /** Copies both lists. */
    public LiveMessage {
        changes = List.copyOf(changes);
        rejections = List.copyOf(rejections);
        Objects.requireNonNull(traceparent, "traceparent");
    }

    /** A message refused as a whole: nothing read, one rejection. */
    public static LiveMessage refused(RejectedMessage rejection) {
        return new LiveMessage(List.of(), List.of(rejection), Optional.empty());
    }

    /**
     * Reads a parsed live message element by element.
     *
     * @throws RejectedMessage MALFORMED when it is neither an object nor an array
     */
    static LiveMessage read(JsonNode root) {
        if (!root.isObject() && !root.isArray()) {
            throw JsonFaults.notObjectOrArray(root);
        }
        boolean array = root.isArray();
        int count = array ? root.size() : 1;
        List<SignedChange> changes = new ArrayList<>(count);
        List<RejectedMessage> rejections = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try {
                changes.add(ChangeFields.read(array ? root.get(i) : root));
            } catch (RejectedMessage e) {
                rejections.add(array ? JsonFaults.at("element " + i, e) : e);
            }
        }
        return new LiveMessage(changes, rejections, array ? Optional.empty() : traceparent(root.get(TRACEPARENT)));
    }

    private static Optional<String> traceparent(JsonNode field) {
        return field != null && field.isTextual() && field.textValue().length() <= MAX_TRACEPARENT
                ? Optional.of(field.textValue()) : Optional.empty();
    }
}
