package io.weathersync.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.weathersync.testing.TestReadings.exact;
import static io.weathersync.testing.TestReadings.full;
import static io.weathersync.testing.TestReadings.minimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fields of one change on the wire: order, round trip, unknown versions and invalid fields. */
class ChangeFieldsTest {

    private static final ChangeJson JSON = new ChangeJson();
    private static final StreamId STREAM = new StreamId("5f0c-stream");
    private static final Change FULL = new Change(STREAM, 42, full("São Paulo",
            Instant.parse("2026-11-23T10:00:00.123Z")));
    private static final Change MINIMAL = new Change(STREAM, 7, minimal("Oslo", Instant.parse("2026-11-23T10:00:00Z")));

    /** The full change's object with {@code name} set to the JSON {@code value}, or removed when it is null. */
    private static ObjectNode fieldsWith(String name, String value) throws Exception {
        ObjectNode fields = JSON.toJsonObject(new SignedChange(FULL, "c2ln"));
        if (value == null) {
            fields.remove(name);
        } else {
            fields.set(name, JSON.mapper().readTree(value));
        }
        return fields;
    }

    private static SignedChange read(JsonNode fields) {
        LiveMessage read = JSON.readLive(fields);
        assertThat(read.rejections()).isEmpty();
        return read.changes().getFirst();
    }

    private static RejectedMessage rejection(JsonNode fields) {
        LiveMessage read = JSON.readLive(fields);
        assertThat(read.changes()).isEmpty();
        assertThat(read.rejections()).hasSize(1);
        return read.rejections().getFirst();
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void aFullChangeHasEveryFieldInAStableOrder() {
        ObjectNode fields = JSON.toJsonObject(new SignedChange(FULL, "c2ln"));

        assertThat(keys(fields)).containsExactly("v", "stream", "seq", "city", "temp", "humidity", "timestamp",
                "pressure", "wind_speed", "wind_direction", "precipitation", "weather_code", "source", "sig");
        assertThat(fields.get("v").isInt()).isTrue();
        assertThat(fields.get("seq").longValue()).isEqualTo(42L);
        assertThat(fields.get("city").textValue()).isEqualTo("São Paulo");
        assertThat(fields.get("timestamp").textValue()).isEqualTo("2026-11-23T10:00:00.123Z");
        assertThat(fields.get("weather_code").isInt()).isTrue();
        assertThat(fields.get("source").textValue()).isEqualTo("open-meteo");
        assertThat(fields.get("sig").textValue()).isEqualTo("c2ln");
    }

    @Test
    void absentOptionalFieldsAndSignatureAreLeftOut() {
        ObjectNode fields = JSON.toJsonObject(new SignedChange(MINIMAL, null));

        assertThat(keys(fields)).containsExactly("v", "stream", "seq", "city", "temp", "humidity", "timestamp",
                "source");
        assertThat(read(fields).sig()).isNull();
    }

    @Test
    void everyFieldRoundTripsExactly() {
        SignedChange back = read(JSON.toJsonObject(new SignedChange(FULL, "c2ln")));

        assertThat(exact(back.change())).isEqualTo(exact(FULL));
        assertThat(back.change()).isEqualTo(FULL);
        assertThat(back.sig()).isEqualTo("c2ln");
    }

    @Test
    void absentOptionalFieldsStayAbsentAfterTheRoundTrip() {
        Change back = read(JSON.toJsonObject(new SignedChange(MINIMAL, null))).change();

        assertThat(exact(back)).isEqualTo(exact(MINIMAL));
        assertThat(back.reading().pressure()).isNull();
        assertThat(back.reading().weatherCode()).isNull();
    }

    @Test
    void numbersInAnyJsonFormAreAcceptedWhereTheyMeanTheSame() {
        ObjectNode fields = JSON.toJsonObject(new SignedChange(MINIMAL, null));
        fields.put("seq", 7);
        fields.put("temp", new BigDecimal("-12.5"));
        fields.put("humidity", 0);
        fields.put("weather_code", 3.0);
        fields.putNull("pressure");

        Change back = read(fields).change();

        assertThat(back.seq()).isEqualTo(7);
        assertThat(back.reading().temperature()).isEqualTo(-12.5);
        assertThat(back.reading().weatherCode()).isEqualTo(3);
        assertThat(back.reading().pressure()).isNull();
    }

    @Test
    void aPlainSeed000MessageWithoutVersionIsRejectedAsUnknownVersion() throws Exception {
        JsonNode seed000 = JSON.mapper().readTree(
                "{\"city\":\"Beijing\",\"temp\":26.5,\"humidity\":65,\"timestamp\":\"2026-11-23T10:00:00Z\"}");

        RejectedMessage rejected = rejection(seed000);

        assertThat(rejected.kind()).isEqualTo(RejectedMessage.Kind.UNKNOWN_VERSION);
        assertThat(rejected).hasMessage("v: must be 1 (the version this node reads), was missing");
    }

    @Test
    void anotherVersionIsRejectedAsUnknownVersion() throws Exception {
        for (String version : List.of("2", "0", "\"1\"", "1.5", "null")) {
            RejectedMessage rejected = rejection(fieldsWith("v", version));

            assertThat(rejected.kind()).as("v=%s", version).isEqualTo(RejectedMessage.Kind.UNKNOWN_VERSION);
            assertThat(rejected).hasMessageStartingWith("v: must be 1 (the version this node reads), was ");
        }
        assertThat(rejection(fieldsWith("v", "\"1\""))).hasMessageEndingWith("was the string \"1\"");
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                Arguments.of("temp", "\"26.5\"", "temp: must be a number, was the string \"26.5\""),
                Arguments.of("temp", null, "temp: must be a number, was missing"),
                Arguments.of("temp", "70.5", "temp: must be between -100 and 70, was 70.5"),
                Arguments.of("humidity", "true", "humidity: must be a number, was true"),
                Arguments.of("humidity", "null", "humidity: must be a number, was null"),
                Arguments.of("humidity", "-1", "humidity: must be between 0 and 100, was -1"),
                Arguments.of("seq", "1.5", "seq: must be a whole number, was the number 1.5"),
                Arguments.of("seq", "\"42\"", "seq: must be a whole number, was the string \"42\""),
                Arguments.of("seq", null, "seq: must be a whole number, was missing"),
                Arguments.of("seq", "0", "seq: must be at least 1, was 0"),
                Arguments.of("city", null, "city: must be a string, was missing"),
                Arguments.of("city", "12", "city: must be a string, was the number 12"),
                Arguments.of("city", "\" \"", "city: must not be empty"),
                Arguments.of("stream", null, "stream: must be a string, was missing"),
                Arguments.of("stream", "\"not a stream\"",
                        "stream: must be 1 to 64 letters, digits or '-', was 'not a stream'"),
                Arguments.of("timestamp", "\"yesterday\"",
                        "timestamp: must be an ISO-8601 UTC time, was the string \"yesterday\""),
                Arguments.of("timestamp", null, "timestamp: must be a string, was missing"),
                Arguments.of("weather_code", "1.5", "weather_code: must be a whole number, was the number 1.5"),
                Arguments.of("weather_code", "1000", "weather_code: must be between 0 and 999, was 1000"),
                Arguments.of("pressure", "\"high\"", "pressure: must be a number, was the string \"high\""),
                Arguments.of("source", null, "source: must be a string, was missing"),
                Arguments.of("source", "\"Open Meteo\"",
                        "source: must be 1 to 32 lower-case letters, digits, '.', '_' or '-', was 'Open Meteo'"),
                Arguments.of("sig", "12", "sig: must be a string, was the number 12"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidFields")
    void aWrongFieldIsRejectedAsInvalidNamingTheField(String field, String value, String message) throws Exception {
        RejectedMessage rejected = rejection(fieldsWith(field, value));

        assertThat(rejected.kind()).isEqualTo(RejectedMessage.Kind.INVALID_FIELD);
        assertThat(rejected).hasMessage(message);
    }

    @Test
    void theReadingFieldsAloneRoundTripWithoutStreamSeqOrVersion() {
        ObjectNode fields = JSON.toJsonObject(FULL.reading());

        assertThat(keys(fields)).containsExactly("city", "temp", "humidity", "timestamp", "pressure", "wind_speed",
                "wind_direction", "precipitation", "weather_code", "source");
        assertThat(exact(JSON.readingFromJson(fields))).isEqualTo(exact(FULL.reading()));
        assertThat(keys(JSON.toJsonObject(MINIMAL.reading()))).doesNotContain("pressure", "weather_code");
    }

    @Test
    void aWrongReadingFieldIsAnInvalidFieldNamingIt() {
        ObjectNode fields = JSON.toJsonObject(MINIMAL.reading()).put("humidity", "wet");

        assertThatThrownBy(() -> JSON.readingFromJson(fields))
                .isInstanceOfSatisfying(RejectedMessage.class,
                        e -> assertThat(e.kind()).isEqualTo(RejectedMessage.Kind.INVALID_FIELD))
                .hasMessage("humidity: must be a number, was the string \"wet\"");
    }

    @Test
    void aNullSignatureIsNoSignature() throws Exception {
        assertThat(read(fieldsWith("sig", "null")).sig()).isNull();
    }

    @Test
    void rejectionsAreCheapAndCarryNoStackTrace() {
        assertThat(rejection(JSON.mapper().createObjectNode()).getStackTrace()).isEmpty();
    }

    @Test
    void aCityNameSpeltOtherwiseSurvivesTheRoundTrip() {
        Change change = new Change(STREAM, 1, WeatherReading.of(new City("new YORK"),
                Instant.parse("2026-11-23T10:00:00Z"), 1, 2, "x"));

        assertThat(read(JSON.toJsonObject(new SignedChange(change, null))).change().reading().city().name())
                .isEqualTo("new YORK");
    }
}
