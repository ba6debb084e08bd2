package io.weathersync.domain.cluster;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A registered node's status: disabled wins, else online within the offline timeout of its last heartbeat. */
class NodeAvailabilityTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration OFFLINE_AFTER = Duration.ofSeconds(45);

    @ParameterizedTest(name = "active={0}, last seen {1} ms ago -> {2}")
    @CsvSource(nullValues = "never", value = {
        "true,  0,     ONLINE",
        "true,  45000, ONLINE",
        "true,  45001, OFFLINE",
        "true,  never, OFFLINE",
        "false, 0,     DISABLED",
        "false, never, DISABLED",
        "false, 90000, DISABLED"})
    void availabilityFollowsTheTable(boolean active, Long agoMillis, NodeAvailability expected) {
        Instant lastSeen = agoMillis == null ? null : NOW.minusMillis(agoMillis);

        assertThat(NodeAvailability.of(active, lastSeen, NOW, OFFLINE_AFTER)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"OFFLINE, 0", "ONLINE, 1", "DISABLED, 2"})
    void codesAreSeed002s(NodeAvailability availability, int code) {
        assertThat(availability.code()).isEqualTo(code);
    }
}
