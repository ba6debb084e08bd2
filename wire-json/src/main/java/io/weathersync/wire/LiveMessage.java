package io.weathersync.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.SignedChange;

import java.util.ArrayList;
import java.util.List;

/**
 * What one live message (a Redis message, an HTTP push body) held: the changes that could be read, in their
 * order, and one rejection per element that could not, naming it ({@code element N: …} in an array). A live
 * transport delivers the first and reports the second; one bad change never holds back the good ones, since
 * each is verified and sequenced on its own.
 *
 * @param changes    the changes read, signatures unchecked
 * @param rejections why each other element was not read
 */
public record LiveMessage(List<SignedChange> changes, List<RejectedMessage> rejections) {

    /** Copies both lists. */
    public LiveMessage {
        changes = List.copyOf(changes);
        rejections = List.copyOf(rejections);
    }

    /** A message refused as a whole: nothing read, one rejection. */
    public static LiveMessage refused(RejectedMessage rejection) {
        return new LiveMessage(List.of(), List.of(rejection));
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
        return new LiveMessage(changes, rejections);
    }
}
