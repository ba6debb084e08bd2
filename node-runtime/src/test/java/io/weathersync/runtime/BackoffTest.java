package io.weathersync.runtime;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    @Test
    void waitsDoubleUpToTheCapAndRestartAfterASuccess() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5));

        assertThat(backoff.failed()).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.failed()).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.failed()).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.failed()).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.failed()).isEqualTo(Duration.ofSeconds(5));
        backoff.succeeded();
        assertThat(backoff.failed()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aCapBelowOneSecondIsTheWaitFromTheStart() {
        Backoff backoff = new Backoff(Duration.ofMillis(300));

        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(300));
        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aCapThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cap: must be a positive duration");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
