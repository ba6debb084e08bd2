package io.weathersync.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.RejectedMessage.Kind;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Live changes as JSON: round trip, the seed fields at the top level, and whole messages that cannot be read. */
class ChangeJsonTest {

    private static final StreamId STREAM = new StreamId("stream-1");
    private final ChangeJson json = new ChangeJson();

    static SignedChange change(long seq, String city, String sig) {
        WeatherReading reading = new WeatherReading(new City(city), Instant.parse("2026-11-23T10:00:00Z"),
                26.5, 65, 1012.0, 3.2, 180.0, 0.0, 2, "open-meteo");
        return new SignedChange(new Change(STREAM, seq, reading), sig);
    }

    @Test
    void changesSurviveARoundTripWithAndWithoutSignature() {
        List<SignedChange> changes = List.of(change(1, "Beijing", "c2ln"), change(2, "Shanghai", null));

        LiveMessage back = json.readLive(json.toJsonBytes(changes));

        assertThat(back.changes()).isEqualTo(changes);
        assertThat(back.rejections()).isEmpty();
    }

    @Test
    void objectCarriesTheSeedFieldsAtTheTopLevel() {
        ObjectNode node = json.toJsonObject(change(42, "Beijing", "c2ln"));

        assertThat(node.get("v").asInt()).isEqualTo(1);
        assertThat(node.get("seq").asLong()).isEqualTo(42);
        assertThat(node.get("city").asText()).isEqualTo("Beijing");
        assertThat(node.get("temp").asDouble()).isEqualTo(26.5);
        assertThat(node.get("timestamp").asText()).isEqualTo("2026-11-23T10:00:00Z");
        assertThat(node.get("sig").asText()).isEqualTo("c2ln");
        assertThat(node.has("stream")).isTrue();
    }

    @Test
    void aMessageCarriesItsSendersTraceBesideTheChangeWhichReadsAsWithoutIt() {
        String trace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        LiveMessage read = json.readLive(json.toJsonBytes(change(7, "Paris", "c2ln"), Optional.of(trace)));

        assertThat(read.traceparent()).contains(trace);
        assertThat(read.changes()).containsExactly(change(7, "Paris", "c2ln"));
        assertThat(read.rejections()).isEmpty();
        assertThat(json.readLive(json.toJsonBytes(change(7, "Paris", null))).traceparent()).isEmpty();
    }

    @Test
    void aTraceThatIsNotTextOrTooLongIsLeftOutAndTheChangeStillReads() {
        for (Object trace : List.of(42, List.of("00-…"), "x".repeat(LiveMessage.MAX_TRACEPARENT + 1))) {
            ObjectNode node = json.toJsonObject(change(7, "Paris", null));
            node.set(LiveMessage.TRACEPARENT, json.mapper().valueToTree(trace));

            LiveMessage read = json.readLive(bytes(node.toString()));

            assertThat(read.traceparent()).as("traceparent %s", trace).isEmpty();
            assertThat(read.changes()).containsExactly(change(7, "Paris", null));
        }
        assertThat(json.readLive(json.toJsonBytes(List.of(change(7, "Paris", null)))).traceparent())
                .as("an array (an HTTP push body: its trace is the request's header)").isEmpty();
    }

    @Test
    void singleObjectIsReadAsOneChange() {
        byte[] one = json.toJsonBytes(change(7, "Paris", null));

        assertThat(json.readLive(one).changes()).containsExactly(change(7, "Paris", null));
    }

    @Test
    void notJsonIsMalformedAsAWhole() {
        assertRefused("{\"v\":1,", "body: not JSON");
        assertRefused("", "body: empty");
        assertRefused("  \n", "body: empty");
        assertRefused("\"text\"", "was the string \"text\"");
        assertRefused("{\"v\":1} {\"v\":1}", "body: not JSON");
        assertRefused("{\"v\":1,\"v\":1}", "body: not JSON");
    }

    @Test
    void anElementThatIsNotAnObjectIsMalformedNamingIt() {
        LiveMessage read = json.readLive(bytes("[1]"));

        assertThat(read.changes()).isEmpty();
        assertThat(read.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.kind()).isEqualTo(Kind.MALFORMED);
            assertThat(rejection).hasMessage("element 0: must be a JSON object, was the number 1");
        });
    }

    @Test
    void unknownVersionIsRejectedAsSuch() {
        ObjectNode node = json.toJsonObject(change(1, "Paris", null)).put("v", 2);

        assertThat(json.readLive(bytes("[" + node + "]")).rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.kind()).isEqualTo(Kind.UNKNOWN_VERSION);
            assertThat(rejection).hasMessageStartingWith("element 0: v");
        });
    }

    @Test
    void badFieldIsRejectedNamingFieldAndElement() {
        ObjectNode good = json.toJsonObject(change(1, "Paris", null));
        ObjectNode bad = json.toJsonObject(change(2, "Rome", null)).put("humidity", 140);

        assertInvalid("[" + good + "," + bad + "]", "element 1: humidity");
        assertInvalid(json.toJsonObject(change(2, "Rome", null)).put("seq", 2.5).toString(), "seq");
        assertInvalid(json.toJsonObject(change(2, "Rome", null)).put("sig", 5).toString(), "sig");
    }

    private void assertRefused(String body, String text) {
        assertThatThrownBy(() -> json.readLive(bytes(body)))
                .isInstanceOfSatisfying(RejectedMessage.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED))
                .hasMessageContaining(text);
    }

    private void assertInvalid(String body, String text) {
        assertThat(json.readLive(bytes(body)).rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.kind()).isEqualTo(Kind.INVALID_FIELD);
            assertThat(rejection).hasMessageContaining(text);
        });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
