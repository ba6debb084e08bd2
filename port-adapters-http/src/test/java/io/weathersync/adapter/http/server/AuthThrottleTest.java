package io.weathersync.adapter.http.server;

import io.weathersync.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-address window of failed authentications. */
class AuthThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final AuthThrottle throttle = new AuthThrottle(3, Duration.ofMinutes(1), clock);

    @Test
    void anAddressIsBlockedAtTheLimitUntilItsWindowEnds() {
        throttle.failed("10.0.0.1");
        clock.advance(Duration.ofSeconds(20));
        throttle.failed("10.0.0.1");
        assertThat(throttle.blockedFor("10.0.0.1")).isEmpty();

        throttle.failed("10.0.0.1");

        assertThat(throttle.blockedFor("10.0.0.1")).contains(Duration.ofSeconds(40));
        clock.advance(Duration.ofSeconds(39));
        assertThat(throttle.blockedFor("10.0.0.1")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.blockedFor("10.0.0.1")).isEmpty();
    }

    @Test
    void failuresAfterTheWindowStartANewOne() {
        throttle.failed("10.0.0.1");
        throttle.failed("10.0.0.1");
        clock.advance(Duration.ofSeconds(61));

        throttle.failed("10.0.0.1");
        throttle.failed("10.0.0.1");

        assertThat(throttle.blockedFor("10.0.0.1")).isEmpty();
    }

    @Test
    void addressesAreCountedApart() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("10.0.0.1");
        }

        assertThat(throttle.blockedFor("10.0.0.1")).isPresent();
        assertThat(throttle.blockedFor("10.0.0.2")).isEqualTo(Optional.empty());
    }

    @Test
    void nonsensicalLimitsAreRefused() {
        assertThatThrownBy(() -> new AuthThrottle(0, Duration.ofMinutes(1), clock)).hasMessageStartingWith("max_failures:");
        assertThatThrownBy(() -> new AuthThrottle(1, Duration.ZERO, clock)).hasMessageStartingWith("window:");
    }
}
