package io.weathersync.domain.sync;

import io.weathersync.domain.model.City;
import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** The digest: independent of order, sensitive to every field. */
class DigestBuilderTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final WeatherReading BASE = new WeatherReading(new City("Oslo"), T0, 1.5, 50, 1000.0, 2.0, 90.0,
            0.5, 3, "test");

    private static WeatherReading withTemp(WeatherReading r, double temp) {
        return new WeatherReading(r.city(), r.observedAt(), temp, r.humidity(), r.pressure(), r.windSpeed(),
                r.windDirection(), r.precipitation(), r.weatherCode(), r.source());
    }

    private static String hash(List<WeatherReading> readings) {
        DigestBuilder builder = new DigestBuilder();
        readings.forEach(builder::add);
        return builder.build(null, 0).hash();
    }

    private static List<WeatherReading> randomReadings(Random random, int count) {
        List<WeatherReading> readings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            readings.add(WeatherReading.of(new City("City " + random.nextInt(30)), T0.plusSeconds(i),
                    random.nextInt(1000) / 10.0 - 50, random.nextInt(101), "test"));
        }
        return readings;
    }

    @Test
    void anEmptyDigestHasNoRowsAndAZeroHash() {
        Digest digest = new DigestBuilder().build(null, 0);

        assertThat(digest.rows()).isZero();
        assertThat(digest.hash()).isEqualTo("0".repeat(64));
    }

    @Test
    void theDigestCarriesTheStreamSeqAndRowCount() {
        StreamId stream = new StreamId("s1");

        Digest digest = new DigestBuilder().add(BASE).add(withTemp(BASE, 2)).build(stream, 17);

        assertThat(digest.stream()).isEqualTo(stream);
        assertThat(digest.appliedSeq()).isEqualTo(17);
        assertThat(digest.rows()).isEqualTo(2);
        assertThat(digest.hash()).matches("[0-9a-f]{64}");
    }

    @Test
    void theHashDoesNotDependOnTheOrderOfTheReadings() {
        Random random = new Random(20261123);
        for (int round = 0; round < 50; round++) {
            List<WeatherReading> readings = randomReadings(random, 1 + random.nextInt(300));
            String expected = hash(readings);
            List<WeatherReading> shuffled = new ArrayList<>(readings);
            Collections.shuffle(shuffled, random);

            assertThat(hash(shuffled)).as("round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void changingAnyFieldOfOneReadingChangesTheHash() {
        List<UnaryOperator<WeatherReading>> edits = List.of(
                r -> new WeatherReading(new City("OSLO"), r.observedAt(), r.temperature(), r.humidity(), r.pressure(),
                        r.windSpeed(), r.windDirection(), r.precipitation(), r.weatherCode(), r.source()),
                r -> new WeatherReading(r.city(), r.observedAt().plusMillis(1), r.temperature(), r.humidity(),
                        r.pressure(), r.windSpeed(), r.windDirection(), r.precipitation(), r.weatherCode(), r.source()),
                r -> withTemp(r, Math.nextUp(r.temperature())),
                r -> new WeatherReading(r.city(), r.observedAt(), r.temperature(), 51, r.pressure(), r.windSpeed(),
                        r.windDirection(), r.precipitation(), r.weatherCode(), r.source()),
                r -> new WeatherReading(r.city(), r.observedAt(), r.temperature(), r.humidity(), null, r.windSpeed(),
                        r.windDirection(), r.precipitation(), r.weatherCode(), r.source()),
                r -> new WeatherReading(r.city(), r.observedAt(), r.temperature(), r.humidity(), r.pressure(), 2.5,
                        r.windDirection(), r.precipitation(), r.weatherCode(), r.source()),
                r -> new WeatherReading(r.city(), r.observedAt(), r.temperature(), r.humidity(), r.pressure(),
                        r.windSpeed(), 91.0, r.precipitation(), r.weatherCode(), r.source()),
                r -> new WeatherReading(r.city(), r.observedAt(), r.temperature(), r.humidity(), r.pressure(),
                        r.windSpeed(), r.windDirection(), 0.0, r.weatherCode(), r.source()),
                r -> new WeatherReading(r.city(), r.observedAt(), r.temperature(), r.humidity(), r.pressure(),
                        r.windSpeed(), r.windDirection(), r.precipitation(), null, r.source()),
                r -> new WeatherReading(r.city(), r.observedAt(), r.temperature(), r.humidity(), r.pressure(),
                        r.windSpeed(), r.windDirection(), r.precipitation(), r.weatherCode(), "other"));
        List<WeatherReading> others = randomReadings(new Random(1), 20);
        List<WeatherReading> original = new ArrayList<>(others);
        original.add(BASE);
        String expected = hash(original);

        for (int i = 0; i < edits.size(); i++) {
            List<WeatherReading> edited = new ArrayList<>(others);
            edited.add(edits.get(i).apply(BASE));

            assertThat(hash(edited)).as("edit %d", i).isNotEqualTo(expected);
        }
    }

    @Test
    void aReadingAddedTwiceCountsTwice() {
        assertThat(hash(List.of(BASE, BASE))).isNotEqualTo(hash(List.of(BASE)));
        assertThat(new DigestBuilder().add(BASE).add(BASE).build(null, 0).rows()).isEqualTo(2);
    }
}
