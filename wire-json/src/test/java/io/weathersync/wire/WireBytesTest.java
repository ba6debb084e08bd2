package io.weathersync.wire;

import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.message.SignedPush;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.SyncPush;
import io.weathersync.domain.model.WeatherReading;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact bytes on the wire, as the three codecs this one replaced wrote them (the Redis message, the HTTP push
 * body, the pushed page): field names, order and number forms must not change under subscribers.
 */
class WireBytesTest {

    private static final ChangeJson JSON = new ChangeJson();
    private static final StreamId STREAM = new StreamId("5f0c-stream");
    private static final WeatherReading FULL = new WeatherReading(new City("São Paulo \"q\" 北京"),
            Instant.parse("2026-11-23T10:00:00.123Z"), 0.1 + 0.2, 65.43210987654321, 1012.0, 3.2, 180.0, 0.0, 999,
            "open-meteo");
    private static final WeatherReading MINIMAL = WeatherReading.of(new City("Oslo"),
            Instant.parse("2026-11-23T10:00:00Z"), -12.0, 65, "api");
    private static final WeatherReading TINY = new WeatherReading(new City("T"), Instant.EPOCH, Double.MIN_VALUE,
            1e-7, 300.0000000001, 1.0E-5, 359.99999999999994, 499.99999, 0, "x");
    private static final List<SignedChange> CHANGES = List.of(
            new SignedChange(new Change(STREAM, Long.MAX_VALUE, FULL), "c2ln"),
            new SignedChange(new Change(STREAM, 7, MINIMAL), null),
            new SignedChange(new Change(STREAM, 8, TINY), "a.1.2.b"));

    private static final String FULL_MESSAGE =
            "{\"v\":1,\"stream\":\"5f0c-stream\",\"seq\":9223372036854775807,"
            + "\"city\":\"São Paulo \\\"q\\\" 北京\",\"temp\":0.30000000000000004,"
            + "\"humidity\":65.43210987654321,\"timestamp\":\"2026-11-23T10:00:00.123Z\","
            + "\"pressure\":1012.0,\"wind_speed\":3.2,\"wind_direction\":180.0,\"precipitation\":0.0,"
            + "\"weather_code\":999,\"source\":\"open-meteo\",\"sig\":\"c2ln\"}";
    private static final String MINIMAL_MESSAGE =
            "{\"v\":1,\"stream\":\"5f0c-stream\",\"seq\":7,\"city\":\"Oslo\",\"temp\":-12.0,"
            + "\"humidity\":65.0,\"timestamp\":\"2026-11-23T10:00:00Z\",\"source\":\"api\"}";
    private static final String TINY_MESSAGE =
            "{\"v\":1,\"stream\":\"5f0c-stream\",\"seq\":8,\"city\":\"T\",\"temp\":4.9E-324,"
            + "\"humidity\":1.0E-7,\"timestamp\":\"1970-01-01T00:00:00Z\","
            + "\"pressure\":300.0000000001,\"wind_speed\":1.0E-5,"
            + "\"wind_direction\":359.99999999999994,\"precipitation\":499.99999,"
            + "\"weather_code\":0,\"source\":\"x\",\"sig\":\"a.1.2.b\"}";
    private static final String PUSHED_PAGE =
            "{\"kind\":\"catch_up\",\"after\":6,\"stream\":\"5f0c-stream\",\"head\":9,"
            + "\"complete_through\":8,\"changes\":[{\"v\":1,\"stream\":\"5f0c-stream\",\"seq\":7,"
            + "\"city\":\"Oslo\",\"temp\":-12.0,\"humidity\":65.0,\"timestamp\":\"2026-11-23T10:00:00Z\","
            + "\"source\":\"api\"},{\"v\":1,\"stream\":\"5f0c-stream\",\"seq\":8,\"city\":\"T\","
            + "\"temp\":4.9E-324,\"humidity\":1.0E-7,\"timestamp\":\"1970-01-01T00:00:00Z\","
            + "\"pressure\":300.0000000001,\"wind_speed\":1.0E-5,"
            + "\"wind_direction\":359.99999999999994,\"precipitation\":499.99999,"
            + "\"weather_code\":0,\"source\":\"x\"}],\"sig\":\"c2ln\"}";

    @Test
    void aRedisMessageIsOneChangeObjectByteForByte() {
        assertThat(text(JSON.toJsonBytes(CHANGES.get(0)))).isEqualTo(FULL_MESSAGE);
        assertThat(text(JSON.toJsonBytes(CHANGES.get(1)))).isEqualTo(MINIMAL_MESSAGE);
        assertThat(text(JSON.toJsonBytes(CHANGES.get(2)))).isEqualTo(TINY_MESSAGE);
    }

    @Test
    void anHttpPushBodyIsTheArrayOfTheSameObjects() {
        String array = "[" + FULL_MESSAGE + "," + MINIMAL_MESSAGE + "," + TINY_MESSAGE + "]";

        assertThat(text(JSON.toJsonBytes(CHANGES))).isEqualTo(array);
        assertThat(JSON.toJson(CHANGES)).isEqualTo(array);
        assertThat(JSON.toJsonArray(CHANGES).toString()).isEqualTo(array);
    }

    @Test
    void aPushedPageIsByteForByteAsBefore() {
        SyncPush push = new SyncPush(SyncPush.Kind.CATCH_UP, 6, new ChangePage(STREAM, 9,
                List.of(new Change(STREAM, 7, MINIMAL), new Change(STREAM, 8, TINY)), 8));

        assertThat(text(JSON.toJsonBytes(new SignedPush(push, "c2ln")))).isEqualTo(PUSHED_PAGE);
    }

    @Test
    void theReadingFieldsAreTheChangesFieldsWithoutVersionStreamSeqAndSig() {
        String fields = FULL_MESSAGE.substring(FULL_MESSAGE.indexOf("\"city\""), FULL_MESSAGE.indexOf(",\"sig\""));

        assertThat(JSON.toJsonObject(FULL).toString()).isEqualTo("{" + fields + "}");
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
