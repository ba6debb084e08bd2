package io.weathersync.domain.sync;

import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canonical text is what digests hash and the master signs; these pins make any change to it a
 * deliberate, visible one (nodes of different versions would otherwise disagree silently).
 */
class CanonicalFormTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aFullReadingHasThisExactText() {
        WeatherReading reading = new WeatherReading(new City("Beijing"), T0, 26.5, 65, 1012.0, 3.5, 180.0, 0.0, 3,
                "open-meteo");

        assertThat(CanonicalForm.of(reading))
                .isEqualTo("beijing|Beijing|1795428000000|26.5|65.0|1012.0|3.5|180.0|0.0|3|open-meteo");
    }

    @Test
    void absentFieldsAreEmptyAndNumbersKeepEveryDigit() {
        WeatherReading reading = WeatherReading.of(new City(" São  Paulo "), T0.plusMillis(7), 0.1 + 0.2, 100,
                "simulated");

        assertThat(CanonicalForm.of(reading))
                .isEqualTo("são paulo|São Paulo|1795428000007|0.30000000000000004|100.0||||||simulated");
    }

    @Test
    void aChangeIsSignedAsVersionStreamSeqAndReading() {
        WeatherReading reading = WeatherReading.of(new City("Oslo"), T0, -3, 80, "test");

        byte[] bytes = CanonicalForm.signedBytes(new Change(new StreamId("s-1"), 42, reading));

        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo("v1|s-1|42|oslo|Oslo|1795428000000|-3.0|80.0||||||test");
    }

    @Test
    void theSameReadingAlwaysGivesTheSameText() {
        WeatherReading one = new WeatherReading(new City("Oslo"), T0, 1, 2, 1000.0, null, 5.0, null, 7, "a");
        WeatherReading two = new WeatherReading(new City("Oslo"), T0, 1, 2, 1000.0, null, 5.0, null, 7, "a");

        assertThat(CanonicalForm.of(one)).isEqualTo(CanonicalForm.of(two));
    }

    @Test
    void aZeroIsNotTheSameAsAnAbsentValue() {
        WeatherReading zero = new WeatherReading(new City("Oslo"), T0, 1, 2, null, 0.0, null, null, null, "a");
        WeatherReading absent = new WeatherReading(new City("Oslo"), T0, 1, 2, null, null, null, null, null, "a");

        assertThat(CanonicalForm.of(zero)).isNotEqualTo(CanonicalForm.of(absent));
    }
}
