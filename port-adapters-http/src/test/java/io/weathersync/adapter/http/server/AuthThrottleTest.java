package io.weathersync.adapter.http.server;

import io.weathersync.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The windows of failed authentications: per address, per presented credential, and for the whole node. */
class AuthThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final AuthThrottle throttle = new AuthThrottle(3, 10, Duration.ofMinutes(1), clock);

    @Test
    void anAddressOverItsCapWaitsUntilItsWindowEnds() {
        assertThat(throttle.failed("10.0.0.1", "a")).isEmpty();
        clock.advance(Duration.ofSeconds(20));
        assertThat(throttle.failed("10.0.0.1", "b")).isEmpty();
        assertThat(throttle.failed("10.0.0.1", "c")).isEmpty();

        assertThat(throttle.failed("10.0.0.1", "d")).contains(Duration.ofSeconds(40));
        clock.advance(Duration.ofSeconds(41));
        assertThat(throttle.failed("10.0.0.1", "e")).isEmpty();
    }

    @Test
    void oneCredentialTriedFromManyAddressesMeetsItsOwnCap() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.failed("10.0.0." + i, "key CN1")).isEmpty();
        }
        assertThat(throttle.failed("10.0.0.9", "key CN1")).contains(Duration.ofMinutes(1));
        assertThat(throttle.failed("10.0.0.9", "key CN2")).isEmpty();
    }

    @Test
    void guessingFromManyAddressesMeetsTheGlobalCap() {
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.failed("10.0.1." + i, "guess " + i)).isEmpty();
        }
        assertThat(throttle.failed("10.0.2.1", "guess 11")).contains(Duration.ofMinutes(1));
    }

    @Test
    void nonsensicalLimitsAreRefused() {
        assertThatThrownBy(() -> new AuthThrottle(0, Duration.ofMinutes(1), clock)).hasMessageStartingWith("max_failures:");
        assertThatThrownBy(() -> new AuthThrottle(5, 4, Duration.ofMinutes(1), clock))
                .hasMessageStartingWith("max_global_failures:");
        assertThatThrownBy(() -> new AuthThrottle(1, Duration.ZERO, clock)).hasMessageStartingWith("window:");
    }
}
