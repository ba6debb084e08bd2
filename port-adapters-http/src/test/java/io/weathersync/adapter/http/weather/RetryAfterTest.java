package io.weathersync.adapter.http.weather;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static Optional<Duration> parse(String header) {
        return RetryAfter.parse(Optional.ofNullable(header), NOW);
    }

    @Test
    void secondsAreReadAsADelay() {
        assertThat(parse("120")).contains(Duration.ofSeconds(120));
        assertThat(parse(" 0 ")).contains(Duration.ZERO);
    }

    @Test
    void httpDateIsReadAsTheTimeUntilThen() {
        assertThat(parse("Mon, 23 Nov 2026 10:01:30 GMT")).contains(Duration.ofSeconds(90));
        assertThat(parse("Mon, 23 Nov 2026 09:00:00 GMT")).as("a past date means now").contains(Duration.ZERO);
    }

    @Test
    void absentNegativeOrUnreadableHeaderGivesNothing() {
        assertThat(parse(null)).isEmpty();
        assertThat(parse("")).isEmpty();
        assertThat(parse("-5")).isEmpty();
        assertThat(parse("soon")).isEmpty();
    }
}
