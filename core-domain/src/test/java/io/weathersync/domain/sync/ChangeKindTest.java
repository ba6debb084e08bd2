package io.weathersync.domain.sync;

import io.weathersync.domain.model.City;
import io.weathersync.domain.model.WeatherReading;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The dedup rule: new, correction or unchanged. */
class ChangeKindTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final WeatherReading STORED = WeatherReading.of(new City("Beijing"), T0, 20, 50, "test");

    @Test
    void nothingStoredMakesANewReading() {
        assertThat(ChangeKind.of(null, STORED)).isEqualTo(ChangeKind.NEW);
        assertThat(ChangeKind.NEW.isChange()).isTrue();
    }

    @Test
    void anEqualReadingIsUnchangedAndNoChange() {
        WeatherReading again = WeatherReading.of(new City("Beijing"), T0, 20, 50, "test");

        assertThat(ChangeKind.of(STORED, again)).isEqualTo(ChangeKind.UNCHANGED);
        assertThat(ChangeKind.UNCHANGED.isChange()).isFalse();
    }

    @Test
    void anotherValueIsACorrection() {
        WeatherReading corrected = WeatherReading.of(new City("Beijing"), T0, 20.1, 50, "test");

        assertThat(ChangeKind.of(STORED, corrected)).isEqualTo(ChangeKind.CORRECTION);
        assertThat(ChangeKind.CORRECTION.isChange()).isTrue();
    }

    @Test
    void anOptionalFieldAppearingIsACorrection() {
        WeatherReading withPressure = new WeatherReading(new City("Beijing"), T0, 20, 50, 1000.0, null, null, null,
                null, "test");

        assertThat(ChangeKind.of(STORED, withPressure)).isEqualTo(ChangeKind.CORRECTION);
        assertThat(ChangeKind.of(withPressure, STORED)).isEqualTo(ChangeKind.CORRECTION);
    }

    @Test
    void anotherSourceIsACorrection() {
        assertThat(ChangeKind.of(STORED, WeatherReading.of(new City("Beijing"), T0, 20, 50, "other")))
                .isEqualTo(ChangeKind.CORRECTION);
    }

    @Test
    void theSameCitySpeltInAnotherCaseIsACorrectionSoTheSpellingPropagates() {
        WeatherReading respelt = WeatherReading.of(new City("BEIJING"), T0, 20, 50, "test");

        assertThat(respelt).isEqualTo(STORED);
        assertThat(ChangeKind.of(STORED, respelt)).isEqualTo(ChangeKind.CORRECTION);
    }

    @Test
    void extraSpacesInTheNameAreNotARespelling() {
        WeatherReading spaced = WeatherReading.of(new City("  Beijing "), T0, 20, 50, "test");

        assertThat(ChangeKind.of(STORED, spaced)).isEqualTo(ChangeKind.UNCHANGED);
    }
}
