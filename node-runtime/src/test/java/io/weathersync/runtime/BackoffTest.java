package io.weathersync.runtime;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

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
}
