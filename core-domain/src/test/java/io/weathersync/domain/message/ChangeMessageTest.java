package io.weathersync.domain.message;

import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static io.weathersync.testing.TestReadings.exact;
import static io.weathersync.testing.TestReadings.full;
import static io.weathersync.testing.TestReadings.minimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The wire form of a change: round trip, unknown versions and invalid fields. */
class ChangeMessageTest {

    private static final StreamId STREAM = new StreamId("5f0c-stream");
    private static final Change FULL = new Change(STREAM, 42, full("São Paulo",
            Instant.parse("2026-11-23T10:00:00.123Z")));
    private static final Change MINIMAL = new Change(STREAM, 7, minimal("Oslo", Instant.parse("2026-11-23T10:00:00Z")));

    private static Map<String, Object> fieldsWith(String name, Object value) {
        Map<String, Object> fields = new LinkedHashMap<>(ChangeMessage.toFields(FULL, "c2ln"));
        if (value == null) {
            fields.remove(name);
        } else {
            fields.put(name, value);
        }
        return fields;
    }

    @Test
    void aFullChangeHasEveryFieldInAStableOrder() {
        Map<String, Object> fields = ChangeMessage.toFields(FULL, "c2ln");

        assertThat(fields.keySet()).containsExactly("v", "stream", "seq", "city", "temp", "humidity", "timestamp",
                "pressure", "wind_speed", "wind_direction", "precipitation", "weather_code", "source", "sig");
        assertThat(fields).containsEntry("v", 1).containsEntry("stream", "5f0c-stream").containsEntry("seq", 42L)
                .containsEntry("city", "São Paulo").containsEntry("timestamp", "2026-11-23T10:00:00.123Z")
                .containsEntry("weather_code", 999).containsEntry("source", "open-meteo").containsEntry("sig", "c2ln");
    }

    @Test
    void absentOptionalFieldsAndSignatureAreLeftOut() {
        Map<String, Object> fields = ChangeMessage.toFields(MINIMAL, null);

        assertThat(fields.keySet()).containsExactly("v", "stream", "seq", "city", "temp", "humidity", "timestamp",
                "source");
        assertThat(ChangeMessage.signature(fields)).isNull();
    }

    @Test
    void everyFieldRoundTripsExactly() {
        Map<String, Object> fields = ChangeMessage.toFields(FULL, "c2ln");

        Change back = ChangeMessage.fromFields(fields);

        assertThat(exact(back)).isEqualTo(exact(FULL));
        assertThat(back).isEqualTo(FULL);
        assertThat(ChangeMessage.signature(fields)).isEqualTo("c2ln");
    }

    @Test
    void absentOptionalFieldsStayAbsentAfterTheRoundTrip() {
        Change back = ChangeMessage.fromFields(ChangeMessage.toFields(MINIMAL, null));

        assertThat(exact(back)).isEqualTo(exact(MINIMAL));
        assertThat(back.reading().pressure()).isNull();
        assertThat(back.reading().weatherCode()).isNull();
    }

    @Test
    void numbersAsAJsonParserGivesThemAreAccepted() {
        Map<String, Object> fields = new LinkedHashMap<>(ChangeMessage.toFields(MINIMAL, null));
        fields.put("seq", 7);
        fields.put("temp", new java.math.BigDecimal("-12.5"));
        fields.put("humidity", 0);
        fields.put("weather_code", 3.0);

        Change back = ChangeMessage.fromFields(fields);

        assertThat(back.seq()).isEqualTo(7);
        assertThat(back.reading().temperature()).isEqualTo(-12.5);
        assertThat(back.reading().weatherCode()).isEqualTo(3);
    }

    @Test
    void aPlainSeed000MessageWithoutVersionIsRejectedAsUnknownVersion() {
        Map<String, Object> seed000 = Map.of("city", "Beijing", "temp", 26.5, "humidity", 65,
                "timestamp", "2026-11-23T10:00:00Z");

        RejectedMessage rejected = catchThrowableOfType(RejectedMessage.class, () -> ChangeMessage.fromFields(seed000));

        assertThat(rejected.kind()).isEqualTo(RejectedMessage.Kind.UNKNOWN_VERSION);
        assertThat(rejected).hasMessageStartingWith("v:");
    }

    @Test
    void anotherVersionIsRejectedAsUnknownVersion() {
        for (Object version : new Object[] {2, 0, "1", 1.5}) {
            RejectedMessage rejected = catchThrowableOfType(RejectedMessage.class,
                    () -> ChangeMessage.fromFields(fieldsWith("v", version)));

            assertThat(rejected.kind()).as("v=%s", version).isEqualTo(RejectedMessage.Kind.UNKNOWN_VERSION);
            assertThat(rejected).hasMessage("v: unsupported version " + version);
        }
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                Arguments.of("temp", "26.5", "temp: must be a number, was string 26.5"),
                Arguments.of("temp", null, "temp: is required"),
                Arguments.of("temp", 70.5, "temp: must be between -100 and 70, was 70.5"),
                Arguments.of("humidity", true, "humidity: must be a number, was boolean true"),
                Arguments.of("humidity", -1, "humidity: must be between 0 and 100, was -1"),
                Arguments.of("seq", 1.5, "seq: must be a whole number, was double 1.5"),
                Arguments.of("seq", "42", "seq: must be a whole number, was string 42"),
                Arguments.of("seq", null, "seq: must be a whole number, was missing"),
                Arguments.of("seq", 0, "seq: must be at least 1, was 0"),
                Arguments.of("city", null, "city: must be a string, was missing"),
                Arguments.of("city", 12, "city: must be a string, was integer 12"),
                Arguments.of("city", " ", "city: must not be empty"),
                Arguments.of("stream", null, "stream: must be a string, was missing"),
                Arguments.of("stream", "not a stream",
                        "stream: must be 1 to 64 letters, digits or '-', was 'not a stream'"),
                Arguments.of("timestamp", "yesterday", "timestamp: must be an ISO-8601 UTC time, was 'yesterday'"),
                Arguments.of("timestamp", null, "timestamp: must be a string, was missing"),
                Arguments.of("weather_code", 1.5, "weather_code: must be a whole number, was 1.5"),
                Arguments.of("weather_code", 1000, "weather_code: must be between 0 and 999, was 1000"),
                Arguments.of("pressure", "high", "pressure: must be a number, was string high"),
                Arguments.of("source", null, "source: must be a string, was missing"),
                Arguments.of("source", "Open Meteo",
                        "source: must be 1 to 32 lower-case letters, digits, '.', '_' or '-', was 'Open Meteo'"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidFields")
    void aWrongFieldIsRejectedAsInvalidNamingTheField(String field, Object value, String message) {
        RejectedMessage rejected = catchThrowableOfType(RejectedMessage.class,
                () -> ChangeMessage.fromFields(fieldsWith(field, value)));

        assertThat(rejected).as("%s = %s", field, value).isNotNull();
        assertThat(rejected.kind()).isEqualTo(RejectedMessage.Kind.INVALID_FIELD);
        assertThat(rejected).hasMessage(message);
    }

    @Test
    void theReadingFieldsAloneRoundTripWithoutStreamSeqOrVersion() {
        Map<String, Object> fields = ChangeMessage.readingFields(FULL.reading());

        assertThat(fields.keySet()).containsExactly("city", "temp", "humidity", "timestamp", "pressure", "wind_speed",
                "wind_direction", "precipitation", "weather_code", "source");
        assertThat(exact(ChangeMessage.readingFromFields(fields))).isEqualTo(exact(FULL.reading()));
        assertThat(ChangeMessage.readingFields(MINIMAL.reading())).doesNotContainKeys("pressure", "weather_code");
    }

    @Test
    void aWrongReadingFieldIsAnIllegalArgumentNamingIt() {
        Map<String, Object> fields = new LinkedHashMap<>(ChangeMessage.readingFields(MINIMAL.reading()));
        fields.put("humidity", "wet");

        assertThatThrownBy(() -> ChangeMessage.readingFromFields(fields))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("humidity: must be a number, was string wet");
    }

    @Test
    void aSignatureThatIsNotAStringIsNoSignature() {
        assertThat(ChangeMessage.signature(fieldsWith("sig", 12))).isNull();
    }

    @Test
    void rejectionsAreCheapAndCarryNoStackTrace() {
        assertThatThrownBy(() -> ChangeMessage.fromFields(Map.of()))
                .isInstanceOfSatisfying(RejectedMessage.class, e -> assertThat(e.getStackTrace()).isEmpty());
    }

    @Test
    void aCityNameSpeltOtherwiseSurvivesTheRoundTrip() {
        Change change = new Change(STREAM, 1, WeatherReading.of(new City("new YORK"),
                Instant.parse("2026-11-23T10:00:00Z"), 1, 2, "x"));

        assertThat(ChangeMessage.fromFields(ChangeMessage.toFields(change, null)).reading().city().name())
                .isEqualTo("new YORK");
    }
}
