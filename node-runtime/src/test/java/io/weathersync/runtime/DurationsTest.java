package io.weathersync.runtime;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {

    @Test
    void plainNumbersAreSecondsAndUnitsAreHonoured() {
        assertThat(Durations.parse("60")).isEqualTo(Duration.ofSeconds(60));
        assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse(" 1h ")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void garbageZeroAndNegativeAreRefusedWithTheAcceptedForms() {
        assertThatThrownBy(() -> Durations.parse("5x")).hasMessageContaining("90s");
        assertThatThrownBy(() -> Durations.parse("-5")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Durations.parse("")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Durations.parse("0")).hasMessageContaining("longer than zero");
        assertThatThrownBy(() -> Durations.parse("99999999999")).hasMessageContaining("not a duration");
    }

    @Test
    void formatPicksTheLargestWholeUnit() {
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90 s");
        assertThat(Durations.format(Duration.ofMinutes(5))).isEqualTo("5 min");
        assertThat(Durations.format(Duration.ofHours(2))).isEqualTo("2 h");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500 ms");
    }
}
