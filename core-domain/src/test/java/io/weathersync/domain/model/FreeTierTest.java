package io.weathersync.domain.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The poll interval a free tier allows: the seeds' 60 s where it fits, never more requests than the tier. */
class FreeTierTest {

    private static final FreeTier OPEN_METEO = new FreeTier(10_000, Duration.ofDays(1));
    private static final FreeTier OPENWEATHERMAP = new FreeTier(60, Duration.ofMinutes(1));
    private static final Duration PREFERRED = Duration.ofSeconds(60);

    @ParameterizedTest(name = "{0} requests per poll -> every {1} s")
    @CsvSource({
        "1,     60",
        "6,     60",     // 1,440 polls a day x 6 = 8,640
        "7,     61",     // 60 s would be 10,080
        "10,    87",
        "56,    486",    // the built-in cities: 177.8 polls a day, 9,968 requests
        "1000,  8640",
        "10000, 86400"})
    void openMeteoPollsAsOftenAsItsDailyBudgetAllows(int requestsPerCycle, long seconds) {
        Duration interval = OPEN_METEO.shortestPollInterval(requestsPerCycle, PREFERRED);

        assertThat(interval).isEqualTo(Duration.ofSeconds(seconds));
        assertThat(OPEN_METEO.requestsPerPeriod(requestsPerCycle, interval)).isLessThanOrEqualTo(10_000);
        if (seconds > 60) {
            assertThat(OPEN_METEO.requestsPerPeriod(requestsPerCycle, interval.minusSeconds(1)))
                    .as("one second less would exceed the budget").isGreaterThan(10_000);
        }
    }

    @Test
    void aPerMinuteTierFitsOnePollAMinuteUpToItsLimit() {
        assertThat(OPENWEATHERMAP.shortestPollInterval(56, PREFERRED)).isEqualTo(PREFERRED);
        assertThat(OPENWEATHERMAP.shortestPollInterval(60, PREFERRED)).isEqualTo(PREFERRED);
        assertThat(OPENWEATHERMAP.shortestPollInterval(30, Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void withSeveralTiersTheIntervalIsTheLongestAnyOfThemNeeds() {
        FreeTier perMonth = new FreeTier(1_000_000, Duration.ofDays(30));

        assertThat(FreeTier.shortestPollInterval(java.util.List.of(OPENWEATHERMAP, perMonth), 56, PREFERRED))
                .isEqualTo(Duration.ofSeconds(146));
        assertThat(FreeTier.shortestPollInterval(java.util.List.of(OPENWEATHERMAP, perMonth), 10, PREFERRED))
                .isEqualTo(PREFERRED);
        assertThat(FreeTier.shortestPollInterval(java.util.List.of(), 10_000, PREFERRED)).isEqualTo(PREFERRED);
        assertThatThrownBy(() -> FreeTier.shortestPollInterval(java.util.List.of(perMonth, OPENWEATHERMAP), 61,
                PREFERRED)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("60 per 60 s");
    }

    @Test
    void onePollNeedingMoreThanTheWholeTierIsRefused() {
        assertThatThrownBy(() -> OPENWEATHERMAP.shortestPollInterval(61, PREFERRED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("61 requests").hasMessageContaining("60 per 60 s");
    }

    @Test
    void aSourceThatCostsNothingPollsAtThePreferredInterval() {
        assertThat(OPEN_METEO.shortestPollInterval(0, PREFERRED)).isEqualTo(PREFERRED);
    }

    @Test
    void requestsPerPeriodCountTheCyclesStartingInOnePeriod() {
        assertThat(OPEN_METEO.requestsPerPeriod(56, Duration.ofSeconds(60))).isEqualTo(80_640);
        assertThat(OPEN_METEO.requestsPerPeriod(56, Duration.ofDays(2))).isEqualTo(56);
        assertThat(OPENWEATHERMAP.requestsPerPeriod(40, Duration.ofSeconds(30))).isEqualTo(80);
        assertThat(FreeTier.requestsIn(Duration.ofDays(1), 56, Duration.ofSeconds(486))).isEqualTo(9_968);
    }

    @Test
    void aTierWithoutRequestsOrTimeIsRefused() {
        assertThatThrownBy(() -> new FreeTier(0, Duration.ofDays(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FreeTier(10, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
