package io.weathersync.app.master;

import io.weathersync.adapter.http.weather.KnownCities;
import io.weathersync.adapter.http.weather.OpenMeteoWeatherSource;
import io.weathersync.adapter.http.weather.OpenWeatherMapWeatherSource;
import io.weathersync.adapter.http.weather.SimulatedWeatherSource;
import io.weathersync.adapter.memory.InMemoryGeocodedCities;
import io.weathersync.runtime.ConfigException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The master's poll interval: as configured, else derived from the cities and the source's free tier. */
class PollCycleTest {

    private final OpenMeteoWeatherSource openMeteo = new OpenMeteoWeatherSource(new InMemoryGeocodedCities());
    private final OpenWeatherMapWeatherSource openWeatherMap = new OpenWeatherMapWeatherSource("test-key");

    @Test
    void theBuiltInCitiesOnOpenMeteoArePolledWithinItsTenThousandADay() {
        Duration interval = PollCycle.interval(Optional.empty(), openMeteo, KnownCities.all().size());

        assertThat(KnownCities.all()).hasSize(56);
        assertThat(interval).isEqualTo(Duration.ofSeconds(486));
        assertThat(OpenMeteoWeatherSource.FREE_TIER.requestsPerPeriod(56, interval)).isEqualTo(9_968);
    }

    @Test
    void fewCitiesArePolledAtTheSeedsSixtySeconds() {
        assertThat(PollCycle.interval(Optional.empty(), openMeteo, 6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(PollCycle.interval(Optional.empty(), openWeatherMap, 23)).isEqualTo(Duration.ofSeconds(60));
        assertThat(PollCycle.interval(Optional.empty(), new SimulatedWeatherSource(Clock.systemUTC(),
                Duration.ofSeconds(60)), 10_000)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void openWeatherMapsMonthlyMillionBindsBeforeItsSixtyAMinute() {
        assertThat(PollCycle.interval(Optional.empty(), openWeatherMap, 56)).isEqualTo(Duration.ofSeconds(146));
        assertThat(PollCycle.interval(Optional.empty(), openWeatherMap, 60)).isEqualTo(Duration.ofSeconds(156));
    }

    @Test
    void aConfiguredIntervalIsTakenAsItIs() {
        assertThat(PollCycle.interval(Optional.of(Duration.ofSeconds(5)), openMeteo, 56))
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void citiesOnePollOfWhichExceedsTheTierAreAConfigErrorNamingWeatherCities() {
        assertThatThrownBy(() -> PollCycle.interval(Optional.empty(), openWeatherMap, 61))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("WEATHER_CITIES: 61 cities: one poll needs 61 requests")
                .hasMessageContaining("WEATHER_POLL_INTERVAL");
    }
}
