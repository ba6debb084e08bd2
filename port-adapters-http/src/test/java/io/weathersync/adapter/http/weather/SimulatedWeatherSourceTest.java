package io.weathersync.adapter.http.weather;

import io.weathersync.domain.model.City;
import io.weathersync.domain.model.CitySpec;
import io.weathersync.domain.model.WeatherReading;
import io.weathersync.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedWeatherSourceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:04:59Z"));
    private final SimulatedWeatherSource source = new SimulatedWeatherSource(clock, Duration.ofMinutes(10));

    private static List<CitySpec> specs(String... entries) {
        return java.util.Arrays.stream(entries).map(CitySpec::parse).toList();
    }

    @Test
    void sameCityInTheSameSlotGivesTheSameReadingLabelledSimulated() {
        List<WeatherReading> first = source.fetch(specs("Beijing", "Gotham", "Pole@89,0")).readings();
        clock.advance(Duration.ofMinutes(4));
        List<WeatherReading> again = new SimulatedWeatherSource(clock, Duration.ofMinutes(10)).fetch(specs("Beijing", "Gotham", "Pole@89,0"))
                .readings();

        assertThat(again).isEqualTo(first);
        assertThat(first).allSatisfy(r -> {
            assertThat(r.source()).isEqualTo("simulated");
            assertThat(r.observedAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        });
    }

    @Test
    void nextSlotIsANewObservation() {
        WeatherReading now = source.fetch(specs("Paris")).readings().getFirst();
        clock.advance(Duration.ofMinutes(10));
        WeatherReading next = source.fetch(specs("Paris")).readings().getFirst();

        assertThat(next.observedAt()).isEqualTo(now.observedAt().plus(Duration.ofMinutes(10)));
        assertThat(next).isNotEqualTo(now);
    }

    @Test
    void everyPollIntervalBringsANewObservationOfEveryCity() {
        SimulatedWeatherSource everyFiveSeconds = new SimulatedWeatherSource(clock, Duration.ofSeconds(5));
        List<CitySpec> cities = specs("Beijing", "Tokyo", "London");

        List<WeatherReading> first = everyFiveSeconds.fetch(cities).readings();
        clock.advance(Duration.ofSeconds(5));
        List<WeatherReading> second = everyFiveSeconds.fetch(cities).readings();
        clock.advance(Duration.ofMillis(999));
        List<WeatherReading> sameSlot = everyFiveSeconds.fetch(cities).readings();

        assertThat(first).allSatisfy(r -> assertThat(r.observedAt()).isEqualTo("2026-11-23T10:04:55Z"));
        assertThat(second).allSatisfy(r -> assertThat(r.observedAt()).isEqualTo("2026-11-23T10:05:00Z"));
        assertThat(sameSlot).isEqualTo(second);
    }

    @Test
    void aSlotUnderOneSecondIsRefused() {
        assertThatThrownBy(() -> new SimulatedWeatherSource(clock, Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("slot:");
    }

    @Test
    void valuesStayPlausibleOverAYearOfSlots() {
        List<WeatherReading> readings = new ArrayList<>();
        for (CitySpec city : KnownCities.all()) {
            for (int hour = 0; hour < 365 * 24; hour += 23) { // 23 h apart: every hour of the day, all year
                readings.add(SimulatedWeatherSource.reading(city, Instant.parse("2026-01-01T00:00:00Z")
                        .plus(Duration.ofHours(hour))));
            }
        }

        assertThat(readings).allSatisfy(r -> {
            assertThat(r.humidity()).isBetween(20.0, 100.0);
            assertThat(r.pressure()).isBetween(980.0, 1040.0);
            assertThat(r.temperature()).isBetween(-60.0, 55.0);
            assertThat(r.windSpeed()).isBetween(0.0, 40.0);
        });
    }

    @Test
    void afternoonIsWarmerThanNightAndJulyWarmerThanJanuaryInBeijing() {
        CitySpec beijing = new CitySpec(new City("Beijing"), null);
        // Beijing is UTC+8 by the sun (116.4°E): 07:00 UTC is mid-afternoon, 19:00 UTC the small hours.
        double afternoon = 0;
        double night = 0;
        double january = 0;
        double july = 0;
        for (int day = 0; day < 28; day++) {
            Instant jan = Instant.parse("2026-01-01T07:00:00Z").plus(Duration.ofDays(day));
            Instant jul = Instant.parse("2026-07-01T07:00:00Z").plus(Duration.ofDays(day));
            afternoon += SimulatedWeatherSource.reading(beijing, jul).temperature();
            night += SimulatedWeatherSource.reading(beijing, jul.plus(Duration.ofHours(12))).temperature();
            january += SimulatedWeatherSource.reading(beijing, jan).temperature();
            july += SimulatedWeatherSource.reading(beijing, jul).temperature();
        }

        assertThat(afternoon / 28).isGreaterThan(night / 28 + 5);
        assertThat(july / 28).isGreaterThan(january / 28 + 15);
    }

    @Test
    void asksNothingOfAnyApi() {
        assertThat(source.requestsPerCycle(1000)).isZero();
        assertThat(source.freeTiers()).isEmpty();
    }
}
