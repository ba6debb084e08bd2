package io.weathersync.adapter.http.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.RejectedMessage.Kind;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

        assertThat(json.parse(json.toJson(changes))).isEqualTo(changes);
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
    void singleObjectIsReadAsOneChange() {
        String one = json.toJsonObject(change(7, "Paris", null)).toString();

        assertThat(json.parse(one)).containsExactly(change(7, "Paris", null));
    }

    @Test
    void notJsonIsMalformed() {
        assertRejected("{\"v\":1,", Kind.MALFORMED, "not JSON");
        assertRejected("", Kind.MALFORMED, "empty");
        assertRejected("\"text\"", Kind.MALFORMED, "was a string");
        assertRejected("[1]", Kind.MALFORMED, "element 0");
        assertRejected("{\"v\":1} {\"v\":1}", Kind.MALFORMED, "not JSON");
        assertRejected("{\"v\":1,\"v\":1}", Kind.MALFORMED, "not JSON");
    }

    @Test
    void unknownVersionIsRejectedAsSuch() {
        ObjectNode node = json.toJsonObject(change(1, "Paris", null)).put("v", 2);

        assertRejected("[" + node + "]", Kind.UNKNOWN_VERSION, "element 0: v");
    }

    @Test
    void badFieldIsRejectedNamingFieldAndElement() {
        ObjectNode good = json.toJsonObject(change(1, "Paris", null));
        ObjectNode bad = json.toJsonObject(change(2, "Rome", null)).put("humidity", 140);

        assertRejected("[" + good + "," + bad + "]", Kind.INVALID_FIELD, "element 1: humidity");
        assertRejected(json.toJsonObject(change(2, "Rome", null)).put("seq", 2.5).toString(),
                Kind.INVALID_FIELD, "seq");
        assertRejected(json.toJsonObject(change(2, "Rome", null)).put("sig", 5).toString(),
                Kind.INVALID_FIELD, "sig");
    }

    private void assertRejected(String body, Kind kind, String text) {
        assertThatThrownBy(() -> json.parse(body))
                .isInstanceOfSatisfying(RejectedMessage.class, e -> assertThat(e.kind()).isEqualTo(kind))
                .hasMessageContaining(text);
    }
}
