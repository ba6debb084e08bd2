package io.weathersync.wire;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.RejectedMessage.Kind;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.weathersync.testing.TestReadings.exact;
import static io.weathersync.testing.TestReadings.full;
import static io.weathersync.testing.TestReadings.minimal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-element reader of live messages: bit-exact round trips, an array's good elements kept beside its bad
 * ones, whole messages that cannot be read, and the one size limit.
 */
class LiveMessageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ChangeJson CODEC = new ChangeJson();
    private static final StreamId STREAM = new StreamId("stream-1");
    private static final SignedChange SAMPLE =
            new SignedChange(new Change(STREAM, 42, full("Beijing", Instant.parse("2026-11-23T10:00:00.123Z"))), "c2ln");

    @Test
    void aChangeIsOneJsonObjectWithTheSeedFieldsAtTheTopLevel() throws IOException {
        Map<String, Object> fields = parse(CODEC.toJsonBytes(SAMPLE));

        assertThat(fields).containsEntry("v", 1).containsEntry("stream", "stream-1").containsEntry("seq", 42)
                .containsEntry("city", "Beijing").containsEntry("temp", 0.1 + 0.2)
                .containsEntry("humidity", 65.43210987654321).containsEntry("timestamp", "2026-11-23T10:00:00.123Z")
                .containsEntry("source", "open-meteo").containsEntry("sig", "c2ln");
    }

    @Test
    void anEncodedChangeDecodesToTheSameChangeExactly() {
        SignedChange unsigned = new SignedChange(new Change(STREAM, 7, minimal("Zürich", Instant.EPOCH)), null);

        for (SignedChange change : List.of(SAMPLE, unsigned)) {
            LiveMessage decoded = read(CODEC.toJsonBytes(change));

            assertThat(decoded.rejections()).isEmpty();
            assertThat(decoded.changes()).hasSize(1);
            assertThat(exact(decoded.changes().getFirst().change())).isEqualTo(exact(change.change()));
            assertThat(decoded.changes().getFirst().sig()).isEqualTo(change.sig());
        }
    }

    @Test
    void randomDoublesAndLargeSeqsRoundTripBitForBit() {
        Random random = new Random(20261123);
        double[] edges = {0.0, -0.0, Double.MIN_VALUE, Double.MIN_NORMAL, 70.0, Math.nextDown(70.0), -100.0};
        for (int i = 0; i < 2_000; i++) {
            double edge = edges[i % edges.length];
            WeatherReading reading = new WeatherReading(new City("City " + i), Instant.ofEpochMilli(random.nextLong(1L << 42)),
                    i < edges.length ? edge : -100 + 170 * random.nextDouble(), 100 * random.nextDouble(),
                    300 + 800 * random.nextDouble(), 120 * random.nextDouble(), 360 * random.nextDouble(),
                    i < edges.length ? Math.abs(edge) : 500 * random.nextDouble(), random.nextInt(1000), "test");
            long seq = i == 0 ? Long.MAX_VALUE : 1 + random.nextLong(Long.MAX_VALUE);
            Change change = new Change(STREAM, seq, reading);

            LiveMessage decoded = read(CODEC.toJsonBytes(new SignedChange(change, null)));

            assertThat(decoded.rejections()).isEmpty();
            Change back = decoded.changes().getFirst().change();
            assertThat(exact(back)).isEqualTo(exact(change));
            assertThat(Double.doubleToRawLongBits(back.reading().temperature()))
                    .isEqualTo(Double.doubleToRawLongBits(reading.temperature()));
            assertThat(back.seq()).isEqualTo(seq);
        }
    }

    @Test
    void anArrayOfObjectsDecodesToEveryChangeInOrder() throws IOException {
        List<Object> array = new ArrayList<>();
        for (long seq = 1; seq <= 3; seq++) {
            array.add(fields(Map.of("seq", seq)));
        }

        LiveMessage decoded = read(JSON.writeValueAsBytes(array));

        assertThat(decoded.rejections()).isEmpty();
        assertThat(decoded.changes()).extracting(s -> s.change().seq()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aBadElementInAnArrayRejectsOnlyThatElement() throws IOException {
        List<Object> array = List.of(fields(Map.of("seq", 1)), fields(Map.of("temp", "hot")), "text",
                fields(Map.of("v", 9)), fields(Map.of("seq", 4)));

        LiveMessage decoded = read(JSON.writeValueAsBytes(array));

        assertThat(decoded.changes()).extracting(s -> s.change().seq()).containsExactly(1L, 4L);
        assertThat(decoded.rejections()).extracting(RejectedMessage::kind)
                .containsExactly(Kind.INVALID_FIELD, Kind.MALFORMED, Kind.UNKNOWN_VERSION);
        assertThat(decoded.rejections().getFirst()).hasMessageContaining("element 1").hasMessageContaining("temp");
        assertThat(decoded.rejections().get(1)).hasMessageContaining("element 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "", "{", "{\"v\":1", "[1,", "{\"v\":1} {\"v\":1}", "{\"v\":1,\"v\":1}",
            "42", "\"text\"", "null", "true"})
    void whatIsNotAJsonObjectOrArrayIsMalformed(String message) {
        assertRejected(message.getBytes(StandardCharsets.UTF_8), Kind.MALFORMED, "body: ");
    }

    @Test
    void deepNestingAndHugeNumbersAreMalformedNotACrash() {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);
        String longNumber = "{\"v\":1,\"seq\":" + "9".repeat(100_000) + "}";

        assertRejected(deep.getBytes(StandardCharsets.UTF_8), Kind.MALFORMED, "body: not JSON");
        assertRejected(longNumber.getBytes(StandardCharsets.UTF_8), Kind.MALFORMED, "body: not JSON");
    }

    @Test
    void invalidUtf8IsMalformed() {
        assertRejected(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}, Kind.MALFORMED,
                "body: not JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "0", "\"1\"", "null"})
    void anUnknownVersionIsRejectedAsSuch(String version) throws IOException {
        Map<String, Object> fields = fields(Map.of());
        fields.put("v", JSON.readValue(version, Object.class));

        assertRejected(JSON.writeValueAsBytes(fields), Kind.UNKNOWN_VERSION, "v");
    }

    @Test
    void aMessageWithoutVersionIsRejectedAsUnknownVersion() throws IOException {
        Map<String, Object> fields = fields(Map.of());
        fields.remove("v");

        assertRejected(JSON.writeValueAsBytes(fields), Kind.UNKNOWN_VERSION, "v");
    }

    @ParameterizedTest
    @ValueSource(strings = {"seq=1.5", "seq=42.0", "seq=1e3", "seq=\"42\"", "seq=123456789012345678901234567890",
            "seq=0", "temp=\"hot\"", "temp=71", "humidity=null", "humidity=101", "timestamp=\"yesterday\"",
            "timestamp=12", "city=\"\"", "city=null", "stream=\"has spaces\"", "source=7", "pressure=\"high\"",
            "weather_code=1.5", "sig=5", "sig=[]"})
    void aFieldOfTheWrongTypeOrRangeIsInvalidAndNamed(String assignment) throws IOException {
        String name = assignment.substring(0, assignment.indexOf('='));
        Map<String, Object> fields = fields(Map.of());
        fields.put(name, JSON.readValue(assignment.substring(name.length() + 1), Object.class));

        assertRejected(JSON.writeValueAsBytes(fields), Kind.INVALID_FIELD, name);
    }

    @Test
    void aMessageOverTheSizeLimitIsMalformedWithoutBeingRead() {
        assertThat(ChangeJson.MAX_MESSAGE_BYTES).isEqualTo(1024 * 1024);
        byte[] message = new byte[ChangeJson.MAX_MESSAGE_BYTES + 1];
        Arrays.fill(message, (byte) '[');

        assertRejected(message, Kind.MALFORMED, "body: larger than the limit of 1048576 bytes");
    }

    @Test
    void aMessageOfExactlyTheSizeLimitIsRead() {
        byte[] encoded = CODEC.toJsonBytes(SAMPLE);
        byte[] message = Arrays.copyOf(encoded, ChangeJson.MAX_MESSAGE_BYTES);
        Arrays.fill(message, encoded.length, message.length, (byte) ' ');

        LiveMessage decoded = read(message);

        assertThat(decoded.rejections()).isEmpty();
        assertThat(decoded.changes()).hasSize(1);
    }

    /** The message read as a live transport reads it: a message refused whole is one rejection. */
    private static LiveMessage read(byte[] message) {
        try {
            return CODEC.readLive(message);
        } catch (RejectedMessage e) {
            return LiveMessage.refused(e);
        }
    }

    private static void assertRejected(byte[] message, Kind kind, String mentioning) {
        LiveMessage decoded = read(message);

        assertThat(decoded.changes()).isEmpty();
        assertThat(decoded.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.kind()).isEqualTo(kind);
            assertThat(rejection).hasMessageContaining(mentioning);
        });
    }

    /** The sample's wire fields with some replaced. */
    private static Map<String, Object> fields(Map<String, Object> replaced) throws IOException {
        Map<String, Object> fields = parse(CODEC.toJsonBytes(SAMPLE));
        fields.putAll(replaced);
        return fields;
    }

    private static Map<String, Object> parse(byte[] json) throws IOException {
        return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
    }
}
