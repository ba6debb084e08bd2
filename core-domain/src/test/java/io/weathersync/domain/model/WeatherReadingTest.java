package io.weathersync.domain.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading validation: both sides of every bound, non-finite numbers, and the field named in each message. */
class WeatherReadingTest {

    private static final City CITY = new City("Beijing");
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    /** A valid reading with {@code field} set to {@code value} and every optional field present. */
    private static WeatherReading with(String field, double value) {
        return new WeatherReading(CITY, AT,
                field.equals("temp") ? value : 20,
                field.equals("humidity") ? value : 50,
                field.equals("pressure") ? value : 1000.0,
                field.equals("wind_speed") ? value : 3.0,
                field.equals("wind_direction") ? value : 180.0,
                field.equals("precipitation") ? value : 0.5,
                12, "open-meteo");
    }

    private static WeatherReading withCode(Integer code) {
        return new WeatherReading(CITY, AT, 20, 50, null, null, null, null, code, "open-meteo");
    }

    private static WeatherReading withSource(String source) {
        return WeatherReading.of(CITY, AT, 20, 50, source);
    }

    static Stream<Arguments> bounds() {
        return Stream.of(
                Arguments.of("temp", -100, 70, "-100", "70"),
                Arguments.of("humidity", 0, 100, "0", "100"),
                Arguments.of("pressure", 300, 1100, "300", "1100"),
                Arguments.of("wind_speed", 0, 120, "0", "120"),
                Arguments.of("wind_direction", 0, 360, "0", "360"),
                Arguments.of("precipitation", 0, 500, "0", "500"));
    }

    static Stream<String> numberFields() {
        return bounds().map(arguments -> (String) arguments.get()[0]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bounds")
    void aValueAtEitherBoundIsAccepted(String field, double min, double max) {
        assertThat(with(field, min)).isNotNull();
        assertThat(with(field, max)).isNotNull();
        assertThat(with(field, Math.nextUp(min))).isNotNull();
        assertThat(with(field, Math.nextDown(max))).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bounds")
    void aValueJustBelowTheMinimumIsRejectedNamingFieldAndBounds(String field, double min, double max, String lo,
                                                                  String hi) {
        double below = Math.nextDown(min);

        assertThatThrownBy(() -> with(field, below))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(field + ": must be between " + lo + " and " + hi + ", was " + below);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bounds")
    void aValueJustAboveTheMaximumIsRejectedNamingFieldAndBounds(String field, double min, double max, String lo,
                                                                  String hi) {
        double above = Math.nextUp(max);

        assertThatThrownBy(() -> with(field, above))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(field + ": must be between " + lo + " and " + hi + ", was " + above);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numberFields")
    void nanAndInfinitiesAreRejectedNamingTheField(String field) {
        for (double value : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> with(field, value))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(field + ": must be a finite number, was " + value);
        }
    }

    @Test
    void aWholeNumberOutsideTheBoundIsShownWithoutDecimals() {
        assertThatThrownBy(() -> with("humidity", 101))
                .hasMessage("humidity: must be between 0 and 100, was 101");
        assertThatThrownBy(() -> with("temp", 70.5))
                .hasMessage("temp: must be between -100 and 70, was 70.5");
    }

    @Test
    void weatherCodeAcceptsZeroToNineHundredNinetyNine() {
        assertThat(withCode(0).weatherCode()).isZero();
        assertThat(withCode(999).weatherCode()).isEqualTo(999);
        assertThat(withCode(null).weatherCode()).isNull();
    }

    @Test
    void weatherCodeOutsideItsBoundIsRejectedNamingIt() {
        assertThatThrownBy(() -> withCode(-1)).hasMessage("weather_code: must be between 0 and 999, was -1");
        assertThatThrownBy(() -> withCode(1000)).hasMessage("weather_code: must be between 0 and 999, was 1000");
    }

    @Test
    void absentOptionalFieldsAreAccepted() {
        WeatherReading reading = WeatherReading.of(CITY, AT, 20, 50, "open-meteo");

        assertThat(reading.pressure()).isNull();
        assertThat(reading.windSpeed()).isNull();
        assertThat(reading.windDirection()).isNull();
        assertThat(reading.precipitation()).isNull();
        assertThat(reading.weatherCode()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "open-meteo", "openweathermap", "simulated", "src_2.v-1",
            "abcdefghijklmnopqrstuvwxyz012345"})
    void aWellFormedSourceIsAccepted(String source) {
        assertThat(withSource(source).source()).isEqualTo(source);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Open-Meteo", "-meteo", ".x", "open meteo", "abcdefghijklmnopqrstuvwxyz0123456",
            "météo"})
    void aMalformedSourceIsRejectedNamingTheField(String source) {
        assertThatThrownBy(() -> withSource(source))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("source: must be 1 to 32 lower-case letters")
                .hasMessageEndingWith("was '" + source + "'");
    }

    @Test
    void missingRequiredFieldsAreRejectedNamingThem() {
        assertThatThrownBy(() -> WeatherReading.of(null, AT, 20, 50, "x")).hasMessageStartingWith("city:");
        assertThatThrownBy(() -> WeatherReading.of(CITY, null, 20, 50, "x")).hasMessageStartingWith("timestamp:");
        assertThatThrownBy(() -> WeatherReading.of(CITY, AT, 20, 50, null)).hasMessageStartingWith("source:");
    }

    @Test
    void anObservationAtTheEpochIsAcceptedAndOneBeforeIsRejected() {
        assertThat(WeatherReading.of(CITY, Instant.EPOCH, 20, 50, "x").observedAt()).isEqualTo(Instant.EPOCH);
        assertThatThrownBy(() -> WeatherReading.of(CITY, Instant.EPOCH.minusMillis(1), 20, 50, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("timestamp: must not be before 1970-01-01T00:00:00Z");
    }

    @Test
    void theObservationTimeIsKeptToTheMillisecond() {
        WeatherReading reading = WeatherReading.of(CITY, Instant.parse("2026-11-23T10:00:00.123456789Z"), 20, 50, "x");

        assertThat(reading.observedAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00.123Z"));
        assertThat(reading).isEqualTo(WeatherReading.of(CITY, Instant.parse("2026-11-23T10:00:00.123Z"), 20, 50, "x"));
    }

    @Test
    void anObservationUpToAnHourAheadOfTheClockIsAccepted() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        WeatherReading reading = WeatherReading.of(CITY, now.plus(Duration.ofHours(1)), 20, 50, "x");

        assertThat(reading.requireObservedBy(now)).isSameAs(reading);
    }

    @Test
    void anObservationOneMillisecondMoreThanAnHourAheadIsRejectedNamingTheTimestamp() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        WeatherReading reading = WeatherReading.of(CITY, now.plus(Duration.ofHours(1)).plusMillis(1), 20, 50, "x");

        assertThatThrownBy(() -> reading.requireObservedBy(now))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("timestamp: must not be more than 60 minutes in the future")
                .hasMessageContaining("2026-11-23T11:00:00.001Z");
    }

    @Test
    void negativeZeroIsKeptAsPlainZeroSoARepollIsNoCorrection() {
        WeatherReading negative = new WeatherReading(CITY, AT, -0.0, -0.0, null, -0.0, -0.0, -0.0, null, "x");
        WeatherReading positive = new WeatherReading(CITY, AT, 0.0, 0.0, null, 0.0, 0.0, 0.0, null, "x");

        assertThat(Double.doubleToRawLongBits(negative.temperature())).isEqualTo(Double.doubleToRawLongBits(0.0));
        assertThat(Double.doubleToRawLongBits(negative.humidity())).isEqualTo(Double.doubleToRawLongBits(0.0));
        assertThat(Double.doubleToRawLongBits(negative.windSpeed())).isEqualTo(Double.doubleToRawLongBits(0.0));
        assertThat(Double.doubleToRawLongBits(negative.windDirection())).isEqualTo(Double.doubleToRawLongBits(0.0));
        assertThat(Double.doubleToRawLongBits(negative.precipitation())).isEqualTo(Double.doubleToRawLongBits(0.0));
        assertThat(negative).isEqualTo(positive);
    }

    @Test
    void readingsOfTheSameCityInAnotherCaseAndTimeHaveTheSameKey() {
        WeatherReading one = WeatherReading.of(new City("Beijing"), AT, 20, 50, "x");
        WeatherReading other = WeatherReading.of(new City("BEIJING"), AT, 25, 60, "y");

        assertThat(one.key()).isEqualTo(other.key());
        assertThat(one.key()).isNotEqualTo(WeatherReading.of(CITY, AT.plusMillis(1), 20, 50, "x").key());
    }
}
