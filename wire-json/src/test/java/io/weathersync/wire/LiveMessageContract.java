package io.weathersync.wire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.RejectedMessage.Kind;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.StreamId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How every live transport (the Redis subscriber, a slave's HTTP receive route) takes a message, stated once:
 * a message that cannot be read as a whole (not JSON, not an object or array, over the one size limit) is rejected
 * whole as MALFORMED and delivers nothing; otherwise each element stands alone: the good changes are delivered in
 * their order, and each bad one is rejected by kind, naming its index. Each transport runs this against itself
 * with raw bytes, through the real thing.
 */
public abstract class LiveMessageContract {

    /** What the transport made of one message: the changes it delivered, in order, and what it rejected. */
    protected record Outcome(List<SignedChange> delivered, List<RejectedMessage> rejected) {

        /** Copies both lists. */
        public Outcome {
            delivered = List.copyOf(delivered);
            rejected = List.copyOf(rejected);
        }
    }

    /** Writes the good messages the cases need, as a master would. */
    protected static final ChangeJson JSON = new ChangeJson();

    private final StreamId stream = StreamId.random();

    /** Sends {@code message} through the transport as it is, and returns once the transport has dealt with it. */
    protected abstract Outcome send(byte[] message) throws Exception;

    private SignedChange change(long seq) {
        return new SignedChange(new Change(stream, seq, reading("Oslo", seq, 1.5)), "c2ln" + seq);
    }

    private ObjectNode object(long seq) {
        return JSON.toJsonObject(change(seq));
    }

    private static byte[] bytes(Object json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code json} followed by spaces up to {@code size} bytes: still one JSON value. */
    private static byte[] padded(byte[] json, int size) {
        byte[] message = Arrays.copyOf(json, size);
        Arrays.fill(message, json.length, size, (byte) ' ');
        return message;
    }

    private static void assertRejectedWhole(Outcome outcome, Kind kind, String reason) {
        assertThat(outcome.delivered()).as("delivered").isEmpty();
        assertThat(outcome.rejected()).singleElement().satisfies(rejection -> {
            assertThat(rejection.kind()).isEqualTo(kind);
            assertThat(rejection).hasMessageContaining(reason);
        });
    }

    @Test
    void aGoodChangeIsDeliveredWithItsSignature() throws Exception {
        Outcome outcome = send(JSON.toJsonBytes(change(1)));

        assertThat(outcome.delivered()).containsExactly(change(1));
        assertThat(outcome.rejected()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json at all", "{\"v\":1,", "[{\"v\":1}", "{\"v\":1} {\"v\":1}", "{\"v\":1,\"v\":1}",
            "42", "\"text\"", "null"})
    void garbageIsMalformedAndDeliversNothing(String garbage) throws Exception {
        assertRejectedWhole(send(garbage.getBytes(StandardCharsets.UTF_8)), Kind.MALFORMED, "body: ");
    }

    @Test
    void bytesThatAreNotTextAreMalformedAndDeliverNothing() throws Exception {
        byte[] random = new byte[256];
        new Random(20261123).nextBytes(random);
        random[0] = 1; // a control character: never the start of a JSON value

        assertRejectedWhole(send(new byte[] {'{', '"', (byte) 0xC3, 0x28, '"', ':', '1', '}'}), Kind.MALFORMED,
                "body: not JSON");
        assertRejectedWhole(send(random), Kind.MALFORMED, "body: not JSON");
    }

    @Test
    void aMessageOverTheLimitIsRejectedWholeThoughItsChangesAreGood() throws Exception {
        byte[] good = JSON.toJsonBytes(List.of(change(1), change(2)));

        Outcome outcome = send(padded(good, ChangeJson.MAX_MESSAGE_BYTES + 1));

        assertRejectedWhole(outcome, Kind.MALFORMED, "larger than the limit of 1048576 bytes");
    }

    @Test
    void aMessageOfExactlyTheLimitIsRead() throws Exception {
        Outcome outcome = send(padded(JSON.toJsonBytes(change(1)), ChangeJson.MAX_MESSAGE_BYTES));

        assertThat(outcome.delivered()).containsExactly(change(1));
        assertThat(outcome.rejected()).isEmpty();
    }

    @Test
    void anArrayDeliversItsGoodElementsInOrderAndRejectsEachBadOneNamingItsIndex() throws Exception {
        ArrayNode array = JSON.mapper().createArrayNode();
        array.add(object(1)).add(object(2).put("humidity", 400)).add(object(3)).add("text").add(object(4))
                .add(object(5).put("v", 2)).add(object(6));

        Outcome outcome = send(bytes(array));

        assertThat(outcome.delivered()).containsExactly(change(1), change(3), change(4), change(6));
        assertThat(outcome.rejected()).extracting(RejectedMessage::kind)
                .containsExactly(Kind.INVALID_FIELD, Kind.MALFORMED, Kind.UNKNOWN_VERSION);
        assertThat(outcome.rejected()).extracting(RejectedMessage::getMessage).satisfiesExactly(
                reason -> assertThat(reason).startsWith("element 1: humidity: "),
                reason -> assertThat(reason).startsWith("element 3: must be a JSON object"),
                reason -> assertThat(reason).startsWith("element 5: v: "));
    }

    @Test
    void anUnknownVersionIsRejectedAsSuch() throws Exception {
        assertRejectedWhole(send(bytes(object(1).put("v", 2))), Kind.UNKNOWN_VERSION, "v: ");
        assertRejectedWhole(send(bytes(object(1).without("v"))), Kind.UNKNOWN_VERSION, "v: ");
    }

    @Test
    void aSignatureThatIsNotAStringIsAnInvalidField() throws Exception {
        assertRejectedWhole(send(bytes(object(1).put("sig", 5))), Kind.INVALID_FIELD, "sig: must be a string");
    }
}
